using Rdl.Model.Definitions.Items;
using Rdl.Model.Expressions;

namespace Rdl.Model.Tests.Reading;

public class ActionReaderTests
{
    private static Textbox ReadTextbox(string xml, bool legacy = false)
    {
        var result = TestRdl.Read(legacy ? TestRdl.Minimal2005(xml) : TestRdl.Minimal2016(xml));
        Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
        return (Textbox)result.Report!.Sections[0].Body.Items.Single();
    }

    private static string Textbox(string extra, string runExtra = "") => $"""
        <Textbox Name="T"><Paragraphs><Paragraph><TextRuns><TextRun><Value>x</Value>{runExtra}</TextRun></TextRuns></Paragraph></Paragraphs>
          {extra}<Top>0in</Top><Left>0in</Left><Height>0.25in</Height><Width>1in</Width></Textbox>
        """;

    [Test]
    public void ActionInfo_Hyperlink_BookmarkAndDocumentMapLabel_AreRead()
    {
        var textbox = ReadTextbox(Textbox(
            "<ActionInfo><Actions><Action><Hyperlink>=\"https://x.test/\" &amp; Fields!Amount.Value</Hyperlink></Action></Actions></ActionInfo>"
            + "<Bookmark>top</Bookmark><DocumentMapLabel>=Fields!Amount.Value</DocumentMapLabel>"));

        Assert.Multiple(() =>
        {
            Assert.That(textbox.Action?.Hyperlink?.Raw, Is.EqualTo("=\"https://x.test/\" & Fields!Amount.Value"));
            Assert.That(textbox.Bookmark?.Raw, Is.EqualTo("top"));
            Assert.That(textbox.DocumentMapLabel?.IsExpression, Is.True);
        });
    }

    [Test]
    public void Drillthrough_ReadsReportNameAndParameters()
    {
        var textbox = ReadTextbox(Textbox("""
            <ActionInfo><Actions><Action><Drillthrough><ReportName>Detail</ReportName><Parameters>
              <Parameter Name="Region"><Value>=Fields!Amount.Value</Value></Parameter>
              <Parameter Name="Debug"><Value>1</Value><Omit>true</Omit></Parameter>
            </Parameters></Drillthrough></Action></Actions></ActionInfo>
            """));

        var drillthrough = textbox.Action!.Drillthrough!;
        Assert.Multiple(() =>
        {
            Assert.That(drillthrough.ReportName.Raw, Is.EqualTo("Detail"));
            Assert.That(drillthrough.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "Region", "Debug" }));
            Assert.That(drillthrough.Parameters[1].Omit?.Raw, Is.EqualTo("true"));
        });
    }

    [Test]
    public void Rdl2005Action_AndTextRunActionInfo_AreRead()
    {
        var legacy = ReadTextbox("""
            <Textbox Name="T"><Value>x</Value><Action><BookmarkLink>end</BookmarkLink></Action>
              <Top>0in</Top><Left>0in</Left><Height>0.25in</Height><Width>1in</Width></Textbox>
            """, legacy: true);
        var run = ReadTextbox(Textbox("", "<ActionInfo><Actions><Action><Hyperlink>mailto:a@b.test</Hyperlink></Action></Actions></ActionInfo>"));

        Assert.Multiple(() =>
        {
            Assert.That(legacy.Action?.BookmarkLink?.Raw, Is.EqualTo("end"));
            Assert.That(run.Action, Is.Null);
            Assert.That(run.Paragraphs[0].Runs[0].Action?.Hyperlink?.Raw, Is.EqualTo("mailto:a@b.test"));
        });
    }

    [Test]
    public void ActionExpressions_AreCollectedForCompilation()
    {
        var result = TestRdl.Read(TestRdl.Minimal2016(Textbox(
            "<ActionInfo><Actions><Action><Hyperlink>=\"https://x.test/\"</Hyperlink></Action></Actions></ActionInfo><DocumentMapLabel>=\"L\"</DocumentMapLabel>")));

        var collected = ExpressionCollector.Collect(result.Report!).Select(e => e.Raw).ToList();
        Assert.That(collected, Does.Contain("=\"https://x.test/\"").And.Contain("=\"L\""));
    }
}
