using Rdl.Model.Expressions;

namespace Renderer.Sandbox.Runtime;

/// <summary>Evaluates one RDL property value: constants are returned as text, '=' expressions run compiled code.</summary>
public interface IExpressionEvaluator
{
    /// <summary>Evaluates <paramref name="expression"/> in <paramref name="context"/>. Exceptions from the expression propagate.</summary>
    object? Evaluate(ExpressionText expression, IExpressionContext context);
}
