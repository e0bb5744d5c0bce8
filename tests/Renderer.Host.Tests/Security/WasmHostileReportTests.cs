using Renderer.Host.Tests.EndToEnd;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;
using Renderer.Host.Rendering;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// The hostile-report suite for WebAssembly code modules (Security/Hostile/Wasm*.rdl, modules from Wasm/TestModules):
/// a module that loops forever or grows its memory forever is stopped at run time by fuel or the memory limit, and
/// the textbox shows #Error with a warning naming the textbox, the module, the function and the cause; imports and
/// paths are refused at upload. Right after each, a normal report still renders.
/// </summary>
[TestFixture]
public sealed class WasmHostileReportTests : HostileServerTest
{
    /// <summary>Renders through HTTP (CSV) and, for the warnings HTTP does not return, through the render service.</summary>
    private async Task<(string Csv, RenderResult Result)> Render(string file)
    {
        var upload = await Upload(file);
        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.Created), upload.Body);
        var name = Path.GetFileNameWithoutExtension(file);
        var response = await Client.GetAsync($"/api/reports/{name}/render?format=csv");
        var csv = await response.Content.ReadAsStringAsync();
        Bodies.Add(csv);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), csv);
        var entry = await ReportEntries.LoadAsync(Server.Services, name);
        var result = await Server.Services.GetRequiredService<RenderService>().RenderAsync(entry, "csv", [], "tester", CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        return (csv, result);
    }

    [Test]
    public async Task A_module_that_loops_forever_is_stopped_by_its_fuel_budget()
    {
        var (csv, result) = await Render("WasmInfiniteLoop.rdl");
        Assert.That(csv, Does.Contain("#Error"));
        var warning = result.Diagnostics.Single(d => d.Code == "PRC4001");
        Assert.That(warning.Message, Does.Contain("Textbox 'Attack'").And.Contain("module 'spin', function 'spin'")
            .And.Contain("CPU budget (fuel limit of 10,000,000 units per call)"));
    }

    [Test]
    public async Task A_module_that_grows_memory_forever_is_stopped_at_the_memory_limit()
    {
        var (csv, result) = await Render("WasmMemoryBomb.rdl");
        Assert.That(csv, Does.Contain("#Error"));
        var warning = result.Diagnostics.Single(d => d.Code == "PRC4001");
        Assert.That(warning.Message, Does.Contain("Textbox 'Attack'").And.Contain("module 'hog', function 'hog'")
            .And.Contain("memory limit of 16 MiB"));
    }

    [Test]
    public async Task A_module_that_imports_a_host_function_is_refused_at_upload()
    {
        var (status, body) = await Upload("WasmImport.rdl");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EXP3201").And.Contain("env.read_file").And.Contain("may import nothing"));
    }

    [Test]
    public async Task A_code_module_path_outside_the_modules_folder_is_refused_at_upload()
    {
        var (status, body) = await Upload("WasmPathTraversal.rdl");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EXP3200").And.Contain("plain name").And.Not.Contain("root:"));
    }
}
