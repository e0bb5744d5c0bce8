using System.Collections.Frozen;

namespace Rdl.Model.Reading;

/// <summary>
/// Chart elements the model does not represent (3D, smart labels, tooltips, secondary axes details, ...).
/// They are skipped without a warning; any other unknown element inside a chart gives RDL1100.
/// </summary>
internal static class ChartIgnoredElements
{
    private static readonly FrozenSet<string> Names = new[]
    {
        "ThreeDProperties", "ChartThreeDProperties", "ChartSmartLabel", "ChartEmptyPoints", "ChartMarker", "Marker", // markers elsewhere than on series and points
        "ValueAxisName", "CategoryAxisName", "ChartAreaName", "LegendName", "HideInLegend", "ChartItemInLegend",
        "ChartBorderSkin", "ChartCodeParameters", "ChartAlignType", "ChartElementPosition", "ChartInnerPlotPosition",
        "ChartMinorGridLines", "MinorGridLines", "ChartMajorTickMarks", "ChartMinorTickMarks", "MajorTickMarks",
        "MinorTickMarks", "ChartAxisScaleBreak", "ChartStripLines", "CustomInnerPlotPosition", "PointWidth",
        "AlignOrientation", "AlignWithChartArea", "Interval", "IntervalType", "IntervalOffset", "IntervalOffsetType",
        "LabelsAutoFitDisabled", "LabelInterval", "LabelIntervalType", "LabelIntervalOffset", "LabelIntervalOffsetType",
        "MaxFontSize", "MinFontSize", "LabelsAngle", "Angle", "Arrows", "Scalar", "CrossAt", "Location", "Interlaced",
        "InterlacedColor", "LogScale", "LogBase", "HideLabels", "PreventFontShrink", "PreventFontGrow",
        "PreventLabelOffset", "PreventWordWrap", "AllowLabelRotation", "IncludeZero", "Margin", "Reverse", "VariableAutoInterval",
        "HideEndLabels", "ChartLegendCustomItems", "ChartLegendColumns", "ChartLegendTitle", "DockToChartArea",
        "DockOutsideChartArea", "InterlacedRows", "InterlacedRowsColor", "EquallySpacedItems", "Reversed", "MinFontSize",
        "AutoFitTextDisabled", "HeaderSeparator", "HeaderSeparatorColor", "ColumnSeparator", "ColumnSeparatorColor",
        "ColumnSpacing", "TextWrapThreshold", "Layout", "DockOffset", "ChartEmptyPoints", "ChartItemInLegend",
        "ChartFormulaParameters", "ChartDerivedSeriesCollection", "ChartStripLine", "UseValueAsLabel", "Position",
        "Rotation", "PaletteHatchBehavior", "DynamicHeight", "DynamicWidth", "ChartLegendColumnHeader", "PointInterval",
        "DataElementName", "DataElementOutput", "ToolTip", "ActionInfo", "Action", "Bookmark", "DocumentMapLabel",
        "CustomProperties", "KeepTogether", "ChartAlignTypePosition", "Toggle", "Hidden", "Length",
        "Chart2DProperties", "StyleName", "MajorInterval", "MinorInterval", "InsidePlotArea", "PlotType",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string localName) => Names.Contains(localName);
}
