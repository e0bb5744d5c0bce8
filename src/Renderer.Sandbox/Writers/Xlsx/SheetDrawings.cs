using System.Globalization;
using System.Xml;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The drawings of one worksheet: a chart with data Excel can draw (<see cref="ChartItem.Native"/>) becomes a native Excel
/// chart (a chart part, <see cref="OfficeChartXml"/>), any other chart a PNG (<see cref="ChartRasterizer"/>, 2 pixels per
/// point), and each image keeps its bytes (<see cref="OfficeImage"/>, placed and sized as the PDF draws it), in a drawing
/// part, anchored at the cell of its top-left corner with its size in points (one-cell anchor, as SSRS places charts and
/// images). <see cref="Write"/> writes the drawing part, its relationships, the chart parts and the media; a native chart's
/// data goes to the workbook's <see cref="ChartDataSheet"/>, whose cells its series refer to.
/// </summary>
internal sealed class SheetDrawings
{
    /// <summary>Relationship id of the drawing in the worksheet's relationships.</summary>
    public const string RelationshipId = "rIdDrawing1";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.drawing+xml";

    private const string Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const long EmuPerPoint = 12700;

    /// <summary>The extension of chart parts: the package declares their content type once for it (a Default), since its content types are written before the sheets.</summary>
    public const string ChartExtension = "chart";

    private readonly List<(PageItem Item, int Row, int Column)> _charts = [];

    public int Count => _charts.Count;

    /// <summary>True when the pages hold a chart the sheet exports.</summary>
    public static bool AnyIn(IReadOnlyList<Page> pages, int start, int end)
    {
        for (var p = start; p < end; p++)
            if (pages[p].Items.Any(i => i is ChartItem or ImageItem && SheetGrid.IsExported(i, p - start))) return true;
        return false;
    }

    /// <summary>Path of the drawing part of worksheet <paramref name="sheet"/> (0-based), from the package root.</summary>
    public static string PartPath(int sheet) => $"xl/drawings/drawing{sheet + 1}.xml";

    /// <summary>Records a chart or image anchored at (<paramref name="row"/>, <paramref name="column"/>), 0-based sheet coordinates.</summary>
    public void Add(PageItem item, int row, int column) => _charts.Add((item, row, column));

