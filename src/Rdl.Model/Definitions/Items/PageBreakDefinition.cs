using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Items;

public enum BreakLocation
{
    None,
    Start,
    End,
    StartAndEnd,
    Between,
}

/// <summary>
/// A &lt;PageBreak&gt; (or the RDL 2005 PageBreakAtStart/PageBreakAtEnd flags). <see cref="ResetPageNumber"/> is the
/// constant form; RDL 2010+ may give <see cref="ResetPageNumberExpression"/> and <see cref="Disabled"/> as expressions.
/// </summary>
public sealed record PageBreakDefinition(BreakLocation Location, bool ResetPageNumber = false)
{
    /// <summary>Disabled: true (constant or expression) turns the break off.</summary>
    public ExpressionText? Disabled { get; init; }

    /// <summary>ResetPageNumber given as an expression ("=..."); null when it is the constant <see cref="ResetPageNumber"/>.</summary>
    public ExpressionText? ResetPageNumberExpression { get; init; }
}
