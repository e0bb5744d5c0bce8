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
    public const string Code = DiagnosticCodes.Expressions.Forbidden;

    private static readonly AsyncLocal<bool> Suspended = new();

    /// <summary>
    /// Switches the guard off for the calling async flow until disposed. Tests only: it proves that each isolation
    /// layer of the sandbox holds on its own. Nothing in configuration reaches it.
    /// </summary>
    /// <summary>True inside <see cref="SuspendForTests"/>: such compiles run in process, since the compile worker always applies the guard.</summary>
    internal static bool IsSuspendedForTests => Suspended.Value;

    internal static IDisposable SuspendForTests()
    {
        Suspended.Value = true;
        return new Resume();
    }

    /// <summary>Every refusal in <paramref name="tree"/> as (position in the generated source, RDL diagnostic).</summary>
    /// <param name="progress">When set, called with the site of each class member before the walk binds it.</param>
    public static IEnumerable<(int Order, RdlDiagnostic Diagnostic)> Check(VisualBasicCompilation compilation, SyntaxTree tree, CompileDiagnosticMapper mapper, Action<RdlDiagnostic>? progress = null)
    {
        if (Suspended.Value) return [];
        var walker = new GuardWalker(compilation.GetSemanticModel(tree, ignoreAccessibility: false));
        if (progress is null) walker.Visit(tree.GetRoot());
        else VisitMembers(tree.GetRoot(), walker, mapper, progress, null);
        return walker.Violations
            .Select(v => (v.Position, mapper.FromCompilation(ToRoslyn(v)) with { Code = Code, Message = v.Message }))
            .ToList();
    }

    /// <summary>Walks <paramref name="node"/> member by member (into namespaces and types), reporting each member's site first.</summary>
    private static void VisitMembers(SyntaxNode node, GuardWalker walker, CompileDiagnosticMapper mapper, Action<RdlDiagnostic> progress, RdlDiagnostic? last)
    {
        foreach (var child in node.ChildNodes())
        {
            if (child is Microsoft.CodeAnalysis.VisualBasic.Syntax.TypeBlockSyntax or Microsoft.CodeAnalysis.VisualBasic.Syntax.NamespaceBlockSyntax)
            {
                VisitMembers(child, walker, mapper, progress, last);
                continue;
            }
            var site = mapper.FromCompilation(ToRoslyn(new GuardViolation(child.SpanStart, child.GetLocation(), "binding")));
            if (last is null || site.Location != last.Location || site.ObjectPath != last.ObjectPath) progress(site);
            last = site;
            walker.Visit(child);
            // Constant folding (Const A2 = A1 & A1) otherwise runs only at emit: fold here, so a bomb is caught at its line.
            if (child is Microsoft.CodeAnalysis.VisualBasic.Syntax.FieldDeclarationSyntax field)
                foreach (var name in field.Declarators.SelectMany(d => d.Names))
                    _ = (walker.Model.GetDeclaredSymbol(name) as IFieldSymbol)?.ConstantValue;
        }
    }

    private static Diagnostic ToRoslyn(GuardViolation violation) => Diagnostic.Create(
        Code, "Security", violation.Message, Microsoft.CodeAnalysis.DiagnosticSeverity.Error, Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
        isEnabledByDefault: true, warningLevel: 0, location: violation.Location);

    private sealed class Resume : IDisposable
    {
        public void Dispose() => Suspended.Value = false;
    }
}
