using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;

namespace Renderer.Host.Tests.Expressions;

/// <summary>
/// A drillthrough parameter that does not compile here (Report Builder's generated reports call
/// <c>Code.DrillthroughContextBuilder</c>, which only exists inside SSRS) becomes a warning and the report still renders;
/// the same call in a textbox value still fails the report.
/// </summary>
public sealed class DrillthroughCompileTests
{
    private static Rdl.Model.Definitions.ReportDefinition Read(string value, string drillthroughValue)
    {
        var rdl = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
              <ReportSections><ReportSection>
                <Body><ReportItems>
                  <Textbox Name="Link">
                    <Paragraphs><Paragraph><TextRuns><TextRun><Value>{value}</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                    <ActionInfo><Actions><Action><Drillthrough><ReportName>Details</ReportName>
                      <Parameters><Parameter Name="Context"><Value>{drillthroughValue}</Value></Parameter></Parameters>
                    </Drillthrough></Action></Actions></ActionInfo>
                    <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>5cm</Width>
                  </Textbox>
                </ReportItems><Height>2cm</Height></Body>
                <Width>10cm</Width><Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
              </ReportSection></ReportSections>
            </Report>
            """;
        var read = RdlReader.Read(Encoding.UTF8.GetBytes(rdl), "Drill.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        return read.Report!;
    }

    [Test]
    public void A_drillthrough_parameter_calling_what_this_server_lacks_is_a_warning_and_the_report_compiles()
    {
        var result = ExpressionCompiler.Compile(Read("=\"Details\"", "=Code.DrillthroughContextBuilder.CreateAsString(1)"), "Drill.rdl");

        Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
        Assert.That(result.AssemblyImage, Is.Not.Empty);
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("EXP3011"));
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.Message, Does.Contain("DrillthroughContextBuilder"));
        Assert.That(warning.Expression, Is.EqualTo("=Code.DrillthroughContextBuilder.CreateAsString(1)"));
        Assert.That(warning.Location.File, Is.EqualTo("Drill.rdl"));
    }

    [Test]
    public void The_same_call_in_a_textbox_value_still_fails_the_report()
    {
        var result = ExpressionCompiler.Compile(Read("=Code.DrillthroughContextBuilder.CreateAsString(1)", "=1"), "Drill.rdl");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("EXP3001"));
    }

    [Test]
    public void A_guard_refusal_in_a_drillthrough_parameter_is_never_downgraded()
    {
        var result = ExpressionCompiler.Compile(Read("=\"Details\"", "=System.IO.File.ReadAllText(\"/etc/passwd\")"), "Drill.rdl");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Has.Some.EqualTo("EXP3100"));
    }
}
