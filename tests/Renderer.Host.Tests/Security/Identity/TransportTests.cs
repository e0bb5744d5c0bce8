using System.Diagnostics;
using System.Net;

namespace Renderer.Host.Tests.Security.Identity;

/// <summary>
/// The running server as a client meets it: HTTPS only, TLS 1.2 and 1.3 accepted and 1.1 refused (checked with
/// <c>openssl s_client</c>), security headers and <c>no-store</c> on report output, data and definitions.
/// </summary>
[NonParallelizable]
public sealed class TransportTests
{
    private HostProcess _host = null!;

    [OneTimeSetUp]
    public void Start()
    {
        SecurityPrerequisite.Require(File.Exists("/usr/bin/openssl"), "openssl is needed to check the TLS versions (.ci/setup-machine installs it)");
        _host = new HostProcess();
    }

    [OneTimeTearDown]
    public void Stop() => _host?.Dispose();

    private (int Code, string Output) SClient(params string[] options)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var o in new[] { "s_client", "-connect", $"127.0.0.1:{_host.Port}", "-servername", "localhost" }.Concat(options)) start.ArgumentList.Add(o);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000)) { process.Kill(); Assert.Fail("openssl s_client did not finish"); }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [TestCase("-tls1_2", "TLSv1.2")]
    [TestCase("-tls1_3", "TLSv1.3")]
    public void TLS_1_2_and_1_3_are_accepted(string option, string protocol)
    {
        var (code, output) = SClient(option);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Protocol  : " + protocol).Or.Contain("Protocol: " + protocol).Or.Contain(", " + protocol + ","));
    }

    [TestCase("-tls1_1")]
    [TestCase("-tls1")]
    public void Older_TLS_versions_are_refused(string option)
    {
        // The client is allowed the old protocol (security level 0), so only the server can be refusing it.
        var (code, output) = SClient(option, "-cipher", "DEFAULT@SECLEVEL=0");
        Assert.That(code, Is.Not.EqualTo(0), output);
        Assert.That(output, Does.Contain("alert protocol version").And.Contain("Cipher is (NONE)").And.Contain("no peer certificate available"), "the server answers the hello with alert 70 and never sends its certificate");
    }

    [Test]
    public async Task Plain_http_on_the_port_gets_no_answer_with_data()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            var response = await client.GetAsync($"http://localhost:{_host.Port}/api/v2.0/CatalogItems");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "Kestrel answers plain HTTP on a TLS port with 400 and nothing else");
        }
        catch (HttpRequestException)
        {
            Assert.Pass("the connection was closed");
        }
    }

    [Test]
    public async Task Render_responses_and_definitions_are_not_stored_and_carry_the_security_headers()
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _host.TokenAsync("admin"));
        var item = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v2.0/CatalogItems/ByPath?path=/Sales/Sales%20Summary")).RootElement.GetProperty("id").GetString();
        foreach (var url in new[] { $"/api/v2.0/Reports({item})/Render?format=pdf", $"/api/v2.0/Reports({item})/Render?format=csv", $"/api/v2.0/Reports({item})/Content/$value", $"/api/v2.0/Reports({item})", "/api/v2.0/CatalogItems" })
        {
            using var response = await client.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, url);
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), url);
            Assert.That(string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), Does.Contain("frame-ancestors 'none'").And.Contain("default-src 'self'"), url);
        }
    }

    [Test]
    public async Task The_token_command_prints_a_token_the_api_accepts()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(EndToEnd.ErrorHandlingTests.ProjectRoot(), "src", "Renderer.Host", "bin", configuration, "net10.0", "Renderer.Host.dll"), "token", "analyst" }) start.ArgumentList.Add(arg);
        start.Environment["DataFolder"] = _host.DataFolder;
        start.Environment["Urls"] = _host.BaseUrl;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(0), error);

        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", output.Trim());
        var me = await client.GetStringAsync("/api/v2.0/Me");
        Assert.That(me, Does.Contain("\"userId\":\"analyst\""));
    }

    [Test]
    public void A_plain_http_listen_address_stops_start_up_with_a_message_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new HostProcess(environment: new Dictionary<string, string> { ["Urls"] = "http://localhost:5999" }).Dispose());
        Assert.That(error!.Message, Does.Contain("Urls: 'http://localhost:5999' is not an https address"));
    }

    [Test]
    public void The_built_in_provider_refuses_to_start_on_an_address_other_machines_reach()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new HostProcess(environment: new Dictionary<string, string> { ["Urls"] = "https://0.0.0.0:5998" }).Dispose());
        Assert.That(error!.Message, Does.Contain("built-in development identity provider").And.Contain("https://0.0.0.0:5998"));
    }
}
