using Rdl.Model.Definitions.Items;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Tests.Reading;

/// <summary>Textbox/UserSort and ToggleImage/InitialState: read (RDL 2016 and 2005) and their expressions collected for compilation.</summary>
public sealed class InteractivityReaderTests
{
    private const string Box = """
        <Textbox Name="Header">
          <Paragraphs><Paragraph><TextRuns><TextRun><Value>Amount</Value></TextRun></TextRuns></Paragraph></Paragraphs>
          <ToggleImage><InitialState>=Parameters!Open.Value</InitialState></ToggleImage>
          <UserSort>
            <SortExpression>=Sum(Fields!Amount.Value)</SortExpression>
            <SortExpressionScope>Region</SortExpressionScope>
            <SortTarget>Sales</SortTarget>
          </UserSort>
          <Height>0.25in</Height><Width>1in</Width>
        </Textbox>
        """;

    private const string LegacyBox = """
        <Textbox Name="Header">
          <Value>Amount</Value>
          <ToggleImage><InitialState>true</InitialState></ToggleImage>
          <UserSort><SortExpression>=Fields!Amount.Value</SortExpression></UserSort>
          <Height>0.25in</Height><Width>1in</Width>
        </Textbox>
        """;

    [Test]
    public void UserSort_and_ToggleImage_are_read_without_warnings_and_compiled()
    {
        var result = TestRdl.Read(TestRdl.Minimal2016(Box));
        Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
        var textbox = (Textbox)result.Report!.Sections[0].Body.Items.Single();
        var collected = ExpressionCollector.Collect(result.Report);
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info), Is.Empty);
            Assert.That(textbox.ToggleInitialState?.Raw, Is.EqualTo("=Parameters!Open.Value"));
            Assert.That(textbox.UserSort, Is.Not.Null);
            Assert.That(textbox.UserSort!.SortExpression.Raw, Is.EqualTo("=Sum(Fields!Amount.Value)"));
            Assert.That(textbox.UserSort.SortExpressionScope, Is.EqualTo("Region"));
            Assert.That(textbox.UserSort.SortTarget, Is.EqualTo("Sales"));
            Assert.That(collected, Does.Contain(textbox.ToggleInitialState).And.Contain(textbox.UserSort.SortExpression));
        });
    }

    [Test]
    public void Rdl2005_textbox_UserSort_without_scope_sorts_details()
    {
        var result = TestRdl.Read(TestRdl.Minimal2005(LegacyBox));
        Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
        var textbox = (Textbox)result.Report!.Sections[0].Body.Items.Single();
        Assert.Multiple(() =>
        {
            Assert.That(textbox.ToggleInitialState?.Raw, Is.EqualTo("true"));
            Assert.That(textbox.UserSort!.SortExpression.Raw, Is.EqualTo("=Fields!Amount.Value"));
            Assert.That(textbox.UserSort.SortExpressionScope, Is.Null);
            Assert.That(textbox.UserSort.SortTarget, Is.Null);
        });
    }
}
