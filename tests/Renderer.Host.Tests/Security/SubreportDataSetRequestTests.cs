using System.Text;
using DataBroker.Queries;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Host.Tests.EndToEnd;
using Renderer.Sandbox;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// A subreport's dataset requests are checked against the subreport's own definition as the host resolved it: a sandbox
/// whose copy of the subreport declares dataset "Data" (on the canary source) gets DAT6002 when the host's subreport
/// declares only "Other"; the subreport shows the SSRS error text and the parent still renders.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SubreportDataSetRequestTests
{
    [Test]
    public async Task A_subreport_cannot_request_a_dataset_its_definition_does_not_declare()
    {
        using var server = new HostileServer();
        var services = server.Services;
        var parent = ReportEntries.Read(services, "SubParent", SubreportRdl.Calling("SubChild"));
        var tampered = ReportEntries.Read(services, "SubChildTampered", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t"));
        var declared = ReportEntries.Read(services, "SubChild", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t").Replace("DataSet Name=\"Data\"", "DataSet Name=\"Other\"", StringComparison.Ordinal));

        var cache = services.GetRequiredService<CompilationCache>();
        var parentCompiled = cache.GetOrCompile(parent.Bytes, parent.Definition, parent.FileName);
        var childCompiled = cache.GetOrCompile(tampered.Bytes, tampered.Definition, tampered.FileName);
        var handler = new BrokerDataHandler(services.GetRequiredService<IQueryRunner>(), parent.Definition,
            new Dictionary<string, Rdl.Model.Definitions.ReportDefinition>(StringComparer.OrdinalIgnoreCase) { ["SubChild"] = declared.Definition });
        var input = new RenderInput(parent.Name, parent.FileName, parent.Bytes, parentCompiled.AssemblyImage, "csv", new Dictionary<string, object?[]>(), DateTime.Now, "tester")
        {
            Subreports = [new SubreportImage("SubChild", "SubChild.rdl", tampered.Bytes, childCompiled.AssemblyImage)],
        };
        var result = await services.GetRequiredService<SandboxLauncher>().RenderAsync(input, handler, _ => { }, CancellationToken.None);

        Assert.That(result.Output, Is.Not.Null, string.Join("\n", result.Diagnostics));
        var output = Encoding.UTF8.GetString(result.Output!.Content);
        var messages = string.Join("\n", result.Output.Diagnostics.Select(d => $"{d.Code}: {d.Message}"));
        Assert.That(output, Does.Contain("Caption").And.Contain("Error: Subreport could not be shown."), "the parent renders, the subreport shows the error text");
        Assert.That(messages, Does.Contain("PRC4070").And.Contain("DAT6002").And.Contain("'Data'"), "the warning names the subreport and the refusal");
        Assert.That(output, Does.Not.Contain("3.75").And.Not.Contain("1.5"), "no row reached the sandbox");
        Assert.That(messages + output, Does.Not.Contain(HostileServer.Canary));
    }

    [Test]
    public async Task A_request_naming_a_subreport_the_render_does_not_use_is_refused()
    {
        using var server = new HostileServer();
        var services = server.Services;
        var parent = ReportEntries.Read(services, "SubParent2", TestReports.WithQuery("CanaryDb", "SELECT Amount FROM t"));
        var handler = new BrokerDataHandler(services.GetRequiredService<IQueryRunner>(), parent.Definition, new Dictionary<string, Rdl.Model.Definitions.ReportDefinition>());

        var result = await handler.ExecuteAsync(SubreportDataSetName.Format("SubParent2", "Data"), new Dictionary<string, object?>(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.ErrorMessage, Does.Contain("DAT6002").And.Contain("no subreport 'SubParent2'"));
    }
}
