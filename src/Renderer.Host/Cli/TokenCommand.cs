using System.Text.Json;
using Microsoft.Extensions.Options;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Transport;

namespace Renderer.Host.Cli;

/// <summary>
/// <c>token &lt;user&gt;</c>: asks the running server's built-in development provider for an access token of a sample
/// user (password flow, with the password from the data folder) and prints it, for <c>curl -H "Authorization: Bearer …"</c>.
/// </summary>
public static class TokenCommand
{
    public const string Usage = """
        Usage: Renderer.Host token <user>

        Prints an access token for a sample user of the built-in development sign-in (admin, publisher or analyst),
        issued by the running server at Renderer:PublicBaseUrl. Only for the built-in provider: with Entra ID, get
        tokens from Entra (az account get-access-token, MSAL).
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 2 || DevUsers.Find(args[1]) is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var paths = services.GetRequiredService<RendererPaths>();
        var secretsFile = DevIdentitySecrets.PathIn(paths.DataFolder);
        var certificateFile = LoopbackCertificate.PathIn(paths.DataFolder);
        if (!File.Exists(secretsFile) || !File.Exists(certificateFile))
        {
            await error.WriteLineAsync($"No built-in sign-in data in {paths.DataFolder}: start the server once (dotnet run --project src/Renderer.Host).");
            return 1;
        }
        var secrets = DevIdentitySecrets.LoadOrCreate(paths.DataFolder);
        using var own = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificateFile, null);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, errors) => IdentityBackchannel.Trusted(presented, errors, own) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(services.GetRequiredService<IOptions<PublicUrlOptions>>().Value.PublicBaseUrl!.TrimEnd('/') + "/") };
        var user = DevUsers.Find(args[1])!.Name;
        try
        {
            using var response = await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = DevIdentityProvider.CliClientId,
                ["username"] = user,
                ["password"] = secrets.Passwords[user],
                ["scope"] = "openid " + SignInSettings.ApiScope,
            }));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync($"The server refused: {(int)response.StatusCode} {body}");
                return 1;
            }
            await output.WriteLineAsync(JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
            return 0;
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"Could not reach the server at {client.BaseAddress}: {exception.Message}");
            return 1;
        }
    }
}
