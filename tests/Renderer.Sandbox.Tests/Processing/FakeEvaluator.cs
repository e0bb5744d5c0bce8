using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Evaluates expressions by C# lambdas registered per expression, so processing is tested without the VB compiler.</summary>
internal sealed class FakeEvaluator : IExpressionEvaluator
{
    private readonly Dictionary<ExpressionText, Func<IExpressionContext, object?>> _code = new(ReferenceEqualityComparer.Instance);

    public ExpressionText Expr(string raw, Func<IExpressionContext, object?> code)
    {
        var e = new ExpressionText(raw, new SourceLocation("test.rdl", 1, 1), "Test");
        _code[e] = code;
        return e;
    }

    public object? Evaluate(ExpressionText expression, IExpressionContext context) =>
        expression.IsExpression ? _code[expression](context) : expression.Raw;
}
