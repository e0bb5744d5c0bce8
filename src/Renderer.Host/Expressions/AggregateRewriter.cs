using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;

namespace Renderer.Host.Expressions;

/// <summary>
/// Prepares the SSRS functions that evaluate an argument elsewhere than where they are called:
/// <list type="bullet">
/// <item>aggregates (<c>Sum(x, "Scope")</c>, also <c>Aggregate</c>), <c>RunningValue</c> and <c>Previous</c>: the first
/// argument becomes a lambda (<c>Sum(Function() (x), "Scope")</c>) the runtime evaluates once per row or instance;</item>
/// <item><c>Lookup</c>, <c>LookupSet</c>, <c>MultiLookup</c>: the destination and result arguments become lambdas
/// (evaluated per row of the other dataset; the source argument stays in the current scope);</item>
/// <item>the function name of <c>RunningValue(x, Sum, scope)</c> and the <c>Recursive</c>/<c>Simple</c> keyword of an
/// aggregate become string literals.</item>
/// </list>
/// Nested calls are rewritten too. The rewrite only inserts text; <see cref="Insertions"/> lets errors in the result be
/// mapped back to the original.
/// </summary>
internal sealed class AggregateRewriter : VisualBasicSyntaxRewriter
{
    internal const string LambdaOpen = "Function() (";
    internal const string LambdaClose = ")";
    private const string Quote = "\"";

    private static readonly ImmutableHashSet<string> Aggregates = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Sum", "Avg", "Count", "CountDistinct", "Min", "Max", "First", "Last", "StDev", "StDevP", "Var", "VarP", "Aggregate");

    private static readonly ImmutableHashSet<string> Lookups = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Lookup", "LookupSet", "MultiLookup");

    private static readonly ImmutableHashSet<string> RecursionKeywords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Recursive", "Simple");

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
        if (!syntaxErrors.IsEmpty && JoinLines(code) is { } joined)
        {
            // SSRS accepts line breaks anywhere in an expression (e.g. a line starting with "and" or ","); VB only after
            // certain tokens. Breaks outside strings become spaces, which keeps every offset (and so error positions).
            var retry = SyntaxFactory.ParseExpression(joined);
            if (!retry.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                code = joined;
                parsed = retry;
                syntaxErrors = [];
            }
        }
        if (!syntaxErrors.IsEmpty) return new RewrittenExpression(code, [], syntaxErrors) { TreeText = code };

        var rewriter = new AggregateRewriter();
        var rewritten = rewriter.Visit(parsed);
        var insertions = rewriter._insertions.OrderBy(i => i.Position).ThenBy(i => i.Order).ToImmutableArray();
        var text = TextInsertion.Apply(code, insertions);
        // The tree and the insertion list describe the same edit; the insertion text is what gets compiled
        // because error positions are mapped back through the insertions.
        return new RewrittenExpression(text, insertions, []) { TreeText = rewritten.ToFullString() };
    }

    /// <summary><paramref name="code"/> with CR/LF outside string literals turned into spaces; null when it has none or has a ' comment.</summary>
    internal static string? JoinLines(string code)
    {
        var chars = code.ToCharArray();
        bool inString = false, changed = false;
        for (int i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == '"') inString = !inString;
            else if (!inString && c == '\'') return null;
            else if (!inString && c is '\r' or '\n')
            {
                chars[i] = ' ';
                changed = true;
            }
        }
        return changed ? new string(chars) : null;
    }

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        if (node.Expression is not IdentifierNameSyntax name || node.ArgumentList is not { Arguments.Count: > 0 } args) return visited;
        var function = name.Identifier.ValueText;
        if (Aggregates.Contains(function))
        {
            visited = WrapInLambda(node, visited, 0);
            visited = QuoteKeyword(node, visited, 2, RecursionKeywords);
        }
        else if (function.Equals("CountRows", StringComparison.OrdinalIgnoreCase))
        {
            visited = QuoteKeyword(node, visited, 1, RecursionKeywords);
        }
        else if (function.Equals("RunningValue", StringComparison.OrdinalIgnoreCase))
        {
            visited = WrapInLambda(node, visited, 0);
            visited = QuoteKeyword(node, visited, 1, null);
        }
        else if (function.Equals("Previous", StringComparison.OrdinalIgnoreCase))
        {
            visited = WrapInLambda(node, visited, 0);
        }
        else if (Lookups.Contains(function) && args.Arguments.Count >= 3)
        {
            visited = WrapInLambda(node, visited, 1);
            visited = WrapInLambda(node, visited, 2);
        }
        return visited;
    }

    /// <summary>Argument <paramref name="index"/> becomes <c>Function() (arg)</c>.</summary>
    private InvocationExpressionSyntax WrapInLambda(InvocationExpressionSyntax node, InvocationExpressionSyntax visited, int index)
    {
        var args = node.ArgumentList!.Arguments;
        if (index >= args.Count || args[index] is not SimpleArgumentSyntax { Expression: var original } || original is LambdaExpressionSyntax) return visited;
        if (original.IsMissing || original.Span.IsEmpty) return visited;

        var visitedArgument = (SimpleArgumentSyntax)visited.ArgumentList!.Arguments[index];
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

    /// <summary>A bare identifier argument (<c>Sum</c>, <c>Recursive</c>) becomes a string literal (<c>"Sum"</c>).</summary>
    private InvocationExpressionSyntax QuoteKeyword(InvocationExpressionSyntax node, InvocationExpressionSyntax visited, int index, ImmutableHashSet<string>? allowed)
    {
        var args = node.ArgumentList!.Arguments;
        if (index >= args.Count || args[index] is not SimpleArgumentSyntax { Expression: IdentifierNameSyntax identifier }) return visited;
        var word = identifier.Identifier.ValueText;
        if (allowed is not null && !allowed.Contains(word)) return visited;
        if (identifier.Identifier.Text.StartsWith('[')) return visited;

        var visitedArgument = (SimpleArgumentSyntax)visited.ArgumentList!.Arguments[index];
        var literal = SyntaxFactory.StringLiteralExpression(SyntaxFactory.StringLiteralToken(Quote + word + Quote, word))
            .WithLeadingTrivia(visitedArgument.Expression.GetLeadingTrivia())
            .WithTrailingTrivia(visitedArgument.Expression.GetTrailingTrivia());
        _insertions.Add(new TextInsertion(identifier.SpanStart, Quote, -_insertions.Count - 1));
        _insertions.Add(new TextInsertion(identifier.Span.End, Quote, _insertions.Count + 1));
        return visited.WithArgumentList(visited.ArgumentList!.WithArguments(
            visited.ArgumentList.Arguments.Replace(visitedArgument, visitedArgument.WithExpression(literal))));
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
