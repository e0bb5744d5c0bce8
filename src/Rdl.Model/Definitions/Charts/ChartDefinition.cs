using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;

namespace Rdl.Model.Definitions.Charts;

/// <summary>
/// A &lt;Chart&gt; (RDL 2008+ or the RDL 2003/2005 legacy form, read into the same model).
/// <para>The chart's data is described as a tablix, <see cref="DataRegion"/>: its row hierarchy is the category
/// hierarchy, its column hierarchy the series hierarchy (a member's label is the single textbox of its header cell),
/// and its one body cell holds <see cref="Content"/>. Scopes, the expression collector and the scope validator treat
/// the chart like any data region this way: group names such as <c>Chart1_CategoryGroup</c> are scopes.</para>
/// </summary>
public sealed record ChartDefinition(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location, ChartContent Content, TablixDefinition DataRegion)
    : ReportItem(Name, Bounds, Style, Location)
{
    public override string Kind => "Chart";

    public string? DataSetName => DataRegion.DataSetName;

    /// <summary>ChartCategoryHierarchy (legacy: CategoryGroupings); leaves own the data points of each series, in order.</summary>
    public ImmutableArray<TablixMember> CategoryHierarchy => DataRegion.RowHierarchy;

    /// <summary>ChartSeriesHierarchy (legacy: SeriesGroupings); leaves own the series of <see cref="ChartContent.Series"/>, in order.</summary>
    public ImmutableArray<TablixMember> SeriesHierarchy => DataRegion.ColumnHierarchy;
}
