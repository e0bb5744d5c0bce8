using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using static Renderer.Host.Tests.Expressions.Scopes.RdlKit;

namespace Renderer.Host.Tests.Expressions.Scopes;

/// <summary>What the compiler checks and prepares before any data is read: scope names (EXP3010), the Code block, rewrites.</summary>
public sealed class CompileTimeScopeTests
{
    private static ExpressionCompilation Compile(string rdl)
    {
        var read = RdlReader.Read(Encoding.UTF8.GetBytes(rdl), "Test.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        return ExpressionCompiler.Compile(read.Report!, "Test.rdl");
    }

    private static string GroupedTable(string cellValue, string outside = "=1") =>
        Report(
            DataSet("Sales", "Region", "Amount") + DataSet("Other", "Key"),
            Textbox("Outside", outside) + Tablix("Table1", "Sales", 1, [Row(("Cell", cellValue))],
                Group("Region", "=Fields!Region.Value", Details())));

    [TestCase("=Sum(Fields!Amount.Value, \"Region\")")]
    [TestCase("=Sum(Fields!Amount.Value, \"Table1\") + Sum(Fields!Amount.Value, \"Sales\") + CountRows(\"Other\")")]
    [TestCase("=RunningValue(Fields!Amount.Value, Sum, \"Region\") + RowNumber(\"Table1\") + Level(\"Region\")")]
    [TestCase("=Previous(Fields!Amount.Value, \"Table1\") & InScope(\"Details\")")]
    [TestCase("=Lookup(Fields!Region.Value, Fields!Key.Value, Fields!Key.Value, \"Other\")")]
    public void Scopes_that_exist_and_contain_the_expression_compile(string value)
    {
        var result = Compile(GroupedTable(value));

        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
        Assert.That(result.Success, Is.True);
    }

    [Test]
    public void A_field_no_dataset_declares_is_EXP3012_naming_the_expression()
    {
        // Issue 20: this failed while processing (PRC4090 "The field 'Regon' is not declared in dataset 'Sales'") with no location.
        var result = Compile(GroupedTable("=Fields!Regon.Value"));

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3012"));
        Assert.That(error.Message, Does.Contain("Textbox 'Cell'").And.Contain("field 'Regon'").And.Contain("no dataset of the report declares"));
        Assert.That(error.Expression, Is.EqualTo("=Fields!Regon.Value"));
        Assert.That(error.Location.Line, Is.GreaterThan(0));
    }

    [Test]
    public void A_parameter_the_report_does_not_declare_is_EXP3012_naming_the_expression()
    {
        // Issue 20: this failed while processing (PRC4090 "The report has no parameter named 'Yfear'") with no location.
        var result = Compile(GroupedTable("=1", outside: "=Parameters!Yfear.Value"));

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3012"));
        Assert.That(error.Message, Does.Contain("Textbox 'Outside'").And.Contain("the report has no parameter named 'Yfear'"));
        Assert.That(error.ObjectPath, Is.EqualTo("Textbox 'Outside'.Value"));
        Assert.That(error.Location.Line, Is.GreaterThan(0));
    }

    [Test]
    public void A_field_of_another_dataset_compiles_and_is_left_to_processing()
    {
        var result = Compile(GroupedTable("=Fields!Key.Value"));

        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void An_unknown_scope_is_EXP3010_naming_expression_scope_and_textbox()
    {
        var result = Compile(GroupedTable("=Sum(Fields!Amount.Value, \"Regoin\")"));

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3010"));
        Assert.That(error.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(error.Message, Does.Contain("'Regoin'").And.Contain("Textbox 'Cell'").And.Contain("no dataset, data region or group"));
        Assert.That(error.Expression, Is.EqualTo("=Sum(Fields!Amount.Value, \"Regoin\")"));
        Assert.That(error.Location.File, Is.EqualTo("Test.rdl"));
        Assert.That(error.Location.Line, Is.GreaterThan(0));
    }

    [Test]
    public void A_group_scope_used_outside_its_data_region_is_EXP3010()
    {
        var result = Compile(GroupedTable("=1", outside: "=Sum(Fields!Amount.Value, \"Region\") + RowNumber(\"Table1\")"));

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "EXP3010", "EXP3010" }));
        Assert.That(result.Diagnostics.Select(d => d.ObjectPath), Is.All.Contains("Textbox 'Outside'"));
        Assert.That(result.Diagnostics, Has.Length.EqualTo(2));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("group 'Region' does not contain it"));
        Assert.That(result.Diagnostics[1].Message, Does.Contain("data region 'Table1' does not contain it"));
    }

    [Test]
    public void Lookup_must_name_a_dataset()
    {
        var result = Compile(GroupedTable("=Lookup(Fields!Region.Value, Fields!Region.Value, Fields!Amount.Value, \"Region\")"));

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3010"));
        Assert.That(error.Message, Does.Contain("no dataset named 'Region'"));
    }

    [Test]
    public void Code_block_error_on_its_third_line_maps_to_that_rdl_line()
    {
        const string code = "Public Function Twice(x As Integer) As Integer\n    Return x * 2\n    Dim y As Integer = Undefined3\nEnd Function\nPublic Function Half(x As Double) As Double\n    Return x / 2\nEnd Function";
        var rdl = Report(DataSet("Sales", "Region"), Textbox("T", "=Code.Twice(1) + Code.Half(3)"), code: code);
        int codeLine = rdl[..rdl.IndexOf("<Code>", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var result = Compile(rdl);

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3002"));
        Assert.That(error.Message, Does.Contain("Undefined3"));
        Assert.That(error.Location, Is.EqualTo(new SourceLocation("Test.rdl", codeLine + 2, 24)));
        Assert.That(error.Expression, Is.EqualTo("Dim y As Integer = Undefined3"));
    }

    [Test]
    public void Code_block_error_on_its_first_line_maps_to_the_column_after_the_Code_tag()
    {
        var rdl = Report(DataSet("Sales", "Region"), Textbox("T", "=1"), code: "Public Function F() As Oops1\n    Return Nothing\nEnd Function");
        var before = rdl[..rdl.IndexOf("<Code>", StringComparison.Ordinal)];
        int line = before.Count(c => c == '\n') + 1;
        int column = before.Length - before.LastIndexOf('\n') + "<Code>".Length;

        var error = Compile(rdl).Diagnostics.Single();

        Assert.That(error.Message, Does.Contain("Oops1"));
        Assert.That(error.Location, Is.EqualTo(new SourceLocation("Test.rdl", line, column + "Public Function F() As ".Length)));
    }

    [Test]
    public void Line_breaks_where_VB_allows_none_are_accepted_as_SSRS_does()
    {
        var result = Compile(GroupedTable("=IIf(Sum(Fields!Amount.Value) > 50\n\tand Count(Fields!Amount.Value) > 1, \"a\"\n, \"b\")"));

        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Overloaded_VB_functions_on_Object_values_and_Environment_NewLine_are_allowed()
    {
        var result = Compile(GroupedTable("=UCase(Fields!Region.Value) & LCase(Fields!Region.Value) & Environment.NewLine & Len(Fields!Region.Value)"));

        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Environment_members_other_than_NewLine_stay_refused()
    {
        var result = Compile(GroupedTable("=Environment.MachineName & Environment.GetEnvironmentVariable(\"PATH\")"));

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.All.EqualTo("EXP3100"));
    }
}
