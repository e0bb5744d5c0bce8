using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Security.Transport;

/// <summary>
/// HTTPS for every listen address: TLS 1.2 and 1.3 only, the configured certificate or the loopback one. A plain
/// <c>http://</c> listen address stops start-up: there is no unencrypted port to redirect from.
/// </summary>
public static class HttpsSetup
{
    public static void AddRendererHttps(this IHostApplicationBuilder builder, RendererPaths paths)
    {
        var config = builder.Configuration;
        var urls = config["Urls"] ?? config["ASPNETCORE_URLS"] ?? string.Empty;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                throw new OptionsValidationException(TransportOptions.SectionName, typeof(TransportOptions),
                    [$"Urls: '{url}' is not an https address. The server speaks HTTPS only (TLS 1.2 and 1.3); use https://{url[(url.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : 0)..]}."]);
        var options = config.GetSection(TransportOptions.SectionName).Get<TransportOptions>() ?? new TransportOptions();
        builder.Services.AddOptions<TransportOptions>().BindConfiguration(TransportOptions.SectionName)
            .Validate(o => o.HstsMaxAgeDays >= 0, "Security:Transport:HstsMaxAgeDays must be 0 or more.")
            .Validate(o => o.FrameAncestors.All(IsSource), "Security:Transport:FrameAncestors holds an entry that is not an https origin or 'self'.")
            .ValidateOnStart();
        var certificate = new Lazy<X509Certificate2>(() => Load(options, paths));
        builder.Services.AddSingleton(new ServerCertificate(certificate));
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                https.ClientCertificateMode = ClientCertificateMode.NoCertificate;
                if (config.GetSection("Kestrel:Certificates:Default").Exists()) return;
                https.ServerCertificate = certificate.Value;
            });
        });
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(options.HstsMaxAgeDays);
            hsts.IncludeSubDomains = false;
        });
    }

    private static bool IsSource(string value) => value == "'self'" || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.AbsolutePath == "/" && uri.Query.Length == 0);

    private static X509Certificate2 Load(TransportOptions options, RendererPaths paths)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath)) return LoopbackCertificate.LoadOrCreate(paths.DataFolder);
        var file = paths.Resolve(options.CertificatePath);
        if (!File.Exists(file)) throw new OptionsValidationException(TransportOptions.SectionName, typeof(TransportOptions), [$"Security:Transport:CertificatePath: '{file}' does not exist."]);
        return options.CertificateKeyPath is { Length: > 0 } key
            ? X509Certificate2.CreateFromPemFile(file, paths.Resolve(key))
            : X509CertificateLoader.LoadPkcs12FromFile(file, options.CertificatePassword);
    }
}

/// <summary>The certificate the server presents; the identity back channel trusts exactly this one.</summary>
public sealed class ServerCertificate(Lazy<X509Certificate2> certificate)
{
    public X509Certificate2 Certificate => certificate.Value;
}
