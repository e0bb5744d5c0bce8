using Renderer.Fuzz.Harness;

namespace Renderer.Fuzz;

/// <summary>
/// What a user sees for the findings of issue 20 that the saved regressions (<c>Regressions/</c>) hold, run through the
/// same in-process pipeline as the fuzzer: the error, its code and where it points.
/// </summary>
public sealed class FindingTests
{
    private static Task<FuzzOutcome> RunAsync(string name) =>
        FuzzTarget.RunAsync(CaseFolder.Read(Path.Combine(AppContext.BaseDirectory, "Regressions", name)));

    private static int LineOf(string name, string file, string marker) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Regressions", name, file)).Select((l, i) => (l, i)).First(x => x.l.Contains(marker, StringComparison.Ordinal)).i + 1;

    [Test]
    public async Task A_report_with_a_negative_page_width_is_refused_when_read_naming_PageWidth_and_its_line()
    {
        var outcome = await RunAsync("subreport-negative-page-width");

        Assert.That(outcome.Result, Is.EqualTo(FuzzResult.Refused), outcome.ToString);
        Assert.That(outcome.Stage, Is.EqualTo("read"));
        var error = outcome.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo("RDL2009"));
        Assert.That(error.ObjectPath, Is.EqualTo("PageWidth"));
        Assert.That(error.Location.Line, Is.EqualTo(LineOf("subreport-negative-page-width", "SalesWithSubreport.rdl", "<PageWidth>-5in")));
    }

    [Test]
    public async Task A_conversion_error_in_a_group_expression_names_the_group_expression_and_its_line()
    {
        var outcome = await RunAsync("conversion-error-in-group");

        Assert.That(outcome.Result, Is.EqualTo(FuzzResult.Refused), outcome.ToString);
        var error = outcome.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo("PRC4090"));
        Assert.That(error.Message, Does.Contain("Conversion from string"));
        Assert.That(error.ObjectPath, Is.EqualTo("Group 'RegionGroup'.GroupExpressions[0]"));
        Assert.That(error.Expression, Is.EqualTo("=CDbl(Fields!Region.Value)"));
        Assert.That(error.Location.Line, Is.EqualTo(LineOf("conversion-error-in-group", "Sales.rdl", "CDbl(Fields!Region.Value)")));
    }

    [TestCase("undeclared-parameter-in-query", "EXP3012", "no parameter named 'Yfear'")]
    [TestCase("undeclared-field-in-group", "EXP3012", "field 'Regon'")]
    [TestCase("region-without-dataset", "RDL2008", "names no dataset")]
    public async Task Errors_the_definition_alone_decides_are_caught_before_rendering(string name, string code, string message)
    {
        var outcome = await RunAsync(name);

        Assert.That(outcome.Result, Is.EqualTo(FuzzResult.Refused), outcome.ToString);
        Assert.That(outcome.Stage, Is.Not.EqualTo("render"));
        var error = outcome.Diagnostics.First(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(code));
        Assert.That(error.Message, Does.Contain(message));
        Assert.That(error.Location.Line, Is.GreaterThan(0));
    }
}
