using System.Globalization;
using System.Text;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// Evaluates the small expressions layout tests use, without the VB compiler: terms joined by <c>&amp;</c>, each a
/// "string literal", <c>Fields!X.Value</c>, <c>Globals!X</c>, <c>true</c>/<c>false</c> or a number; two such compared
/// with <c> = </c>.
/// </summary>
internal sealed class MiniEvaluator : IExpressionEvaluator
{
    public object? Evaluate(ExpressionText expression, IExpressionContext context)
    {
        if (!expression.IsExpression) return expression.Raw;
        return Concatenation(expression.Raw.TrimStart()[1..], context);
    }

    /// <summary>Terms joined by <c>&amp;</c>, or two such compared with <c> = </c> (as text).</summary>
    private static object? Concatenation(string text, IExpressionContext context)
    {
        if (IndexOfUnquoted(text, " = ") is var equals and >= 0)
        {
            var left = Convert.ToString(Concatenation(text[..equals], context), CultureInfo.InvariantCulture);
            var right = Convert.ToString(Concatenation(text[(equals + 3)..], context), CultureInfo.InvariantCulture);
            return string.Equals(left, right, StringComparison.Ordinal);
        }
        var terms = Split(text);
        var values = terms.Select(t => Term(t.Trim(), context)).ToList();
        if (values.Count == 1) return values[0];
        var joined = new StringBuilder();
        foreach (var value in values) joined.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        return joined.ToString();
    }

    private static object? Term(string term, IExpressionContext context)
    {
        if (term.StartsWith('"')) return term[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        if (term.StartsWith("Fields!", StringComparison.OrdinalIgnoreCase)) return context.GetFieldValue(term[7..term.IndexOf('.', StringComparison.Ordinal)]);
        if (term.StartsWith("Globals!", StringComparison.OrdinalIgnoreCase)) return context.GetGlobal(term[8..]);
        if (bool.TryParse(term, out var flag)) return flag;
        if (int.TryParse(term, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        throw new NotSupportedException($"MiniEvaluator cannot evaluate '{term}'.");
    }

    private static int IndexOfUnquoted(string text, string value)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (!quoted && string.CompareOrdinal(text, i, value, 0, value.Length) == 0) return i;
        }
        return -1;
    }

    private static List<string> Split(string text)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            if (c == '&' && !quoted)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        terms.Add(current.ToString());
        return terms;
    }
}
