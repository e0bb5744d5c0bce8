using System.Globalization;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Host.Expressions;
using Renderer.Sandbox.Runtime;

namespace Renderer.Host.Tests.Expressions;

/// <summary>Compile -> load -> evaluate, end to end, with one compilation for the whole fixture.</summary>
[SetCulture("en-US")]
public sealed class ExpressionEvaluationTests
{
    private static readonly string[] Expressions =
    [
        "=1+2",
        "=Fields!Amount.Value * 2",
        "=IIf(Fields!Qty.Value > 10, \"big\", \"small\")",
        "=Format(Fields!D.Value, \"yyyy-MM-dd\")",
        "=CStr(42) & \"x\"",
        "=CDbl(\"1.5\")",
        "=Left(\"Hello\", 2)",
        "=UCase(\"a\")",
        "=Year(Fields!D.Value)",
        "=DateAdd(\"d\", 1, Fields!D.Value)",
        "=Parameters!Year.Value",
        "=Globals!PageNumber & \" of \" & Globals!TotalPages",
        "=User!UserID",
        "=Sum(Fields!Amount.Value)",
        "=Sum(Fields!Amount.Value, \"DataSet1\")",
        "=Count(Fields!X.Value)",
        "=CountRows()",
        "=Code.Double(2)",
        "=CInt(\"x\")",
        "=1 \\ Fields!Zero.Value",
        "=Round(2.567, 2) + Abs(-1)",
        "=Choose(2, \"a\", \"b\") & Switch(False, \"no\", True, \"yes\")",
        "=Fields!Qty.Value &\n\" units\"",
        "=1 + 2 ' a comment",
        "=max(sum(Fields!Amount.Value, \"G\"))",
        "=Code.Report.Parameters!Year.Value + 1",
        "=Len(Trim(\"  ab \")) + CInt(Fields!Qty.Value)",
        "=Fields!Amount.Value Is Nothing",
    ];

    private ReportDefinition _report = null!;
    private CompiledExpressionEvaluator _evaluator = null!;
    private FakeExpressionContext _context = null!;

    [OneTimeSetUp]
    public void CompileOnce()
    {
        const string code = "Public Function [Double](x As Integer) As Integer\n    Return x * 2\nEnd Function\n";
        // "DataSet1" and "G" are declared so the compile-time scope check (EXP3010) accepts the scoped aggregates.
        _report = TestReports.Report(Expressions.Select((e, i) => (Rdl.Model.Definitions.Items.ReportItem)TestReports.Textbox("T" + i, e, 10 * (i + 1))), code, 500, "DataSet1", "G");
        var compilation = ExpressionCompiler.Compile(_report, TestReports.FileName);
        Assert.That(compilation.Diagnostics, Is.Empty, string.Join("\n", compilation.Diagnostics));
        Assert.That(compilation.Success, Is.True);
        Assert.That(compilation.ExpressionCount, Is.EqualTo(Expressions.Length));
        _evaluator = CompiledExpressionEvaluator.Load(compilation.AssemblyImage, TestReports.Collect(_report));
    }

    [SetUp]
    public void NewContext()
    {
        _context = new FakeExpressionContext();
        _context.Rows.Add(new() { ["Amount"] = 12.5m, ["Qty"] = 11, ["D"] = new DateTime(2024, 3, 5), ["X"] = "a", ["Zero"] = 0 });
        _context.Rows.Add(new() { ["Amount"] = 7.5m, ["Qty"] = 3, ["D"] = new DateTime(2024, 3, 6), ["X"] = null, ["Zero"] = 0 });
        _context.Rows.Add(new() { ["Amount"] = 5m, ["Qty"] = 1, ["D"] = new DateTime(2024, 3, 7), ["X"] = "c", ["Zero"] = 0 });
        _context.Parameters["Year"] = new ReportParameter([2024], ["2024"], false);
        _context.Globals["PageNumber"] = 1;
        _context.Globals["TotalPages"] = 3;
        _context.User["UserID"] = @"CONTOSO\alice";
    }

