using System.Globalization;
using System.Xml;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Charts;

/// <summary>
/// Writes a <see cref="NativeChart"/> as a DrawingML chart part (<c>c:chartSpace</c>), the part Excel and Word draw
/// their own charts from: one <c>c:barChart</c>, <c>c:lineChart</c>, <c>c:areaChart</c>, <c>c:pieChart</c>,
/// <c>c:doughnutChart</c> or <c>c:scatterChart</c> with the series' names, colors, categories and values, the titles,
/// the legend and the axes. Given <see cref="OfficeChartRanges"/>, the categories, names and values refer to the cells
/// holding them (<c>c:strRef</c>, <c>c:numRef</c>) and carry them as those references' caches, so the chart follows
/// edits to the cells and a viewer that does not recalculate still draws it; without, they are literals
/// (<c>c:strLit</c>, <c>c:numLit</c>). Shared by the XLSX and DOCX writers.
/// </summary>
internal static class OfficeChartXml
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    public const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
    public const string GraphicDataUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    public const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int CategoryAxisId = 500000001;
    private const int ValueAxisId = 500000002;

    /// <summary>Relationship id of the embedded workbook in the chart part's relationships.</summary>
    public const string DataRelationshipId = "rIdData1";

    /// <summary>
    /// Writes the chart part: with <paramref name="ranges"/> (of a chart that <see cref="OfficeChartRanges.Fits"/>) the
    /// series refer to those cells; <paramref name="externalData"/>: the cells are in the workbook the chart part embeds
    /// (relationship <see cref="DataRelationshipId"/>, a Word chart), else in the workbook holding the chart.
    /// </summary>
    public static void Write(Stream stream, NativeChart chart, OfficeChartRanges? ranges = null, bool externalData = false)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Xlsx.XlsxPackage.Utf8, CloseOutput = false });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("c", "chartSpace", C);
        xml.WriteAttributeString("xmlns", "a", null, A);
        xml.WriteAttributeString("xmlns", "r", null, R);
        Val(xml, "roundedCorners", "0");
        xml.WriteStartElement("c", "chart", C);
        if (chart.Title is { } title) Title(xml, title);
        Val(xml, "autoTitleDeleted", chart.Title is null ? "1" : "0");
        xml.WriteStartElement("c", "plotArea", C);
        xml.WriteElementString("c", "layout", C, null);
        Plot(xml, chart, ranges);
        if (chart.Kind is not (NativeChartKind.Pie or NativeChartKind.Doughnut)) Axes(xml, chart);
        xml.WriteEndElement(); // plotArea
        if (chart.LegendPosition is { } position)
        {
            xml.WriteStartElement("c", "legend", C);
            Val(xml, "legendPos", position);
            Val(xml, "overlay", "0");
            xml.WriteEndElement();
        }

        Val(xml, "plotVisOnly", "1");
        Val(xml, "dispBlanksAs", "gap");
        xml.WriteEndElement(); // chart
        if (ranges is not null && externalData)
        {
            xml.WriteStartElement("c", "externalData", C);
            xml.WriteAttributeString("r", "id", R, DataRelationshipId);
            Val(xml, "autoUpdate", "0");
            xml.WriteEndElement();
        }

        xml.WriteEndElement(); // chartSpace
        xml.WriteEndDocument();
    }

    private static void Plot(XmlWriter xml, NativeChart chart, OfficeChartRanges? ranges)
    {
        var grouping = chart.Grouping switch
        {
            NativeChartGrouping.Stacked => "stacked",
            NativeChartGrouping.PercentStacked => "percentStacked",
            _ => chart.Kind is NativeChartKind.Column or NativeChartKind.Bar ? "clustered" : "standard",
        };
        switch (chart.Kind)
        {
            case NativeChartKind.Column or NativeChartKind.Bar:
                xml.WriteStartElement("c", "barChart", C);
                Val(xml, "barDir", chart.Kind == NativeChartKind.Bar ? "bar" : "col");
                Val(xml, "grouping", grouping);
                Val(xml, "varyColors", "0");
                Series(xml, chart, ranges);
                Val(xml, "gapWidth", "150");
                if (chart.Grouping != NativeChartGrouping.Standard) Val(xml, "overlap", "100");
                AxisIds(xml);
                break;
            case NativeChartKind.Line:
                xml.WriteStartElement("c", "lineChart", C);
                Val(xml, "grouping", grouping);
                Val(xml, "varyColors", "0");
                Series(xml, chart, ranges);
                Val(xml, "marker", "1");
                AxisIds(xml);
                break;
            case NativeChartKind.Area:
                xml.WriteStartElement("c", "areaChart", C);
                Val(xml, "grouping", grouping);
                Val(xml, "varyColors", "0");
                Series(xml, chart, ranges);
                AxisIds(xml);
                break;
            case NativeChartKind.Pie or NativeChartKind.Doughnut:
                xml.WriteStartElement("c", chart.Kind == NativeChartKind.Pie ? "pieChart" : "doughnutChart", C);
                Val(xml, "varyColors", "1");
                Series(xml, chart, ranges);
                Val(xml, "firstSliceAng", "0");
                if (chart.Kind == NativeChartKind.Doughnut) Val(xml, "holeSize", "50");
                break;
            default:
                xml.WriteStartElement("c", "scatterChart", C);
                Val(xml, "scatterStyle", chart.Smooth ? "smoothMarker" : "lineMarker");
                Val(xml, "varyColors", "0");
                Series(xml, chart, ranges);
                AxisIds(xml);
                break;
        }

        xml.WriteEndElement();
    }

    private static void Series(XmlWriter xml, NativeChart chart, OfficeChartRanges? ranges)
    {
        for (var i = 0; i < chart.Series.Length; i++)
        {
            var series = chart.Series[i];
            xml.WriteStartElement("c", "ser", C);
            Val(xml, "idx", Number(i));
            Val(xml, "order", Number(i));
            xml.WriteStartElement("c", "tx", C);
            if (ranges is not null) Strings(xml, null, ranges.SeriesNames[i], [series.Name]);
            else xml.WriteElementString("c", "v", C, Clean(series.Name));
            xml.WriteEndElement();
            switch (chart.Kind)
            {
                case NativeChartKind.Line:
                    ShapeProperties(xml, series.Color, line: true);
                    xml.WriteStartElement("c", "marker", C);
                    Val(xml, "symbol", "none");
                    xml.WriteEndElement();
                    break;
                case NativeChartKind.Scatter:
                    ShapeProperties(xml, null, line: true);
                    xml.WriteStartElement("c", "marker", C);
                    Val(xml, "symbol", "circle");
                    Val(xml, "size", "5");
                    ShapeProperties(xml, series.Color, line: false);
                    xml.WriteEndElement();
                    break;
                case NativeChartKind.Pie or NativeChartKind.Doughnut:
                    break;
                default:
                    ShapeProperties(xml, series.Color, line: false);
                    if (chart.Kind is NativeChartKind.Column or NativeChartKind.Bar) Val(xml, "invertIfNegative", "0");
                    break;
            }

            for (var p = 0; p < series.PointColors.Length; p++)
            {
                if (series.PointColors[p] is not { } color) continue;
                xml.WriteStartElement("c", "dPt", C);
                Val(xml, "idx", Number(p));
                if (chart.Kind is NativeChartKind.Column or NativeChartKind.Bar) Val(xml, "invertIfNegative", "0");
                if (chart.Kind is NativeChartKind.Pie or NativeChartKind.Doughnut) Val(xml, "bubble3D", "0");
                ShapeProperties(xml, color, line: chart.Kind == NativeChartKind.Line);
                xml.WriteEndElement();
            }

            if (series.ShowLabels) DataLabels(xml);
            if (chart.Kind == NativeChartKind.Scatter)
            {
                // Points without X values sit at their category's position, as in the picture.
                if (ranges?.SeriesXValues[i] is { } xRange) Numbers(xml, "xVal", series.XValues, xRange);
                else if (series.XValues.All(x => x is null)) Strings(xml, "xVal", ranges?.Categories, chart.Categories);
                else Numbers(xml, "xVal", series.XValues);
                Numbers(xml, "yVal", series.Values, ranges?.SeriesValues[i]);
                Val(xml, "smooth", chart.Smooth ? "1" : "0");
            }
            else
            {
                Strings(xml, "cat", ranges?.Categories, chart.Categories);
                Numbers(xml, "val", series.Values, ranges?.SeriesValues[i]);
                if (chart.Kind == NativeChartKind.Line) Val(xml, "smooth", chart.Smooth ? "1" : "0");
            }

            xml.WriteEndElement(); // ser
        }
    }

    /// <summary>The series' data labels: the values (SSRS's default label), nothing else.</summary>
    private static void DataLabels(XmlWriter xml)
    {
        xml.WriteStartElement("c", "dLbls", C);
        Val(xml, "showLegendKey", "0");
        Val(xml, "showVal", "1");
        Val(xml, "showCatName", "0");
        Val(xml, "showSerName", "0");
        Val(xml, "showPercent", "0");
        Val(xml, "showBubbleSize", "0");
        xml.WriteEndElement();
    }

    private static void Axes(XmlWriter xml, NativeChart chart)
    {
        var horizontal = chart.Kind == NativeChartKind.Bar;
        var scatter = chart.Kind == NativeChartKind.Scatter;
        xml.WriteStartElement("c", scatter ? "valAx" : "catAx", C);
        Val(xml, "axId", Number(CategoryAxisId));
        // Bars list their categories top to bottom, as the picture does (Excel's default is bottom to top).
        Scaling(xml, null, null, reversed: horizontal);
        Val(xml, "delete", chart.CategoryAxisVisible ? "0" : "1");
        Val(xml, "axPos", horizontal ? "l" : "b");
        if (chart.CategoryAxisTitle is { Length: > 0 } categoryTitle) Title(xml, categoryTitle);
        AxisTail(xml, ValueAxisId, "autoZero");
        if (scatter) Val(xml, "crossBetween", "midCat");
        else
        {
            Val(xml, "auto", "1");
            Val(xml, "lblAlgn", "ctr");
            Val(xml, "lblOffset", "100");
            Val(xml, "noMultiLvlLbl", "0");
        }

        xml.WriteEndElement();
        xml.WriteStartElement("c", "valAx", C);
        Val(xml, "axId", Number(ValueAxisId));
        Scaling(xml, chart.ValueMinimum, chart.ValueMaximum);
        Val(xml, "delete", chart.ValueAxisVisible ? "0" : "1");
        Val(xml, "axPos", horizontal ? "b" : "l");
        if (chart.ValueGridLines && chart.ValueAxisVisible) xml.WriteElementString("c", "majorGridlines", C, null);
        if (chart.ValueAxisTitle is { Length: > 0 } valueTitle) Title(xml, valueTitle);
        // With reversed categories the value axis crosses at the last one, to stay at the bottom.
        AxisTail(xml, CategoryAxisId, horizontal ? "max" : "autoZero");
        Val(xml, "crossBetween", scatter ? "midCat" : "between");
        xml.WriteEndElement();
    }

    /// <summary>numFmt, tick marks, label position, the crossing axis and where it crosses: the part every axis shares.</summary>
    private static void AxisTail(XmlWriter xml, int crossAxis, string crosses)
    {
        xml.WriteStartElement("c", "numFmt", C);
        xml.WriteAttributeString("formatCode", "General");
        xml.WriteAttributeString("sourceLinked", "0");
        xml.WriteEndElement();
        Val(xml, "majorTickMark", "out");
        Val(xml, "minorTickMark", "none");
        Val(xml, "tickLblPos", "nextTo");
        Val(xml, "crossAx", Number(crossAxis));
        Val(xml, "crosses", crosses);
    }

    private static void Scaling(XmlWriter xml, double? minimum, double? maximum, bool reversed = false)
    {
        xml.WriteStartElement("c", "scaling", C);
        Val(xml, "orientation", reversed ? "maxMin" : "minMax");
        if (maximum is { } max && double.IsFinite(max)) Val(xml, "max", Number(max));
        if (minimum is { } min && double.IsFinite(min)) Val(xml, "min", Number(min));
        xml.WriteEndElement();
    }

    private static void AxisIds(XmlWriter xml)
    {
        Val(xml, "axId", Number(CategoryAxisId));
        Val(xml, "axId", Number(ValueAxisId));
    }

    /// <summary>
    /// Texts in <paramref name="element"/> (null: written in place, for a series name): a literal list, or with
    /// <paramref name="formula"/> a reference to those cells with the texts as its cache.
    /// </summary>
    private static void Strings(XmlWriter xml, string? element, string? formula, IReadOnlyList<string> texts)
    {
        if (element is not null) xml.WriteStartElement("c", element, C);
        if (formula is not null)
        {
            xml.WriteStartElement("c", "strRef", C);
            xml.WriteElementString("c", "f", C, formula);
        }

        xml.WriteStartElement("c", formula is null ? "strLit" : "strCache", C);
        Val(xml, "ptCount", Number(texts.Count));
        for (var i = 0; i < texts.Count; i++)
        {
            xml.WriteStartElement("c", "pt", C);
            xml.WriteAttributeString("idx", Number(i));
            xml.WriteElementString("c", "v", C, Clean(texts[i]));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (formula is not null) xml.WriteEndElement();
        if (element is not null) xml.WriteEndElement();
    }

    /// <summary>Numbers in <paramref name="element"/>: a literal list, or with <paramref name="formula"/> a reference to those cells with the numbers as its cache.</summary>
    private static void Numbers(XmlWriter xml, string element, IReadOnlyList<double?> values, string? formula = null)
    {
        xml.WriteStartElement("c", element, C);
        if (formula is not null)
        {
            xml.WriteStartElement("c", "numRef", C);
            xml.WriteElementString("c", "f", C, formula);
        }

        xml.WriteStartElement("c", formula is null ? "numLit" : "numCache", C);
        xml.WriteElementString("c", "formatCode", C, "General");
        Val(xml, "ptCount", Number(values.Count));
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value || !double.IsFinite(value)) continue;
            xml.WriteStartElement("c", "pt", C);
            xml.WriteAttributeString("idx", Number(i));
            xml.WriteElementString("c", "v", C, Number(value));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (formula is not null) xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A series or point's fill (<paramref name="line"/>: its line) in <paramref name="color"/>; null: no line (scatter points only).</summary>
    private static void ShapeProperties(XmlWriter xml, Rgba? color, bool line)
    {
        xml.WriteStartElement("c", "spPr", C);
        if (line)
        {
            xml.WriteStartElement("a", "ln", A);
            xml.WriteAttributeString("w", "19050");
            if (color is { } stroke) SolidFill(xml, stroke);
            else xml.WriteElementString("a", "noFill", A, null);
            xml.WriteEndElement();
        }
        else if (color is { } fill)
        {
            SolidFill(xml, fill);
        }

        xml.WriteEndElement();
    }

    private static void SolidFill(XmlWriter xml, Rgba color)
    {
        xml.WriteStartElement("a", "solidFill", A);
        xml.WriteStartElement("a", "srgbClr", A);
        xml.WriteAttributeString("val", color.ToHex());
        if (color.A < 255)
        {
            xml.WriteStartElement("a", "alpha", A);
            xml.WriteAttributeString("val", Number((int)Math.Round(color.A / 255.0 * 100000)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A chart or axis title: one paragraph per line of <paramref name="text"/>.</summary>
    private static void Title(XmlWriter xml, string text)
    {
        xml.WriteStartElement("c", "title", C);
        xml.WriteStartElement("c", "tx", C);
        xml.WriteStartElement("c", "rich", C);
        xml.WriteElementString("a", "bodyPr", A, null);
        foreach (var line in text.Split('\n'))
        {
            xml.WriteStartElement("a", "p", A);
            xml.WriteStartElement("a", "r", A);
            xml.WriteElementString("a", "t", A, Clean(line));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement(); // rich
        xml.WriteEndElement(); // tx
        Val(xml, "overlay", "0");
        xml.WriteEndElement();
    }

    private static void Val(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement("c", element, C);
        xml.WriteAttributeString("val", value);
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The text without the characters XML cannot hold (control characters, lone surrogates).</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(text, i++, 2);
            else if (XmlConvert.IsXmlChar(text[i])) builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
