using Renderer.Sandbox.Pages;
using static Renderer.Host.Tests.Expressions.Scopes.RdlKit;

namespace Renderer.Host.Tests.Expressions.Scopes;

/// <summary>Parameters (multi-value), Globals, User, DataSets, Variables, Me.Value and Code through real compiled VB.</summary>
[SetCulture("en-US")]
public sealed class GlobalCollectionsTests
{
    private const string Parameters =
        "<ReportParameter Name=\"Colors\"><DataType>String</DataType><MultiValue>true</MultiValue><Prompt>Colors</Prompt>"
        + "<DefaultValue><Values><Value>red</Value><Value>green</Value><Value>blue</Value></Values></DefaultValue></ReportParameter>"
        + "<ReportParameter Name=\"Year\"><DataType>Integer</DataType><Prompt>Year</Prompt><DefaultValue><Values><Value>2024</Value></Values></DefaultValue></ReportParameter>";

    private static ReportRun Render(string body, string? header = null, IReadOnlyDictionary<string, object?[]>? parameters = null, string? variables = null, string? code = null, string format = "pdf") =>
        ReportRun.Render(
            Report(DataSet("Items", "Name", "Qty"), body, header, Parameters, variables, code),
            new InMemoryData().Add("Items", ["Name", "Qty"], ["a", 1], ["b", 2]),
            parameters,
            format);

    [Test]
    public void Multi_value_parameter_Count_index_Join_IsMultiValue_and_Label()
    {
        var run = Render(
            Textbox("Count", "=Parameters!Colors.Count") + Textbox("Second", "=Parameters!Colors.Value(1)", 1)
            + Textbox("Joined", "=Join(Parameters!Colors.Value, \",\")", 2) + Textbox("Multi", "=Parameters!Colors.IsMultiValue & \"|\" & Parameters!Year.IsMultiValue", 3)
            + Textbox("Label", "=Parameters!Colors.Label(0) & \"|\" & Parameters!Year.Value + 1", 4));

        Assert.That(run.Text("Count"), Is.EqualTo("3"));
        Assert.That(run.Text("Second"), Is.EqualTo("green"));
        Assert.That(run.Text("Joined"), Is.EqualTo("red,green,blue"));
        Assert.That(run.Text("Multi"), Is.EqualTo("True|False"));
        Assert.That(run.Text("Label"), Is.EqualTo("red|2025"));
    }

    [Test]
    public void Multi_value_parameter_from_the_request()
    {
        var run = Render(Textbox("Joined", "=Join(Parameters!Colors.Value, \"+\") & \" \" & Parameters!Colors.Count"),
            parameters: new Dictionary<string, object?[]> { ["Colors"] = ["cyan", "magenta"] });

        Assert.That(run.Text("Joined"), Is.EqualTo("cyan+magenta 2"));
    }

    [Test]
    public void Globals_User_and_DataSets()
    {
        var run = Render(
            Textbox("Name", "=Globals!ReportName & \"|\" & Globals!ReportFolder & \"|\" & Globals!RenderFormat.Name & \"|\" & Globals!RenderFormat.IsInteractive")
            + Textbox("When", "=Format(Globals!ExecutionTime, \"yyyy-MM-dd HH:mm\")", 1)
            + Textbox("Who", "=User!UserID & \"|\" & User.Language & \"|\" & User!Language", 2)
            + Textbox("Command", "=DataSets!Items.CommandText & \"|\" & (DataSets!Items.RewrittenCommandText = DataSets!Items.CommandText)", 3),
            header: Textbox("Pages", "=Globals.PageNumber & \"/\" & Globals!TotalPages & \" \" & Globals!OverallPageNumber & \"/\" & Globals.OverallTotalPages"));

        Assert.That(run.Text("Name"), Is.EqualTo("Test|/|PDF|False"));
        Assert.That(run.Text("When"), Is.EqualTo("2024-05-06 07:08"));
        Assert.That(run.Text("Who"), Is.EqualTo(@"CONTOSO\alice|en-US|en-US"));
        Assert.That(run.Text("Command"), Is.EqualTo("SELECT * FROM Items|True"));
        Assert.That(run.Text("Pages"), Is.EqualTo("1/1 1/1"));
    }

    [Test]
    public void Fields_IsMissing_and_a_dataset_scope_outside_the_data_region()
    {
        var run = Render(Textbox("Outside", "=Sum(Fields!Qty.Value, \"Items\") & \"|\" & First(Fields!Name.IsMissing, \"Items\") & \"|\" & First(Fields!Nope.IsMissing, \"Items\")"));

        Assert.That(run.Text("Outside"), Is.EqualTo("3|False|True"));
    }

    [Test]
    public void Report_variable_is_evaluated_once_and_may_use_a_dataset_aggregate()
    {
        var run = Render(
            Textbox("V1", "=Variables!Total.Value") + Textbox("V2", "=Variables!Total.Value * 10", 1) + Textbox("V3", "=Variables!Stamp.Value = Variables!Stamp.Value", 2),
            variables: Variable("Total", "=Sum(Fields!Qty.Value, \"Items\")") + Variable("Stamp", "=Rnd()"));

        Assert.That(run.Text("V1"), Is.EqualTo("3"));
        Assert.That(run.Text("V2"), Is.EqualTo("30"));
        Assert.That(run.Text("V3"), Is.EqualTo("True"), "a report variable keeps the value of its single evaluation");
    }

    [Test]
    public void Me_Value_in_a_style_reads_the_textbox_value()
    {
        var run = Render(Textbox("Big", "=5 * 10", style: "<Color>=IIf(Me.Value &gt; 20, \"Red\", \"Blue\")</Color>"));

        Assert.That(run.Item("Big").Style.Color, Is.EqualTo(new Rgba(255, 0, 0)));
    }

    [Test]
    public void Code_block_with_several_functions_is_callable_and_sees_parameters()
    {
        const string code = """
            Public Function Twice(x As Integer) As Integer
                Return x * 2
            End Function

            Public Function Greet(name As String) As String
                Return "Hello " & name & " in " & Report.Parameters!Year.Value
            End Function

            Private counter As Integer = 0
            Public Function NextNumber() As Integer
                counter = counter + 1
                Return counter
            End Function
            """;
        var run = Render(Textbox("C1", "=Code.Twice(21) & \"|\" & Code.Greet(\"Ann\")") + Textbox("C2", "=Code.NextNumber() & Code.NextNumber()", 1), code: code);

        Assert.That(run.Text("C1"), Is.EqualTo("42|Hello Ann in 2024"));
        Assert.That(run.Text("C2"), Is.EqualTo("12"));
    }

    [Test]
    public void A_runtime_error_shows_Error_and_a_warning_naming_the_textbox()
    {
        var run = Render(Textbox("Bad", "=Parameters!Colors.Value(7)") + Textbox("Good", "=1", 1));

        Assert.That(run.Text("Bad"), Is.EqualTo("#Error"));
        Assert.That(run.Text("Good"), Is.EqualTo("1"));
        Assert.That(run.Diagnostics.Any(d => d.Code == "PRC4001" && d.Message.Contains("Textbox 'Bad'")), Is.True, () => string.Join("\n", run.Diagnostics));
    }
}
