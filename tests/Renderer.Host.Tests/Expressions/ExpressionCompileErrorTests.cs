using Rdl.Model.Definitions.Items;
using Rdl.Model.Diagnostics;
using Renderer.Host.Expressions;

namespace Renderer.Host.Tests.Expressions;

public sealed class ExpressionCompileErrorTests
{
    [Test]
    public void Syntax_error_is_reported_at_the_textbox_line_with_site_and_text()
    {
        var report = TestReports.Report([TestReports.Textbox("Ok", "=1", 8), TestReports.Textbox("Broken", "=Fields!A.Value +", 12)]);

        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.False);
        Assert.That(result.AssemblyImage, Is.Empty);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3001"));
        Assert.That(error.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(error.Message, Does.StartWith("BC30201"));
        Assert.That(error.Location.File, Is.EqualTo(TestReports.FileName));
        Assert.That(error.Location.Line, Is.EqualTo(12));
        Assert.That(error.ObjectPath, Is.EqualTo("Textbox 'Broken'.Value"));
        Assert.That(error.Expression, Is.EqualTo("=Fields!A.Value +"));
    }

    [Test]
    public void Undefined_name_is_reported_with_the_column_inside_the_expression()
    {
        var report = TestReports.Report([TestReports.Textbox("Calc", "=1 + Foo(1)", 30)]);

        var error = ExpressionCompiler.Compile(report, TestReports.FileName).Diagnostics.Single();

        Assert.That(error.Code, Is.EqualTo("EXP3001"));
        Assert.That(error.Message, Does.StartWith("BC30451").And.Contain("Foo"));
        // "=1 + Foo(1)": the '=' is at the value's column, Foo five characters further.
        Assert.That(error.Location, Is.EqualTo(new SourceLocation(TestReports.FileName, 30, TestReports.ValueColumn + 5)));
        Assert.That(error.ObjectPath, Is.EqualTo("Textbox 'Calc'.Value"));
        Assert.That(error.Expression, Is.EqualTo("=1 + Foo(1)"));
    }

    [Test]
    public void All_errors_are_reported_not_just_the_first()
    {
        var report = TestReports.Report(
        [
            TestReports.Textbox("A", "=Fields!A.Value +", 10),
            TestReports.Textbox("Fine", "=Sum(Fields!A.Value)", 15),
            TestReports.Textbox("B", "=Foo(1)", 20),
            TestReports.Textbox("C", "=Sum(Bar)", 25),
        ]);

        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => (d.Location.Line, d.ObjectPath)), Is.EqualTo(new[]
        {
            (10, "Textbox 'A'.Value"), (20, "Textbox 'B'.Value"), (25, "Textbox 'C'.Value"),
        }));
        Assert.That(result.Diagnostics.All(d => d.Code == "EXP3001"), Is.True);
        // An error inside a rewritten aggregate still points at the original text: "=Sum(Bar)" -> Bar at offset 5.
        Assert.That(result.Diagnostics[2].Location.Column, Is.EqualTo(TestReports.ValueColumn + 5));
    }

    [Test]
    public void Error_on_a_later_line_of_a_multi_line_expression_maps_to_that_line()
    {
        var report = TestReports.Report([TestReports.Textbox("Multi", "=1 +\n  Missing", 40)]);

        var error = ExpressionCompiler.Compile(report, TestReports.FileName).Diagnostics.Single();

        Assert.That(error.Location, Is.EqualTo(new SourceLocation(TestReports.FileName, 41, 3)));
    }

    [Test]
    public void Error_in_the_code_block_maps_to_the_code_block_line()
    {
        const string code = "Public Function Ok() As Integer\n    Return 1\nEnd Function\nPublic Function Bad() As Integer\n    Return Undefined1\nEnd Function\n";
        var report = TestReports.Report([TestReports.Textbox("T", "=Code.Ok()", 10)], code, codeLine: 60);

        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3002"));
        Assert.That(error.Message, Does.StartWith("BC30451").And.Contain("Undefined1"));
        Assert.That(error.Location, Is.EqualTo(new SourceLocation(TestReports.FileName, 64, 12)));
        Assert.That(error.Expression, Is.EqualTo("Return Undefined1"));
    }

    [Test]
    public void Report_without_expressions_compiles()
    {
        var report = TestReports.Report([]);

        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.True);
        Assert.That(result.ExpressionCount, Is.Zero);
        Assert.That(result.AssemblyImage, Is.Not.Empty);
    }

    [Test]
    public void Same_report_compiles_to_the_same_image()
    {
        var first = ExpressionCompiler.Compile(TestReports.WithExpressions("=1", "=Sum(Fields!A.Value)"), TestReports.FileName);
        var second = ExpressionCompiler.Compile(TestReports.WithExpressions("=1", "=Sum(Fields!A.Value)"), TestReports.FileName);

        Assert.That(second.AssemblyImage, Is.EqualTo(first.AssemblyImage));
    }

    [Test]
    public void Expression_cannot_break_out_of_its_function()
    {
        var report = TestReports.Report([TestReports.Textbox("Evil", "=1\nEnd Function\nPublic Function X() As Object\nReturn 2", 70)]);

        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.All(d => d.ObjectPath == "Textbox 'Evil'.Value"), Is.True);
    }

    [Test]
    public void Textbox_location_is_not_needed_to_report()
    {
        var value = TestReports.Value("X", "=Nope", 1) with { Location = SourceLocation.None };
        var box = TestReports.Textbox("X", "=1", 1) with { Paragraphs = [new Paragraph([new TextRun(value, Rdl.Model.Definitions.Styling.StyleDefinition.Empty, SourceLocation.None)], Rdl.Model.Definitions.Styling.StyleDefinition.Empty)] };

        var error = ExpressionCompiler.Compile(TestReports.Report([box]), TestReports.FileName).Diagnostics.Single();

        Assert.That(error.Location, Is.EqualTo(new SourceLocation(TestReports.FileName, 0, 0)));
        Assert.That(error.ObjectPath, Is.EqualTo("Textbox 'X'.Value"));
    }
}
