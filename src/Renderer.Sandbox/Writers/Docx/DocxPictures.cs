using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// The pictures of one Word part (the document, a header or a footer): a chart with data Word can draw
/// (<see cref="ChartItem.Native"/>) becomes a native Word chart (a chart part, <see cref="OfficeChartXml"/>), any other
/// chart a PNG (<see cref="ChartRasterizer"/>), and each image keeps its bytes (<see cref="OfficeImage"/>), shown inline
/// at its size in points. The media files and chart parts are shared by the package (<see cref="DocxMedia"/>);
/// <see cref="WriteRelationships"/> writes the part's relationships, hyperlinks (<see cref="Link"/>) among them.
/// </summary>
internal sealed class DocxPictures(DocxMedia media)
{
    private const long EmuPerPoint = 12700;
    internal const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ImageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    private const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    private readonly List<(string Id, string Type, string Target)> _relationships = [];
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    /// <summary>
    /// The relationship id of an external hyperlink to <paramref name="url"/> (one per URL and part), or null when
    /// <see cref="SafeLinks"/> does not allow it (only absolute http, https and mailto URLs become links).
    /// </summary>
    public string? Link(string? url)
    {
        if (SafeLinks.Normalize(url) is not { } safe) return null;
        var target = new Uri(safe).AbsoluteUri;
        if (_links.TryGetValue(target, out var id)) return id;
        id = "rIdLink" + (_links.Count + 1).ToString(CultureInfo.InvariantCulture);
        _links.Add(target, id);
        return id;
    }

    /// <summary>A run showing <paramref name="chart"/>: a native chart, else a picture; null when it cannot be rasterized.</summary>
    public Run? Add(ChartItem chart)
    {
        if (chart.Native is { } native) return NativeChart(native, chart.Bounds.Width, chart.Bounds.Height, chart.Name);
        return ChartRasterizer.ToPng(chart) is { } png ? Picture(png, "png", chart.Bounds.Width, chart.Bounds.Height, chart.Name) : null;
    }

    private Run NativeChart(NativeChart chart, double width, double height, string description)
    {
        var target = media.AddChart(chart);
        var number = media.Count;
        var id = "rIdChart" + (_relationships.Count + 1).ToString(CultureInfo.InvariantCulture);
        _relationships.Add((id, OfficeChartXml.RelationshipType, target));
        var cx = Math.Max(1L, (long)Math.Round(width * EmuPerPoint));
        var cy = Math.Max(1L, (long)Math.Round(height * EmuPerPoint));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = (uint)number, Name = "Chart " + number.ToString(CultureInfo.InvariantCulture), Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new DocumentFormat.OpenXml.Drawing.Charts.ChartReference { Id = id }) { Uri = OfficeChartXml.GraphicDataUri }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Run(new Drawing(inline));
    }

    /// <summary>A run showing <paramref name="image"/> at the size the PDF draws it; null when it cannot be decoded.</summary>
    public Run? Add(ImageItem image)
        => OfficeImage.From(image) is { } picture ? Picture(picture.Data, picture.Extension, picture.Target.Width, picture.Target.Height, "Image") : null;

    /// <summary>The <paramref name="image"/> prepared once, shown as a run (for callers that need its target box too).</summary>
    public Run Add(OfficeImage image) => Picture(image.Data, image.Extension, image.Target.Width, image.Target.Height, "Image");

    private Run Picture(byte[] data, string extension, double width, double height, string description)
    {
        var target = media.Add(data, extension);
        var number = media.Count;
        var id = "rIdPic" + (_relationships.Count + 1).ToString(CultureInfo.InvariantCulture);
        _relationships.Add((id, ImageType, target));
        var cx = Math.Max(1L, (long)Math.Round(width * EmuPerPoint));
        var cy = Math.Max(1L, (long)Math.Round(height * EmuPerPoint));
        var name = Path.GetFileName(target);
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = (uint)number, Name = "Picture " + number.ToString(CultureInfo.InvariantCulture), Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Run(new Drawing(inline));
    }

    /// <summary>Writes the part's relationships: its pictures plus <paramref name="others"/> (id, type, target).</summary>
    public void WriteRelationships(Stream stream, IEnumerable<(string Id, string Type, string Target)> others)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Xlsx.XlsxPackage.Utf8 });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Relationships", Relationships);
        foreach (var (id, type, target) in _relationships) Relationship(xml, id, type, target);
        foreach (var (id, type, target) in others) Relationship(xml, id, type, target);
        foreach (var (target, id) in _links) Relationship(xml, id, HyperlinkType, target, external: true);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public bool IsEmpty => _relationships.Count == 0 && _links.Count == 0;

    internal static void Relationship(XmlWriter xml, string id, string type, string target, bool external = false)
    {
        xml.WriteStartElement("Relationship", Relationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        if (external) xml.WriteAttributeString("TargetMode", "External");
        xml.WriteEndElement();
    }
}

/// <summary>The media files (word/media/pictureN.ext) and chart parts (word/charts/chartN.xml) of a Word package, written after the parts that show them.</summary>
internal sealed class DocxMedia
{
    private readonly List<(string Path, byte[] Data)> _files = [];
    private readonly List<(string Path, NativeChart Chart)> _charts = [];

    /// <summary>Pictures and charts so far (their drawing ids).</summary>
    public int Count => _files.Count + _charts.Count;

    /// <summary>The chart parts' names (for the package's content types).</summary>
    public IEnumerable<string> ChartParts => _charts.Select(c => "/word/" + c.Path);

    /// <summary>Adds a chart part; returns its target relative to word/.</summary>
    public string AddChart(NativeChart chart)
    {
        var path = $"charts/chart{_charts.Count + 1}.xml";
        _charts.Add((path, chart));
        return path;
    }

    /// <summary>The file extensions used (for the package's content types).</summary>
    public IEnumerable<string> Extensions => _files.Select(f => Path.GetExtension(f.Path).TrimStart('.')).Distinct(StringComparer.Ordinal);

    /// <summary>Adds a file; returns its target relative to word/.</summary>
    public string Add(byte[] data, string extension)
    {
        var path = $"media/picture{_files.Count + 1}.{extension}";
        _files.Add((path, data));
        return path;
    }

    public void WriteParts(Func<string, Stream> createPart)
    {
        foreach (var (path, data) in _files)
        {
            using var stream = createPart("word/" + path);
            stream.Write(data);
        }

        for (var i = 0; i < _charts.Count; i++)
        {
            var (path, chart) = _charts[i];
            // The chart's data as a workbook of its own, for Word's "Edit Data" (a scatter keeps its values in the chart).
            var embedded = OfficeChartWorkbook.Fits(chart);
            using (var stream = createPart("word/" + path)) OfficeChartXml.Write(stream, chart, embedded ? OfficeChartWorkbook.Ranges(chart) : null, externalData: true);
            if (!embedded) continue;
            var workbook = $"embeddings/Microsoft_Excel_Worksheet{i + 1}.xlsx";
            using (var stream = createPart("word/" + workbook)) stream.Write(OfficeChartWorkbook.Build(chart));
            using var rels = createPart($"word/charts/_rels/{Path.GetFileName(path)}.rels");
            using var xml = XmlWriter.Create(rels, new XmlWriterSettings { Encoding = Xlsx.XlsxPackage.Utf8 });
            xml.WriteStartDocument(true);
            xml.WriteStartElement("Relationships", DocxPictures.Relationships);
            DocxPictures.Relationship(xml, OfficeChartXml.DataRelationshipId, OfficeChartWorkbook.RelationshipType, "../" + workbook);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
    }
}
