using System.Text;
using DataBroker.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Host.Tests.EndToEnd;
using Renderer.Sandbox;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// A memory dump of the running sandbox holds no secret: while the sandbox waits for each of two datasets (the second
/// request comes after the first dataset's rows were delivered), every readable region of /proc/&lt;pid&gt;/mem is read
/// and searched for the canary secret and the connection string, in ASCII/UTF-8 and UTF-16.
/// </summary>
[TestFixture]
public sealed class SandboxMemoryScanTests
{
    [Test]
    public async Task Sandbox_memory_holds_no_canary_or_connection_string_before_and_after_rows_arrive()
    {
        SecurityPrerequisite.Require(OperatingSystem.IsLinux(), "reads /proc/<pid>/mem");
        using var server = new ServerFixture();
        using (var connection = new SqliteConnection($"Data Source={server.CanaryDatabase}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(Amount REAL); INSERT INTO t VALUES (1.5), (2.25);";
            command.ExecuteNonQuery();
        }
        var services = server.Services;
        var entry = ReportEntries.Read(services, "CanaryTwoDataSets", CanaryReports.TwoDataSetReport);
        var compiled = services.GetRequiredService<CompilationCache>().GetOrCompile(entry.Bytes, entry.Definition, entry.FileName);
        var launcher = services.GetRequiredService<SandboxLauncher>();

        int pid = 0;
        var connectionString = $"Data Source={server.CanaryDatabase};Mode=ReadOnly";
        var probe = new MemoryScanningHandler(
            new BrokerDataHandler(services.GetRequiredService<IQueryRunner>(), entry.Definition), () => pid, [ServerFixture.Canary, connectionString]);
        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, "pdf", new Dictionary<string, object?[]>(), DateTime.Now, "tester");
        var result = await launcher.RenderAsync(input, probe, p => pid = p, CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(probe.Scans, Has.Count.EqualTo(2), "the sandbox asked for both datasets, and its memory was read each time");
        foreach (var scan in probe.Scans)
        {
            Assert.That(scan.BytesRead, Is.GreaterThan(1L << 20), $"{scan.DataSet}: the sandbox's memory was really read");
            Assert.That(scan.Found, Is.Empty, $"{scan.DataSet}: the sandbox's memory holds no secret");
        }
        using var pdf = PdfDocument.Open(result.Output!.Content);
        var text = pdf.GetPage(1).Text;
        Assert.That(text, Does.Contain("3.75"), "the first dataset's rows came through the broker");
        Assert.That(text, Does.Contain("2.25"), "the second dataset's rows came through the broker");
    }

    [Test]
    public void The_scanner_finds_a_string_a_process_holds()
    {
        SecurityPrerequisite.Require(OperatingSystem.IsLinux(), "reads /proc/<pid>/mem");
        var marker = "MARKER-" + Guid.NewGuid().ToString("N");
        var held = Encoding.UTF8.GetBytes(marker);
        var (bytesRead, found) = ProcessMemory.Search(Environment.ProcessId, [marker]);
        Assert.That(bytesRead, Is.GreaterThan(1L << 20));
        Assert.That(found, Does.Contain(marker).And.Contain(marker + " (UTF-16)"), "both encodings of a live string are found");
        GC.KeepAlive(held);
    }

    internal sealed record MemoryScan(string DataSet, long BytesRead, IReadOnlyList<string> Found);

    private sealed class MemoryScanningHandler(ISandboxDataHandler inner, Func<int> pid, IReadOnlyList<string> secrets) : ISandboxDataHandler
    {
        public List<MemoryScan> Scans { get; } = [];

        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        {
            var (bytesRead, found) = ProcessMemory.Search(pid(), secrets);
            Scans.Add(new MemoryScan(dataSetName, bytesRead, found));
            return inner.ExecuteAsync(dataSetName, parameters, cancellationToken);
        }
    }
}