    private object? Eval(string expression)
    {
        var index = Array.IndexOf(Expressions, expression);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), "expression not in the fixture");
        return _evaluator.Evaluate(TestReports.ValueOf(_report, "T" + index), _context);
    }

    [Test]
    public void Arithmetic_and_fields()
    {
        Assert.That(Eval("=1+2"), Is.EqualTo(3));
        Assert.That(Eval("=Fields!Amount.Value * 2"), Is.EqualTo(25.0m));
        Assert.That(Eval("=1 + 2 ' a comment"), Is.EqualTo(3));
        Assert.That(Eval("=Fields!Amount.Value Is Nothing"), Is.EqualTo(false));
    }

    [Test]
    public void Vb_runtime_functions_are_callable_unqualified()
    {
        Assert.That(Eval("=IIf(Fields!Qty.Value > 10, \"big\", \"small\")"), Is.EqualTo("big"));
        Assert.That(Eval("=Format(Fields!D.Value, \"yyyy-MM-dd\")"), Is.EqualTo("2024-03-05"));
        Assert.That(Eval("=CStr(42) & \"x\""), Is.EqualTo("42x"));
        Assert.That(Eval("=CDbl(\"1.5\")"), Is.EqualTo(1.5));
        Assert.That(Eval("=Left(\"Hello\", 2)"), Is.EqualTo("He"));
        Assert.That(Eval("=UCase(\"a\")"), Is.EqualTo("A"));
        Assert.That(Eval("=Year(Fields!D.Value)"), Is.EqualTo(2024));
        Assert.That(Eval("=DateAdd(\"d\", 1, Fields!D.Value)"), Is.EqualTo(new DateTime(2024, 3, 6)));
        Assert.That(Eval("=Round(2.567, 2) + Abs(-1)"), Is.EqualTo(3.57m));
        Assert.That(Eval("=Choose(2, \"a\", \"b\") & Switch(False, \"no\", True, \"yes\")"), Is.EqualTo("byes"));
        Assert.That(Eval("=Len(Trim(\"  ab \")) + CInt(Fields!Qty.Value)"), Is.EqualTo(13));
    }

    [Test]
    public void Expression_may_span_lines()
    {
        Assert.That(Eval("=Fields!Qty.Value &\n\" units\""), Is.EqualTo("11 units"));
    }

    [Test]
    public void Parameters_globals_and_user()
    {
        Assert.That(Eval("=Parameters!Year.Value"), Is.EqualTo(2024));
        Assert.That(Eval("=Globals!PageNumber & \" of \" & Globals!TotalPages"), Is.EqualTo("1 of 3"));
        Assert.That(Eval("=User!UserID"), Is.EqualTo(@"CONTOSO\alice"));
    }

    [Test]
    public void Sum_reaches_the_context_with_a_lambda_evaluated_per_row()
    {
        Assert.That(Eval("=Sum(Fields!Amount.Value)"), Is.EqualTo(25m));
        Assert.That(_context.AggregateCalls, Is.EqualTo(new[] { (AggregateFunction.Sum, (string?)null, true) }));
    }

    [Test]
    public void Sum_passes_the_scope()
    {
        Assert.That(Eval("=Sum(Fields!Amount.Value, \"DataSet1\")"), Is.EqualTo(25m));
        Assert.That(_context.AggregateCalls, Is.EqualTo(new[] { (AggregateFunction.Sum, (string?)"DataSet1", true) }));
    }

    [Test]
    public void Count_and_CountRows()
    {
        Assert.That(Eval("=Count(Fields!X.Value)"), Is.EqualTo(2));
        Assert.That(Eval("=CountRows()"), Is.EqualTo(3));
        Assert.That(_context.AggregateCalls, Is.EqualTo(new[] { (AggregateFunction.Count, (string?)null, true), (AggregateFunction.CountRows, (string?)null, false) }));
    }

    [Test]
    public void Nested_aggregates_are_rewritten_case_insensitively()
    {
        Assert.That(Eval("=max(sum(Fields!Amount.Value, \"G\"))"), Is.EqualTo(25m));
        Assert.That(_context.AggregateCalls.Select(c => (c.Function, c.Scope)), Is.EqualTo(new[]
        {
            (AggregateFunction.Max, (string?)null), (AggregateFunction.Sum, "G"), (AggregateFunction.Sum, "G"), (AggregateFunction.Sum, "G"),
        }));
    }

    [Test]
    public void Code_block_functions_are_called_through_Code()
    {
        Assert.That(Eval("=Code.Double(2)"), Is.EqualTo(4));
        Assert.That(Eval("=Code.Report.Parameters!Year.Value + 1"), Is.EqualTo(2025));
    }

    [Test]
    public void Runtime_errors_propagate_from_Evaluate()
    {
        Assert.That(() => Eval("=CInt(\"x\")"), Throws.InstanceOf<InvalidCastException>());
        Assert.That(() => Eval("=1 \\ Fields!Zero.Value"), Throws.InstanceOf<DivideByZeroException>());
    }

    [Test]
    public void Constants_are_returned_as_text_without_compiled_code()
    {
        var constant = new ExpressionText("Sales Report", new SourceLocation(TestReports.FileName, 3, 4), "Textbox 'Title'.Value");
        Assert.That(_evaluator.Evaluate(constant, _context), Is.EqualTo("Sales Report"));
    }

    [Test]
    public void An_equal_expression_from_a_second_read_of_the_report_finds_its_code()
    {
        var original = TestReports.ValueOf(_report, "T0");
        var reread = original with { };
        Assert.That(ReferenceEquals(original, reread), Is.False);
        Assert.That(_evaluator.Evaluate(reread, _context), Is.EqualTo(3));
    }

    [Test]
    public void Evaluation_without_a_compiled_method_names_the_site()
    {
        var unknown = new ExpressionText("=42", new SourceLocation(TestReports.FileName, 999, 1), "Textbox 'Other'.Value");
        Assert.That(() => _evaluator.Evaluate(unknown, _context), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("Textbox 'Other'.Value"));
    }

    [Test]
    public void Loading_an_image_for_a_different_report_fails_clearly()
    {
        var other = TestReports.WithExpressions("=1", "=2");
        var compilation = ExpressionCompiler.Compile(other, TestReports.FileName);
        Assert.That(() => CompiledExpressionEvaluator.Load(compilation.AssemblyImage, TestReports.Collect(_report)), Throws.InstanceOf<InvalidDataException>());
    }

    [Test]
    public void The_culture_of_the_thread_is_used_by_conversions()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.That(Eval("=CDbl(\"1.5\")"), Is.EqualTo(1.5));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
