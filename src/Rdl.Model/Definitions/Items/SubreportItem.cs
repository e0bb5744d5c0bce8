using System.Collections.Immutable;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Items;

/// <summary>One value passed to a subreport; it is left out when <see cref="Omit"/> evaluates to true.</summary>
public sealed record SubreportParameter(string Name, ExpressionText Value, ExpressionText? Omit);

/// <summary>
/// A &lt;Subreport&gt;: renders another report (<see cref="ReportName"/>, a catalog name or path relative to the parent's
/// folder) inside this item's bounds, with <see cref="Parameters"/> evaluated in the item's scope. MergeTransactions and
/// OmitBorderOnPageBreak are read and have no effect.
/// </summary>
public sealed record SubreportItem(
    string Name,
    ItemBounds Bounds,
    StyleDefinition Style,
    SourceLocation Location,
    string ReportName,
    ImmutableArray<SubreportParameter> Parameters)
    : ReportItem(Name, Bounds, Style, Location)
{
    /// <summary>NoRowsMessage (RDL 2005: NoRows): shown instead of the subreport when none of its datasets returns rows.</summary>
    public ExpressionText? NoRowsMessage { get; init; }

    public bool KeepTogether { get; init; }

    public bool MergeTransactions { get; init; }

    public bool OmitBorderOnPageBreak { get; init; }

    public override string Kind => "Subreport";
}
