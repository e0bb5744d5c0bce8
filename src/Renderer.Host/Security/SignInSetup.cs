using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Embedding;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Security;

/// <summary>
/// Sign-in through Microsoft.Identity.Web: the browser with the OpenID Connect authorization code flow (PKCE) and a
/// cookie session kept in the catalog database; the API with bearer tokens validated by signature, issuer, audience
/// and lifetime. The identity provider is Entra ID when an <c>AzureAd</c> section is configured, else the built-in
/// development provider, which only starts when the server is reachable on loopback alone. There is no way to run
/// without sign-in.
/// </summary>
public static class SignInSetup
{
    public const string Scheme = "Renderer";
    public const string SessionCookie = "__Host-renderer";

    public static void AddRendererSignIn(this IHostApplicationBuilder builder, RendererPaths paths, string publicBaseUrl)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName)
            .Validate(o => o.AccessTokenLifetime >= TimeSpan.FromMinutes(1) && o.AccessTokenLifetime <= TimeSpan.FromHours(24), "Security:SignIn:AccessTokenLifetime must be between 00:01:00 and 24:00:00.")
            .Validate(o => o.RenewBeforeExpiry >= TimeSpan.Zero, "Security:SignIn:RenewBeforeExpiry must not be negative.")
            .Validate(o => o.ClockSkew >= TimeSpan.Zero && o.ClockSkew <= TimeSpan.FromMinutes(10), "Security:SignIn:ClockSkew must be between 0 and 00:10:00.")
            .Validate(o => o.InitialAdministrators.All(p => Principal.Parse(p) is not null), "Security:SignIn:InitialAdministrators holds an entry that is not a user, group: or role: principal.")
            .ValidateOnStart();
        var options = config.GetSection(SignInOptions.SectionName).Get<SignInOptions>() ?? new SignInOptions();
        services.AddDataProtection().SetApplicationName("Renderer");
        services.AddSingleton<CatalogXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<CatalogXmlRepository>()));
        services.AddSingleton<SignInAudit>();
        services.AddSingleton<CatalogTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseCatalogTicketStore>();
        services.AddSingleton<IdentityBackchannel>();

        var authentication = services.AddAuthentication(Scheme);
        authentication.AddPolicyScheme(Scheme, "Bearer token, embed token or browser session", policy => policy.ForwardDefaultSelector = Select);
        authentication.AddEmbedTokens();
        var azure = config.GetSection("AzureAd");
        var dev = !azure.Exists();
        if (PublicUrlOptions.Problem(publicBaseUrl) is { } badUrl)
            throw new OptionsValidationException(PublicUrlOptions.SectionName, typeof(PublicUrlOptions), [badUrl]);
        if (dev)
        {
            if (NotLoopback(config["Urls"]) is { } exposed)
                throw new OptionsValidationException("AzureAd", typeof(SignInOptions), [
                    $"No AzureAd section is configured, so sign-in would use the built-in development identity provider, which only runs on loopback; but it listens on {exposed}, which other machines can reach. Configure AzureAd (see the README's Sign-in section) or listen on localhost only."]);
            var secrets = DevIdentitySecrets.LoadOrCreate(paths.DataFolder, config.GetSection(EmbeddingOptions.SectionName + ":Applications").GetChildren().Select(a => a.Key));
            var settings = new SignInSettings(publicBaseUrl, options.AccessTokenLifetime);
            services.AddSingleton(settings);
            services.AddDevIdentityProvider(secrets, settings);
            authentication.AddMicrosoftIdentityWebApi(
                jwt =>
                {
                    jwt.Authority = settings.Issuer.ToString();
                    jwt.MetadataAddress = settings.MetadataAddress;
                    jwt.Audience = SignInSettings.ApiAudience;
                    jwt.TokenValidationParameters.ValidAudience = SignInSettings.ApiAudience;
                    jwt.TokenValidationParameters.IssuerValidator = ExactIssuer(settings.Issuer.ToString());
                },
                identity =>
                {
                    identity.Authority = settings.Issuer.ToString();
                    identity.ClientId = SignInSettings.ApiAudience;
                },
                JwtBearerDefaults.AuthenticationScheme);
            authentication.AddMicrosoftIdentityWebApp(
                identity =>
                {
                    identity.Authority = settings.Issuer.ToString();
                    identity.MetadataAddress = settings.MetadataAddress;
                    identity.ClientId = DevIdentityProvider.WebClientId;
                    identity.ClientSecret = secrets.WebClientSecret;
                    identity.ResponseType = "code";
                    identity.TokenValidationParameters.IssuerValidator = ExactIssuer(settings.Issuer.ToString());
                    identity.SignedOutCallbackPath = "/signout-callback-oidc";
                },
                cookie => { },
                OpenIdConnectDefaults.AuthenticationScheme,
                CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else
        {
            authentication.AddMicrosoftIdentityWebApi(azure, JwtBearerDefaults.AuthenticationScheme);
            authentication.AddMicrosoftIdentityWebApp(azure, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
        }
        services.PostConfigure<AuthenticationOptions>(o => (o.DefaultScheme, o.DefaultChallengeScheme, o.DefaultForbidScheme) = (Scheme, Scheme, Scheme));
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>>(sp => new ConfigureNamedOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            if (dev) jwt.BackchannelHttpHandler = sp.GetRequiredService<IdentityBackchannel>().CreateHandler();
            jwt.TokenValidationParameters.ClockSkew = options.ClockSkew;
            jwt.TokenValidationParameters.RequireExpirationTime = true;
            jwt.TokenValidationParameters.RequireSignedTokens = true;
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512, SecurityAlgorithms.RsaSsaPssSha256];
            jwt.MapInboundClaims = false;
        }));
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>>(sp => new ConfigureNamedOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
        {
            if (dev) oidc.BackchannelHttpHandler = sp.GetRequiredService<IdentityBackchannel>().CreateHandler();
            oidc.ResponseType = "code";
            oidc.ResponseMode = "query";
            oidc.UsePkce = true;
            oidc.SaveTokens = true;
            oidc.MapInboundClaims = false;
            oidc.TokenValidationParameters.NameClaimType = "name";
            oidc.Scope.Clear();
            foreach (var scope in dev ? ["openid", "profile", "offline_access", SignInSettings.ApiScope] : (config.GetSection("AzureAd:Scopes").Get<string[]>() ?? ["openid", "profile", "offline_access"]))
                oidc.Scope.Add(scope);
            var publicRoot = publicBaseUrl.TrimEnd('/');
            var redirect = oidc.Events.OnRedirectToIdentityProvider;
            oidc.Events.OnRedirectToIdentityProvider = async context =>
            {
                await redirect(context);
                // The address the provider sends the browser back to comes from configuration, not the Host header.
                context.ProtocolMessage.RedirectUri = publicRoot + oidc.CallbackPath;
            };
            var signOut = oidc.Events.OnRedirectToIdentityProviderForSignOut;
            oidc.Events.OnRedirectToIdentityProviderForSignOut = async context =>
            {
                await signOut(context);
                context.ProtocolMessage.PostLogoutRedirectUri = publicRoot + oidc.SignedOutCallbackPath;
            };
            var validated = oidc.Events.OnTokenValidated;
            oidc.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                await context.HttpContext.RequestServices.GetRequiredService<SignInAudit>().AppendAsync(context.HttpContext, Caller.From(context.Principal!).UserId, "SignIn", "success", "browser (authorization code)", context.HttpContext.RequestAborted);
            };
            var failed = oidc.Events.OnRemoteFailure;
            oidc.Events.OnRemoteFailure = async context =>
            {
                await failed(context);
                await context.HttpContext.RequestServices.GetRequiredService<SignInAudit>().AppendAsync(context.HttpContext, "(unknown)", "SignInFailed", "refused", context.Failure?.Message, context.HttpContext.RequestAborted);
                context.Response.Redirect("/account/signin-failed");
                context.HandleResponse();
            };
        }));
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(new PostConfigureOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.Path = "/";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            var validate = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                await validate(context);
                if (context.Principal is not null) await SessionRenewal.ValidateAsync(context);
            };
        }));
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>
    /// API calls with a bearer token use it; requests with an embed token use that. API calls without one may use the browser session for reading only:
    /// a session cookie never authorizes a change (so a forged cross-site form cannot publish or delete). Pages use
    /// the session and sign in through OpenID Connect when there is none.
    /// </summary>
    private static string Select(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return JwtBearerDefaults.AuthenticationScheme;
        // An embed token (Authorization: EmbedToken ...) only ever reaches the viewer's API for the reports it names.
        if (EmbedTokenHandler.Carries(request)) return EmbedTokenHandler.SchemeName;
        // The viewer's script calls its API with the browser session; without one it gets 401, not a sign-in page.
        if (request.Path.StartsWithSegments("/viewer/api"))
            return request.Cookies.ContainsKey(SessionCookie) ? CookieAuthenticationDefaults.AuthenticationScheme : JwtBearerDefaults.AuthenticationScheme;
        if (request.Path.StartsWithSegments("/api"))
            return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || ViewerSubscriptionChange(request)) && request.Cookies.ContainsKey(SessionCookie)
                ? CookieAuthenticationDefaults.AuthenticationScheme
                : JwtBearerDefaults.AuthenticationScheme;
        return OpenIdConnectDefaults.AuthenticationScheme;
    }

    /// <summary>
    /// A change to the caller's subscriptions from the viewer's subscription page: it carries the viewer's
    /// <c>X-Viewer-Request</c> header (a form on another site cannot send it, and a script there would need a CORS
    /// preflight this server never grants) and, when the browser says where it came from, it came from this origin.
    /// Only then may the browser session change anything through the API, and only subscriptions.
    /// </summary>
    private static bool ViewerSubscriptionChange(HttpRequest request)
    {
        const string prefix = "/api/v2.0/Subscriptions";
        var path = request.Path.Value ?? string.Empty;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] is '(' or '/')
            && request.Headers["X-Viewer-Request"].ToString() == "1" && (site.Length == 0 || site == "same-origin");
    }

    private static IssuerValidator ExactIssuer(string issuer) => (actual, _, _) =>
        string.Equals(actual, issuer, StringComparison.Ordinal) ? actual : throw new SecurityTokenInvalidIssuerException($"The token's issuer '{actual}' is not '{issuer}'.");

    /// <summary>A listen address that is not loopback, or null when all are.</summary>
    private static string? NotLoopback(string? urls)
    {
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)) return url;
            if (!PublicUrlOptions.IsLoopback(uri.Host)) return url;
        }
        return null;
    }
}
