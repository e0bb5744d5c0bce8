using Rdl.Model.Diagnostics;

namespace Rdl.Model.Expressions;

/// <summary>
/// A property value from the RDL: either a constant (<c>Sales Report</c>) or an expression (<c>=Sum(Fields!Amount.Value)</c>).
/// <see cref="Site"/> names the owning object and property, e.g. <c>Textbox 'Total'.Value</c>.
/// </summary>
public sealed record ExpressionText(string Raw, SourceLocation Location, string Site)
{
    /// <summary>True when the text starts with '=' and so is compiled as VB.</summary>
    public bool IsExpression => Raw.Length > 1 && Raw[0] == '=';

    /// <summary>The VB code after the leading '=' (only meaningful when <see cref="IsExpression"/>).</summary>
    public string Code => IsExpression ? Raw[1..] : Raw;

    public override string ToString() => Raw;
}
