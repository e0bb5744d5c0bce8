using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Charts;

/// <summary>
/// Turns a data point's marker (its own ChartMarker, else its series') into what is drawn, in the point's scope:
/// no marker when the type is None, or not written on a non-scatter series; Auto (and an unwritten type on a scatter
/// series) takes the series' place in <see cref="AutoShapes"/>; the size defaults to 6pt; the fill is the marker's
/// BackgroundColor, else the point's color; the border is the marker's border (a Border.Color alone draws it solid).
/// </summary>
internal sealed class ChartMarkerResolver(ItemEvaluator items)
{
    /// <summary>Shapes Auto gives series in turn (SSRS starts scatter charts with circles).</summary>
    public static readonly ChartMarkerShape[] AutoShapes =
    [
        ChartMarkerShape.Circle, ChartMarkerShape.Square, ChartMarkerShape.Diamond, ChartMarkerShape.Triangle, ChartMarkerShape.Cross,
        ChartMarkerShape.Star4, ChartMarkerShape.Star5, ChartMarkerShape.Star6, ChartMarkerShape.Star10,
    ];

    public ChartMarkerData? Resolve(ChartMarkerDefinition? marker, ChartSeriesType seriesType, int seriesIndex, Rgba color, ReportItem owner)
    {
        var type = marker?.Type ?? (seriesType == ChartSeriesType.Scatter ? ChartMarkerType.Auto : ChartMarkerType.None);
        if (type == ChartMarkerType.None) return null;
        var shape = type == ChartMarkerType.Auto ? AutoShapes[seriesIndex % AutoShapes.Length] : Shape(type);
        var size = marker?.Size?.Points ?? ChartMarkerDefinition.DefaultSize;
        var style = marker?.Style ?? StyleDefinition.Empty;
        if (style.Properties.IsEmpty) return new ChartMarkerData(shape, size, color, BorderSide.None);
        BoxStyle box;
        try
        {
            box = items.Styles.ResolveBox(style);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ChartMarkerData(shape, size, color, BorderSide.None);
        }
        var fill = style["BackgroundColor"] is null ? color : box.Background;
        return new ChartMarkerData(shape, size, fill, box.Top.IsVisible ? box.Top : ColorOnlyBorder(style, owner));
    }

    /// <summary>A solid border when the style gives a border color but no border style.</summary>
    private BorderSide ColorOnlyBorder(StyleDefinition style, ReportItem owner)
    {
        if (style["Border.Style"] is not null || style["TopBorder.Style"] is not null) return BorderSide.None;
        if ((style["TopBorder.Color"] ?? style["Border.Color"]) is not { } colorText) return BorderSide.None;
        if (Evaluate(colorText, owner) is not { } text || ColorParser.Parse(text) is not { } borderColor) return BorderSide.None;
        var width = (style["TopBorder.Width"] ?? style["Border.Width"]) is { } w && ReportSize.TryParse(Evaluate(w, owner), out var parsed) ? parsed.Points : 1;
        return new BorderSide(BorderStyle.Solid, borderColor, width);
    }

    private string? Evaluate(Rdl.Model.Expressions.ExpressionText expression, ReportItem owner)
    {
        var value = items.TryEvaluate(expression, owner, out var failed);
        return failed ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ChartMarkerShape Shape(ChartMarkerType type) => type switch
    {
        ChartMarkerType.Square => ChartMarkerShape.Square,
        ChartMarkerType.Diamond => ChartMarkerShape.Diamond,
        ChartMarkerType.Triangle => ChartMarkerShape.Triangle,
        ChartMarkerType.Cross => ChartMarkerShape.Cross,
        ChartMarkerType.Star4 => ChartMarkerShape.Star4,
        ChartMarkerType.Star5 => ChartMarkerShape.Star5,
        ChartMarkerType.Star6 => ChartMarkerShape.Star6,
        ChartMarkerType.Star10 => ChartMarkerShape.Star10,
        _ => ChartMarkerShape.Circle,
    };
}
