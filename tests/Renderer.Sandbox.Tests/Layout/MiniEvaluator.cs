using System.Globalization;
using System.Text;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// Evaluates the small expressions layout tests use, without the VB compiler: terms joined by <c>&amp;</c>, each a
/// "string literal", <c>Fields!X.Value</c>, <c>Globals!X</c>, <c>true</c>/<c>false</c> or a number.
/// </summary>
internal sealed class MiniEvaluator : IExpressionEvaluator
{
    public object? Evaluate(ExpressionText expression, IExpressionContext context)
    {
        if (!expression.IsExpression) return expression.Raw;
        var terms = Split(expression.Raw.TrimStart()[1..]);
        var values = terms.Select(t => Term(t.Trim(), context)).ToList();
        if (values.Count == 1) return values[0];
        var text = new StringBuilder();
        foreach (var value in values) text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        return text.ToString();
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
