using Renderer.Host.Tests.EndToEnd;
using System.Net;
using System.Text;
using DataBroker.Queries;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Connection strings held only in the encrypted store: the sample report renders with them, and the canary secret they
/// carry never reaches the sandbox (its memory, environment, command line), the rendered output, the logs or the credential file.
/// </summary>
[TestFixture]
public sealed class EncryptedCredentialIsolationTests
{
    private EncryptedCredentialServer _server = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new EncryptedCredentialServer();
        _ = _server.Services;
    }

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task The_sales_sample_renders_with_a_connection_string_that_exists_only_encrypted()
    {
        using var client = _server.CreateClient();

        var response = await client.GetAsync("/api/reports/Sales/render?format=pdf&Year=2023");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => Encoding.UTF8.GetString(body));
        using var pdf = PdfDocument.Open(body);
        Assert.That(pdf.GetPage(1).Text, Does.Contain("Sales by Region, 2023"));
        Assert.That(File.ReadAllText(_server.CredentialFile), Does.Not.Contain("sample.db").And.Not.Contain("Data Source"));
        Assert.That(_server.Logs.Lines, Has.Some.Contains("2 encrypted connection string(s)"), "the start-up check saw the store");
    }

    [Test]
    public async Task The_canary_from_the_encrypted_store_never_reaches_the_sandbox_memory_output_or_logs()
    {
        var services = _server.Services;
        var entry = ReportEntries.Read(services, "EncryptedCanary", CanaryReports.TwoDataSetReport);
        var compiled = services.GetRequiredService<CompilationCache>().GetOrCompile(entry.Bytes, entry.Definition, entry.FileName);
        var launcher = services.GetRequiredService<SandboxLauncher>();

        int pid = 0;
        var probe = new ProbingHandler(new BrokerDataHandler(services.GetRequiredService<IQueryRunner>(), entry.Definition), () => pid, [EncryptedCredentialServer.Canary, _server.CanaryConnectionString]);
        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, "pdf", new Dictionary<string, object?[]>(), DateTime.Now, "tester");
        var result = await launcher.RenderAsync(input, probe, p => pid = p, CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        using (var pdf = PdfDocument.Open(result.Output!.Content))
            Assert.That(pdf.GetPage(1).Text, Does.Contain("3.75").And.Contain("2.25"), "the rows came through the broker with the decrypted connection string");
        Assert.That(probe.Asked, Is.EqualTo(2), "the sandbox asked for both datasets (the second after the first one's rows arrived)");
        Assert.That(probe.Environment, Does.Not.Contain(EncryptedCredentialServer.Canary).And.Not.Contain("Data Source"));
        Assert.That(probe.CommandLine, Does.Not.Contain(EncryptedCredentialServer.Canary).And.Not.Contain("Data Source"));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(probe.MemoryBytesRead, Is.GreaterThan(1L << 20), "the sandbox's memory was really read");
            Assert.That(probe.MemoryFound, Is.Empty, "the sandbox's memory holds no secret");
        }

        Assert.That(Encoding.Latin1.GetString(result.Output.Content), Does.Not.Contain(EncryptedCredentialServer.Canary));
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.None.Contains(EncryptedCredentialServer.Canary));
        Assert.That(_server.Logs.Lines, Has.None.Contains(EncryptedCredentialServer.Canary));
        Assert.That(File.ReadAllText(_server.CredentialFile), Does.Not.Contain(EncryptedCredentialServer.Canary));
    }

    private sealed class ProbingHandler(ISandboxDataHandler inner, Func<int> pid, IReadOnlyList<string> secrets) : ISandboxDataHandler
    {
        public int Asked { get; private set; }

        public string Environment { get; private set; } = string.Empty;

        public string CommandLine { get; private set; } = string.Empty;

        public long MemoryBytesRead { get; private set; }

        public IReadOnlyList<string> MemoryFound { get; private set; } = [];

        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        {
            Asked++;
            if (OperatingSystem.IsLinux())
            {
                Environment += File.ReadAllText($"/proc/{pid()}/environ");
                CommandLine += File.ReadAllText($"/proc/{pid()}/cmdline");
                var (bytesRead, found) = ProcessMemory.Search(pid(), secrets);
                MemoryBytesRead = Math.Min(MemoryBytesRead == 0 ? long.MaxValue : MemoryBytesRead, bytesRead);
                MemoryFound = [.. MemoryFound.Concat(found).Distinct()];
            }

            return inner.ExecuteAsync(dataSetName, parameters, cancellationToken);
        }
    }
}
