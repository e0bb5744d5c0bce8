using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;

namespace Renderer.Host.Expressions;

/// <summary>
/// Turns the first argument of every unqualified aggregate call (<c>Sum(x, "Scope")</c>) into a lambda
/// (<c>Sum(Function() (x), "Scope")</c>) so the runtime can evaluate it once per row of the scope.
/// Nested aggregates are rewritten too; <c>CountRows</c> has no value argument and is left alone.
/// The rewrite only inserts text; <see cref="Insertions"/> lets errors in the result be mapped back to the original.
/// </summary>
internal sealed class AggregateRewriter : VisualBasicSyntaxRewriter
{
    internal const string LambdaOpen = "Function() (";
    internal const string LambdaClose = ")";

    private static readonly ImmutableHashSet<string> Aggregates = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Sum", "Avg", "Count", "CountDistinct", "Min", "Max", "First", "Last", "StDev", "StDevP", "Var", "VarP");

    private readonly List<TextInsertion> _insertions = [];

    private AggregateRewriter()
    {
    }

    /// <summary>Text inserted into the original expression, by position in the original.</summary>
    public IReadOnlyList<TextInsertion> Insertions => _insertions;

    /// <summary>Parses <paramref name="code"/> as one VB expression and rewrites its aggregates.</summary>
    public static RewrittenExpression Rewrite(string code)
    {
        var parsed = SyntaxFactory.ParseExpression(code);
        var syntaxErrors = parsed.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (!syntaxErrors.IsEmpty) return new RewrittenExpression(code, [], syntaxErrors) { TreeText = code };

        var rewriter = new AggregateRewriter();
        var rewritten = rewriter.Visit(parsed);
        var insertions = rewriter._insertions.OrderBy(i => i.Position).ThenBy(i => i.Order).ToImmutableArray();
        var text = TextInsertion.Apply(code, insertions);
        // The tree and the insertion list describe the same edit; the insertion text is what gets compiled
        // because error positions are mapped back through the insertions.
        return new RewrittenExpression(text, insertions, []) { TreeText = rewritten.ToFullString() };
    }

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        if (node.Expression is not IdentifierNameSyntax name || !Aggregates.Contains(name.Identifier.ValueText)) return visited;
        if (node.ArgumentList is not { Arguments.Count: > 0 } args) return visited;
        if (args.Arguments[0] is not SimpleArgumentSyntax { Expression: var original } || original is LambdaExpressionSyntax) return visited;
        if (original.IsMissing || original.Span.IsEmpty) return visited;

        var visitedArgument = (SimpleArgumentSyntax)visited.ArgumentList!.Arguments[0];
        var value = visitedArgument.Expression;
        var lambda = SyntaxFactory.SingleLineFunctionLambdaExpression(
                SyntaxFactory.FunctionLambdaHeader(
                    default,
                    default,
                    SyntaxFactory.Token(SyntaxKind.FunctionKeyword, "Function"),
                    SyntaxFactory.ParameterList(
                        SyntaxFactory.Token(SyntaxKind.OpenParenToken, "("),
                        default,
                        SyntaxFactory.Token(default, SyntaxKind.CloseParenToken, SyntaxFactory.TriviaList(SyntaxFactory.Space), ")")),
                    null),
                SyntaxFactory.ParenthesizedExpression(
                    SyntaxFactory.Token(SyntaxKind.OpenParenToken, "("),
                    value.WithLeadingTrivia(default(SyntaxTriviaList)),
                    SyntaxFactory.Token(SyntaxKind.CloseParenToken, ")")))
            .WithLeadingTrivia(value.GetLeadingTrivia());

        // Opening text goes before the value (outer calls first), closing text after its trailing trivia (inner first).
        _insertions.Add(new TextInsertion(original.SpanStart, LambdaOpen, -_insertions.Count - 1));
        _insertions.Add(new TextInsertion(original.FullSpan.End, LambdaClose, _insertions.Count + 1));
        return visited.WithArgumentList(visited.ArgumentList.WithArguments(
            visited.ArgumentList.Arguments.Replace(visitedArgument, visitedArgument.WithExpression(lambda))));
    }
}

/// <summary>An expression ready to compile: the rewritten text, what was inserted, and syntax errors of the original.</summary>
internal sealed record RewrittenExpression(string Text, ImmutableArray<TextInsertion> Insertions, ImmutableArray<Diagnostic> SyntaxErrors)
{
    public bool HasSyntaxErrors => !SyntaxErrors.IsEmpty;

    /// <summary>The rewritten syntax tree as text; equals <see cref="Text"/> (checked by tests).</summary>
    public string TreeText { get; init; } = Text;

    /// <summary>Maps an offset in <see cref="Text"/> back to the offset in the original expression.</summary>
    public int ToOriginalOffset(int rewrittenOffset)
    {
        var shift = 0;
        foreach (var insertion in Insertions)
        {
            var start = insertion.Position + shift;
            if (rewrittenOffset < start) break;
            if (rewrittenOffset < start + insertion.Text.Length) return insertion.Position;
            shift += insertion.Text.Length;
        }
        return Math.Max(0, rewrittenOffset - shift);
    }
}

/// <summary>Text inserted at <see cref="Position"/> of the original; <see cref="Order"/> breaks ties at one position.</summary>
internal readonly record struct TextInsertion(int Position, string Text, int Order)
{
    public static string Apply(string original, ImmutableArray<TextInsertion> sorted)
    {
        if (sorted.IsEmpty) return original;
        var builder = new System.Text.StringBuilder(original.Length + sorted.Sum(i => i.Text.Length));
        var last = 0;
        foreach (var insertion in sorted)
        {
            builder.Append(original, last, insertion.Position - last).Append(insertion.Text);
            last = insertion.Position;
        }
        return builder.Append(original, last, original.Length - last).ToString();
    }
}
