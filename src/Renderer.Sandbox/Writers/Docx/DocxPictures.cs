using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// The pictures of a Word document: each chart becomes a PNG (<see cref="ChartRasterizer"/>) shown inline, at its size
/// in points, in a paragraph of its own. <see cref="WriteParts"/> writes the media and the document's relationships.
/// </summary>
internal sealed class DocxPictures
{
    private const long EmuPerPoint = 12700;
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ImageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    private readonly List<byte[]> _images = [];

    /// <summary>A paragraph showing <paramref name="chart"/>; null when it cannot be rasterized.</summary>
    public Paragraph? Add(ChartItem chart)
    {
        if (ChartRasterizer.ToPng(chart) is not { } png) return null;
        _images.Add(png);
        var number = _images.Count;
        var id = RelationshipId(number);
        var cx = (long)Math.Round(chart.Bounds.Width * EmuPerPoint);
        var cy = (long)Math.Round(chart.Bounds.Height * EmuPerPoint);
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart{number}.png" },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = (uint)number, Name = "Chart " + number.ToString(CultureInfo.InvariantCulture), Description = chart.Name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Paragraph(new Run(new Drawing(inline)));
    }

    /// <summary>Writes word/media/chartN.png and word/_rels/document.xml.rels (empty of pictures when there are none).</summary>
    public void WriteParts(Func<string, Stream> createPart)
    {
        for (var i = 0; i < _images.Count; i++)
        {
            using var media = createPart($"word/media/chart{i + 1}.png");
            media.Write(_images[i]);
        }

        using var stream = createPart("word/_rels/document.xml.rels");
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Xlsx.XlsxPackage.Utf8 });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Relationships", Relationships);
        for (var i = 0; i < _images.Count; i++)
        {
            xml.WriteStartElement("Relationship", Relationships);
            xml.WriteAttributeString("Id", RelationshipId(i + 1));
            xml.WriteAttributeString("Type", ImageType);
            xml.WriteAttributeString("Target", $"media/chart{i + 1}.png");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string RelationshipId(int number) => "rIdChart" + number.ToString(CultureInfo.InvariantCulture);
}
