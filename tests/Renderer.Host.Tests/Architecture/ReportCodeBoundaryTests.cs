using Rdl.Model.Diagnostics;
using Renderer.Host.Expressions;
using Renderer.Host.Tests.Expressions;

namespace Renderer.Host.Tests.Architecture;

/// <summary>
/// Report code compiles against Renderer.Runtime and the framework assemblies the guard allows, nothing else: an engine
/// type (the sandbox's expression loader, a writer) is not there to be named, and the author gets the compiler's error at
/// the expression. Before issue 13 the compilation referenced the whole sandbox, and the guard allowed every type of the
/// namespace Renderer.Sandbox.Runtime, the loader of compiled report assemblies included.
/// </summary>
public sealed class ReportCodeBoundaryTests
{
    [TestCase("=Renderer.Sandbox.Runtime.CompiledExpressionEvaluator.Load(Nothing, Nothing).ExpressionCount", "CompiledExpressionEvaluator")]
    [TestCase("=Renderer.Sandbox.Writers.Pdf.PdfDocumentWriter.DefaultTimestamp", "Writers")]
    [TestCase("=Renderer.Sandbox.Protocol.SandboxProtocol.Version", "Protocol")]
    public void An_expression_cannot_name_an_engine_type(string expression, string missing)
    {
        var report = TestReports.Report([TestReports.Textbox("Ok", "=Fields!A.Value", 8), TestReports.Textbox("Reach", expression, 14)]);

        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3001"));
        Assert.That(error.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(error.Message, Does.Match("^BC(30456|30002)").And.Contain(missing));
        Assert.That(error.Location.File, Is.EqualTo(TestReports.FileName));
        Assert.That(error.Location.Line, Is.EqualTo(14));
        Assert.That(error.ObjectPath, Is.EqualTo("Textbox 'Reach'.Value"));
        Assert.That(error.Expression, Is.EqualTo(expression));
    }

    [Test]
    public void The_runtime_a_report_needs_still_compiles()
    {
        var report = TestReports.Report(
        [
            TestReports.Textbox("Total", "=Sum(Fields!A.Value) + Parameters!P.Value + Globals!PageNumber", 8),
            TestReports.Textbox("Who", "=User!UserID & Format(Globals!ExecutionTime, \"yyyy\")", 9),
        ]);

        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Success, Is.True);
    }
}
