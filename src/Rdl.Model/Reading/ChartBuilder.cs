using System.Collections.Immutable;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>Collects the parts of one chart while it is read and builds the <see cref="ChartDefinition"/> with its data region.</summary>
internal sealed class ChartBuilder(string name)
{
    private int _labels;

    public string Name { get; } = name;

    public string? DataSetName { get; set; }

    public ImmutableArray<TablixMember> Categories { get; set; } = [];

    public ImmutableArray<TablixMember> SeriesMembers { get; set; } = [];

    public List<ChartSeriesDefinition> Series { get; } = [];

    public List<ChartTitleDefinition> Titles { get; } = [];

    public ChartAxisDefinition? CategoryAxis { get; set; }

    public ChartAxisDefinition? ValueAxis { get; set; }

    public ChartLegendDefinition? Legend { get; set; }

    public string Palette { get; set; } = "Default";

    public ImmutableArray<ExpressionText> CustomPalette { get; set; } = [];

    public ExpressionText? NoDataMessage { get; set; }

    public StyleDefinition PlotStyle { get; set; } = StyleDefinition.Empty;

    public ImmutableArray<FilterDefinition> Filters { get; set; } = [];

    public ImmutableArray<SortExpression> Sorts { get; set; } = [];

    public PageBreakDefinition? PageBreak { get; set; }

    /// <summary>A unique name for the textbox holding a member's label.</summary>
    public string NextLabelName() => $"{Name}_Label{++_labels}";

    public ChartDefinition Build(ItemCommon common, SourceLocation location)
    {
        var content = new ChartContent(Name + "_Data", location, [.. Series])
        {
            Titles = [.. Titles],
            CategoryAxis = CategoryAxis ?? ChartAxisDefinition.Default,
            ValueAxis = ValueAxis ?? ChartAxisDefinition.Default,
            Legend = Legend ?? ChartLegendDefinition.Default,
            Palette = Palette,
            CustomPalette = CustomPalette,
            NoDataMessage = NoDataMessage,
            PlotStyle = PlotStyle,
        };
        var region = new TablixDefinition(
            Name,
            common.Bounds,
            StyleDefinition.Empty,
            location,
            DataSetName,
            [common.Width],
            [new TablixRow(common.Height, [new TablixCell(content)])],
            Categories,
            SeriesMembers)
        {
            Filters = Filters,
            SortExpressions = Sorts,
        };
        return new ChartDefinition(Name, common.Bounds, common.Style, location, content, region)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
        };
    }
}
