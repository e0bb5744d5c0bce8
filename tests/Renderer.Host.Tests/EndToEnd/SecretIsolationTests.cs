using System.Text;
using DataBroker.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// The sandbox never holds a data source's secrets: a canary secret sits in the data source's connection string and
/// credential; while the sandbox waits for rows, its environment and command line are read from /proc.
/// </summary>
[TestFixture]
public sealed class SecretIsolationTests
{
    [Test]
    public async Task Sandbox_environment_command_line_and_output_hold_no_connection_string_or_secret()
    {
        using var server = new ServerFixture();
        using (var connection = new SqliteConnection($"Data Source={server.CanaryDatabase}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(Amount REAL); INSERT INTO t VALUES (1.5), (2.25);";
            command.ExecuteNonQuery();
        }
        var services = server.Services;
        var entry = ReportEntries.Read(services, "CanaryReport", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t"));
        var compiled = services.GetRequiredService<CompilationCache>().GetOrCompile(entry.Bytes, entry.Definition, entry.FileName);
        var broker = services.GetRequiredService<IQueryRunner>();
        var launcher = services.GetRequiredService<SandboxLauncher>();

        int pid = 0;
        var probe = new ProbingHandler(new BrokerDataHandler(broker, entry.Definition), () => pid);
        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, "pdf", new Dictionary<string, object?[]>(), DateTime.Now, "tester");
        var result = await launcher.RenderAsync(input, probe, p => pid = p, CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(probe.Environment, Is.Not.Null, "the sandbox asked for data while it was running");
        Assert.That(probe.Environment, Does.Not.Contain(ServerFixture.Canary));
        Assert.That(probe.Environment, Does.Not.Contain("Data Source"));
        Assert.That(probe.CommandLine, Does.Not.Contain(ServerFixture.Canary));
        Assert.That(probe.CommandLine, Does.Not.Contain("Data Source"));
        var variables = probe.Environment!.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')[0]);
        Assert.That(variables, Is.SubsetOf(SandboxEnvironment.AllowedNames), "only the allowed runtime settings are set");
        Assert.That(Encoding.Latin1.GetString(result.Output!.Content), Does.Not.Contain(ServerFixture.Canary));
        using var pdf = PdfDocument.Open(result.Output.Content);
        Assert.That(pdf.GetPage(1).Text, Does.Contain("3.75"), "the data really came through the broker");
    }

    private sealed class ProbingHandler(ISandboxDataHandler inner, Func<int> pid) : ISandboxDataHandler
    {
        public string? Environment { get; private set; }

        public string? CommandLine { get; private set; }

        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        {
            Environment = File.ReadAllText($"/proc/{pid()}/environ");
            CommandLine = File.ReadAllText($"/proc/{pid()}/cmdline");
            return inner.ExecuteAsync(dataSetName, parameters, cancellationToken);
        }
    }
}
