using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Renderer.Host.Cli;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Catalog;

/// <summary>The program's command line as an administrator meets it: help, usage errors, a render without the catalog, catalog export and import.</summary>
[NonParallelizable]
public sealed class CommandLineTests
{
    private static string HostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(ErrorHandlingTests.ProjectRoot(), "src", "Renderer.Host", "bin", configuration, "net10.0", "Renderer.Host.dll");
    }

    private static (int Code, string Out, string Err) Run(string dataFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(HostDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DataFolder"] = dataFolder;
        start.Environment["Sandbox__PoolSize"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000)) { process.Kill(true); Assert.Fail($"'{string.Join(' ', args)}' did not finish"); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string TempFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), name + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Test]
    public void Help_is_printed_for_the_program_and_for_each_command_and_an_unknown_command_is_a_usage_error()
    {
        var data = TempFolder("cli-help");
        var help = Run(data, "--help");
        Assert.That((help.Code, help.Out), Is.EqualTo((0, help.Out)));
        Assert.That(help.Out, Does.Contain("render <report.rdl>").And.Contain("catalog export|import"));
        Assert.That(Run(data, "render", "--help").Out, Does.Contain("--format pdf|xlsx|csv|docx|html"));
        Assert.That(Run(data, "catalog", "--help").Out, Does.Contain("--overwrite"));
        var unknown = Run(data, "serve-me");
        Assert.That(unknown.Code, Is.EqualTo(2));
        Assert.That(unknown.Err, Does.Contain("Unknown command 'serve-me'"));
        Assert.That(File.Exists(Path.Combine(data, "catalog.db")), Is.False, "no command above starts the server or opens the catalog");
    }

    [Test]
    public void A_command_line_render_reads_only_its_file_and_never_opens_the_catalog()
    {
        var data = TempFolder("cli-render");
        var output = Path.Combine(data, "sales.pdf");
        var rdl = Path.Combine(ErrorHandlingTests.ProjectRoot(), "samples", "rdl", "Sales.rdl");
        var result = Run(data, "render", rdl, "--out", output, "--param", "Year=2023");
        Assert.That(result.Code, Is.EqualTo(0), result.Err);
        Assert.That(result.Out, Does.Contain("page(s)"));
        Assert.That(result.Err, Does.Not.Contain("info:"), "a command logs at Warning by default");
        Assert.That(result.Err, Does.Not.Contain("Rendering").And.Not.Contain(" of 8"), "no progress when stderr is not a terminal");
        Assert.That(File.Exists(output));
        Assert.That(File.Exists(Path.Combine(data, "catalog.db")), Is.False);
        var compiled = Directory.GetFiles(Path.Combine(data, "cache", "expressions"), "*.dll");
        Assert.That(compiled, Has.Length.EqualTo(1), "only the rendered report is compiled, not every sample");
    }

    /// <summary>A long render on a terminal shows its pages done on stderr (run under <c>script</c>, which gives it a pseudo-terminal).</summary>
    [Test]
    public void A_long_render_on_a_terminal_shows_its_pages_done()
    {
        var data = TempFolder("cli-progress");
        var output = Path.Combine(data, "bench.pdf");
        var rdl = Path.Combine(ErrorHandlingTests.ProjectRoot(), "samples", "rdl", "BenchSales.rdlc");
        var rows = Path.Combine(data, "sales.csv");
        var source = File.ReadAllLines(Path.Combine(ErrorHandlingTests.ProjectRoot(), "samples", "data", "Sales.csv"));
        File.WriteAllLines(rows, [source[0], .. Enumerable.Repeat(source[1..], 20).SelectMany(r => r)]);
        var command = string.Join(' ', new[] { "dotnet", HostDll(), "render", rdl, "--out", output }.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-qec", command, "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment["DataFolder"] = data;
        start.Environment["Sandbox__PoolSize"] = "0";
        start.Environment["DataBroker__DataSources__LocalSource__ConnectionString"] = rows;
        using var process = Process.Start(start)!;
        var terminal = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(300_000)) { process.Kill(true); Assert.Fail("the render did not finish"); }

        Assert.That(process.ExitCode, Is.EqualTo(0), terminal.Result);
        var pages = System.Text.RegularExpressions.Regex.Match(terminal.Result, @"Wrote .*: (\d+) page\(s\)");
        Assert.That(pages.Success, Is.True, terminal.Result);
        Assert.That(terminal.Result, Does.Match($@"Rendering BenchSales\.rdlc to PDF: page \d+ of {pages.Groups[1].Value}"));
    }

    [Test]
    public async Task Catalog_export_and_import_copy_a_folder_tree_with_its_reports()
    {
        var data = TempFolder("cli-catalog");
        var export = Path.Combine(data, "export");
        using (var server = new CatalogServer(data, "sqlite", null))
        using (var client = server.CreateClient())
        {
            Assert.That((await client.PostAsJsonAsync("/api/v2.0/Folders", new { Path = "/Finance", Description = "Money" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
            var rdl = await File.ReadAllTextAsync(Path.Combine(ErrorHandlingTests.ProjectRoot(), "samples", "rdl", "Sales.rdl"));
            var created = await client.PostAsync("/api/v2.0/Reports?path=/Finance/Sales&description=Yearly", new StringContent(rdl, Encoding.UTF8, "application/xml"));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

            var stdout = new StringWriter();
            Assert.That(await CatalogCommand.RunAsync(server.Services, ["catalog", "export", export, "--from", "/Finance"], stdout, new StringWriter()), Is.EqualTo(0));
            Assert.That(stdout.ToString(), Does.Contain("Exported 1 item(s)"));
            var stderr = new StringWriter();
            Assert.That(await CatalogCommand.RunAsync(server.Services, ["catalog", "import", export, "--to", "/Copy"], new StringWriter(), stderr), Is.EqualTo(0), stderr.ToString());
            Assert.That(await CatalogCommand.RunAsync(server.Services, ["catalog", "import", export, "--to", "/Copy"], new StringWriter(), stderr = new StringWriter()), Is.EqualTo(1));
            Assert.That(stderr.ToString(), Does.Contain("refused: /Copy/Sales"));

            var copy = JsonDocument.Parse(await client.GetStringAsync("/api/v2.0/CatalogItems/ByPath?path=/Copy/Sales")).RootElement;
            Assert.That(copy.GetProperty("description").GetString(), Is.EqualTo("Yearly"));
            var content = await client.GetStringAsync($"/api/v2.0/Reports({copy.GetProperty("id").GetString()})/Content/$value");
            Assert.That(content, Is.EqualTo(rdl));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
