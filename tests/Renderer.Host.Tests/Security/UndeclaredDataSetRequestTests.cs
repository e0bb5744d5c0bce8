using System.Net;
using System.Text;
using DataBroker.Queries;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Host.Tests.EndToEnd;
using Renderer.Sandbox;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// A sandbox that asks for a dataset the report does not declare is refused by the broker (DAT6002): the render whose
/// RDL declares dataset "Data" runs against a broker handler built from the catalog's definition of another report,
/// which declares only "Other". The host keeps serving; nothing shows the canary secret.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class UndeclaredDataSetRequestTests
{
    [Test]
    public async Task Sandbox_request_for_an_undeclared_dataset_is_refused_with_DAT6002_and_the_host_keeps_serving()
    {
        using var server = new HostileServer();
        using var client = server.CreateClient();
        var services = server.Services;
        var asked = ReportEntries.Read(services, "AsksForData", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t"));
        var declared = ReportEntries.Read(services, "DeclaresOther", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t").Replace("DataSet Name=\"Data\"", "DataSet Name=\"Other\"", StringComparison.Ordinal));
        Assert.That(declared.Definition.FindDataSet("Data"), Is.Null);

        var compiled = services.GetRequiredService<CompilationCache>().GetOrCompile(asked.Bytes, asked.Definition, asked.FileName);
        var handler = new BrokerDataHandler(services.GetRequiredService<IQueryRunner>(), declared.Definition);
        var input = new RenderInput(asked.Name, asked.FileName, asked.Bytes, compiled.AssemblyImage, "csv", new Dictionary<string, object?[]>(), DateTime.Now, "tester");
        var result = await services.GetRequiredService<SandboxLauncher>().RenderAsync(input, handler, _ => { }, CancellationToken.None);

        var messages = string.Join("\n", result.Diagnostics.Select(d => $"{d.Code}: {d.Message}"));
        var output = result.Output is null ? string.Empty : Encoding.UTF8.GetString(result.Output.Content);
        Assert.That(messages + output, Does.Contain("DAT6002").And.Contain("Dataset 'Data' is not declared"), "the error names the cause");
        Assert.That(output, Does.Not.Contain("3.75").And.Not.Contain("1.5"), "no row reached the sandbox");
        Assert.That(messages + output, Does.Not.Contain(HostileServer.Canary));
        Assert.That(server.Logs.Lines, Has.Some.Contains("DAT6002"), "the refused request is logged");
        Assert.That(string.Join("\n", server.Logs.Lines), Does.Not.Contain(HostileServer.Canary));

        var normal = await client.GetAsync("/api/reports/Sales/render?format=pdf&Year=2023");
        Assert.That(normal.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a normal render succeeds right after");
    }
}
