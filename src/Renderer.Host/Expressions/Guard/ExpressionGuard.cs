using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Expressions.Guard;

/// <summary>
/// The compile-time wall around report code: a semantic walk (<see cref="GuardWalker"/>) over the generated VB that
/// refuses every type, member and late-bound name outside <see cref="GuardAllowList"/>. Each refusal is an EXP3100
/// error at the RDL line of the expression (or Code block line) with the expression text. The sandbox process is the
/// real boundary; this is the first wall.
/// </summary>
internal static class ExpressionGuard
{
    public const string Code = "EXP3100";

    private static readonly AsyncLocal<bool> Suspended = new();

    /// <summary>
    /// Switches the guard off for the calling async flow until disposed. Tests only: it proves that each isolation
    /// layer of the sandbox holds on its own. Nothing in configuration reaches it.
    /// </summary>
    internal static IDisposable SuspendForTests()
    {
        Suspended.Value = true;
        return new Resume();
    }

    /// <summary>Every refusal in <paramref name="tree"/> as (position in the generated source, RDL diagnostic).</summary>
    public static IEnumerable<(int Order, RdlDiagnostic Diagnostic)> Check(VisualBasicCompilation compilation, SyntaxTree tree, CompileDiagnosticMapper mapper)
    {
        if (Suspended.Value) return [];
        var walker = new GuardWalker(compilation.GetSemanticModel(tree, ignoreAccessibility: false));
        walker.Visit(tree.GetRoot());
        return walker.Violations
            .Select(v => (v.Position, mapper.FromCompilation(ToRoslyn(v)) with { Code = Code, Message = v.Message }))
            .ToList();
    }

    private static Diagnostic ToRoslyn(GuardViolation violation) => Diagnostic.Create(
        Code, "Security", violation.Message, Microsoft.CodeAnalysis.DiagnosticSeverity.Error, Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
        isEnabledByDefault: true, warningLevel: 0, location: violation.Location);

    private sealed class Resume : IDisposable
    {
        public void Dispose() => Suspended.Value = false;
    }
}