    /// <summary>
    /// Writes the drawing part of worksheet <paramref name="sheet"/> (named <paramref name="sheetName"/>), its relationships,
    /// a chart part per native chart (its data added to <paramref name="chartData"/>; null: literals in the chart) and a picture
    /// per other chart or image.
    /// </summary>
    public void Write(int sheet, string sheetName, ChartDataSheet? chartData, Func<string, Stream> createPart)
    {
        var pictures = new List<(string Name, Bounds Box, int Row, int Column, string Id, string Target, bool Chart)>();
        var charts = 0;
        foreach (var (item, row, column) in _charts)
        {
            if (item is ChartItem { Native: { } native } nativeChart)
            {
                charts++;
                var part = $"charts/chart{sheet + 1}_{charts}.{ChartExtension}";
                var ranges = chartData?.Add(native, nativeChart.Name, sheetName);
                using (var stream = createPart("xl/" + part)) OfficeChartXml.Write(stream, native, ranges);
                pictures.Add((nativeChart.Name, new Bounds(0, 0, item.Bounds.Width, item.Bounds.Height), row, column, "rIdChart" + charts.ToString(CultureInfo.InvariantCulture), "../" + part, true));
                continue;
            }

            var (data, extension, box, name) = item switch
            {
                ChartItem chart when ChartRasterizer.ToPng(chart) is { } png => (png, "png", chart.Bounds, chart.Name),
                ImageItem image when OfficeImage.From(image) is { } picture => (picture.Data, picture.Extension, picture.Target, "Image"),
                _ => default,
            };
            if (data is null) continue;
            var id = "rIdImage" + (pictures.Count + 1).ToString(CultureInfo.InvariantCulture);
            var target = $"../media/picture{sheet + 1}_{pictures.Count + 1}.{extension}";
            using (var media = createPart($"xl/media/picture{sheet + 1}_{pictures.Count + 1}.{extension}")) media.Write(data);
            pictures.Add((name, new Bounds(box.X - item.Bounds.X, box.Y - item.Bounds.Y, box.Width, box.Height), row, column, id, target, false));
        }

        WriteXml(createPart(PartPath(sheet)), xml =>
        {
            xml.WriteStartElement("xdr", "wsDr", Xdr);
            xml.WriteAttributeString("xmlns", "a", null, A);
            xml.WriteAttributeString("xmlns", "r", null, R);
            for (var i = 0; i < pictures.Count; i++) WriteAnchor(xml, pictures[i].Name, pictures[i].Box, pictures[i].Row, pictures[i].Column, pictures[i].Id, i + 2, pictures[i].Chart);
            xml.WriteEndElement();
        });
        WriteXml(createPart($"xl/drawings/_rels/drawing{sheet + 1}.xml.rels"), xml =>
        {
            xml.WriteStartElement("Relationships", Relationships);
            for (var i = 0; i < pictures.Count; i++)
            {
                xml.WriteStartElement("Relationship", Relationships);
                xml.WriteAttributeString("Id", pictures[i].Id);
                xml.WriteAttributeString("Type", pictures[i].Chart ? OfficeChartXml.RelationshipType : R + "/image");
                xml.WriteAttributeString("Target", pictures[i].Target);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>A picture or chart at (<paramref name="row"/>, <paramref name="column"/>), offset within that cell by <paramref name="box"/>'s X and Y.</summary>
    private static void WriteAnchor(XmlWriter xml, string name, Bounds box, int row, int column, string id, int shapeId, bool chart)
    {
        var cx = Emu(box.Width);
        var cy = Emu(box.Height);
        xml.WriteStartElement("xdr", "oneCellAnchor", Xdr);
        xml.WriteStartElement("xdr", "from", Xdr);
        xml.WriteElementString("xdr", "col", Xdr, column.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("xdr", "colOff", Xdr, Emu(Math.Max(0, box.X)));
        xml.WriteElementString("xdr", "row", Xdr, row.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("xdr", "rowOff", Xdr, Emu(Math.Max(0, box.Y)));
        xml.WriteEndElement();
        xml.WriteStartElement("xdr", "ext", Xdr);
        xml.WriteAttributeString("cx", cx);
        xml.WriteAttributeString("cy", cy);
        xml.WriteEndElement();
        if (chart) WriteChartFrame(xml, name, id, shapeId);
        else WritePicture(xml, name, id, shapeId, cx, cy);
        xml.WriteElementString("xdr", "clientData", Xdr, null);
        xml.WriteEndElement(); // oneCellAnchor
    }

    /// <summary>A native chart: a graphic frame showing the chart part <paramref name="id"/>.</summary>
    private static void WriteChartFrame(XmlWriter xml, string name, string id, int shapeId)
    {
        xml.WriteStartElement("xdr", "graphicFrame", Xdr);
        xml.WriteAttributeString("macro", string.Empty);
        xml.WriteStartElement("xdr", "nvGraphicFramePr", Xdr);
        xml.WriteStartElement("xdr", "cNvPr", Xdr);
        xml.WriteAttributeString("id", shapeId.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("name", "Chart " + shapeId.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("descr", name);
        xml.WriteEndElement();
        xml.WriteElementString("xdr", "cNvGraphicFramePr", Xdr, null);
        xml.WriteEndElement();
        xml.WriteStartElement("xdr", "xfrm", Xdr);
        xml.WriteStartElement("a", "off", A);
        xml.WriteAttributeString("x", "0");
        xml.WriteAttributeString("y", "0");
        xml.WriteEndElement();
        xml.WriteStartElement("a", "ext", A);
        xml.WriteAttributeString("cx", "0");
        xml.WriteAttributeString("cy", "0");
        xml.WriteEndElement();
        xml.WriteEndElement(); // xfrm
        xml.WriteStartElement("a", "graphic", A);
        xml.WriteStartElement("a", "graphicData", A);
        xml.WriteAttributeString("uri", OfficeChartXml.GraphicDataUri);
        xml.WriteStartElement("c", "chart", OfficeChartXml.C);
        xml.WriteAttributeString("r", "id", R, id);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement(); // graphic
        xml.WriteEndElement(); // graphicFrame
    }

    private static void WritePicture(XmlWriter xml, string name, string id, int shapeId, string cx, string cy)
    {
        xml.WriteStartElement("xdr", "pic", Xdr);
        xml.WriteStartElement("xdr", "nvPicPr", Xdr);
        xml.WriteStartElement("xdr", "cNvPr", Xdr);
        xml.WriteAttributeString("id", shapeId.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("name", "Chart " + shapeId.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("descr", name);
        xml.WriteEndElement();
        xml.WriteStartElement("xdr", "cNvPicPr", Xdr);
        xml.WriteStartElement("a", "picLocks", A);
        xml.WriteAttributeString("noChangeAspect", "1");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement(); // nvPicPr
        xml.WriteStartElement("xdr", "blipFill", Xdr);
        xml.WriteStartElement("a", "blip", A);
        xml.WriteAttributeString("r", "embed", R, id);
        xml.WriteEndElement();
        xml.WriteStartElement("a", "stretch", A);
        xml.WriteElementString("a", "fillRect", A, null);
        xml.WriteEndElement();
        xml.WriteEndElement(); // blipFill
        xml.WriteStartElement("xdr", "spPr", Xdr);
        xml.WriteStartElement("a", "xfrm", A);
        xml.WriteStartElement("a", "off", A);
        xml.WriteAttributeString("x", "0");
        xml.WriteAttributeString("y", "0");
        xml.WriteEndElement();
        xml.WriteStartElement("a", "ext", A);
        xml.WriteAttributeString("cx", cx);
        xml.WriteAttributeString("cy", cy);
        xml.WriteEndElement();
        xml.WriteEndElement(); // xfrm
        xml.WriteStartElement("a", "prstGeom", A);
        xml.WriteAttributeString("prst", "rect");
        xml.WriteElementString("a", "avLst", A, null);
        xml.WriteEndElement();
        xml.WriteEndElement(); // spPr
        xml.WriteEndElement(); // pic
    }

    private static string Emu(double points) => ((long)Math.Round(points * EmuPerPoint)).ToString(CultureInfo.InvariantCulture);

    private static void WriteXml(Stream stream, Action<XmlWriter> write)
    {
        using (stream)
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = XlsxPackage.Utf8 }))
        {
            xml.WriteStartDocument(true);
            write(xml);
            xml.WriteEndDocument();
        }
    }
}
