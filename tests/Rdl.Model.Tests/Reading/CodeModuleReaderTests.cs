using System.Text;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>&lt;CodeModules&gt;: each CodeModule's text and line are kept for the host, which decides what it may load.</summary>
public sealed class CodeModuleReaderTests
{
    private const string Ns = "http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition";

    private static RdlReadResult Read(string inner) => RdlReader.Read(Encoding.UTF8.GetBytes(
        $"<Report xmlns=\"{Ns}\">\n{inner}\n<ReportSections><ReportSection><Body><ReportItems /><Height>1in</Height></Body><Width>1in</Width><Page /></ReportSection></ReportSections></Report>"), "M.rdl");

    [Test]
    public void Code_modules_are_read_with_their_lines()
    {
        var result = Read("<CodeModules>\n  <CodeModule>wasm:textutil</CodeModule>\n  <CodeModule> System.Web, Version=4.0.0.0 </CodeModule>\n</CodeModules>");
        Assert.That(result.Success, Is.True);
        Assert.That(result.Diagnostics, Is.Empty, "CodeModules is no longer an ignored element, and reading it warns about nothing");
        var modules = result.Report!.CodeModules;
        Assert.That(modules.Select(m => m.Name), Is.EqualTo(new[] { "wasm:textutil", "System.Web, Version=4.0.0.0" }));
        Assert.That(modules.Select(m => m.Location.Line), Is.EqualTo(new[] { 3, 4 }));
        Assert.That(modules[0].Location.File, Is.EqualTo("M.rdl"));
    }

    [Test]
    public void A_report_without_code_modules_has_none()
    {
        Assert.That(Read(string.Empty).Report!.CodeModules, Is.Empty);
    }

    [Test]
    public void An_empty_code_module_is_an_error_at_its_line()
    {
        var result = Read("<CodeModules>\n  <CodeModule> </CodeModule>\n</CodeModules>");
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(RdlDiagnosticCodes.MissingRequired));
        Assert.That(error.Location.Line, Is.EqualTo(3));
    }
}
