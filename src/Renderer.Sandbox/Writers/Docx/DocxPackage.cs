using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// The DOCX zip package, written forward-only like <see cref="XlsxPackage"/> (the SDK's packaging would hold the whole
/// document part in memory): relationships and core properties, then the main document part, which
/// the caller streams with <see cref="OpenXmlWriter"/>.
/// </summary>
internal sealed class DocxPackage : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    private readonly ZipArchive _zip;

    public DocxPackage(Stream output, string? title)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, XlsxPackage.Utf8);
        WriteXml("_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            Relationship(xml, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml");
            Relationship(xml, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
            xml.WriteEndElement();
        });
        WriteXml("docProps/core.xml", xml =>
        {
            xml.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
            xml.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
            if (!string.IsNullOrEmpty(title))
            {
                xml.WriteElementString("dc", "title", "http://purl.org/dc/elements/1.1/", DocxText.Clean(title));
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>Opens the main document part; write it completely and dispose it before disposing the package.</summary>
    public Stream CreateMainDocument() => _zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();

    /// <summary>Opens another part (media, the document's relationships); write and dispose it before the next.</summary>
    public Stream CreatePart(string path) => _zip.CreateEntry(path, CompressionLevel.Optimal).Open();

    /// <summary>Writes [Content_Types].xml: the pictures' formats, the main document, the header and footer parts and the chart parts.</summary>
    public void WriteContentTypes(IEnumerable<(string Part, bool IsHeader)> running, IEnumerable<string> charts)
    {
        WriteXml("[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypesNamespace);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            foreach (var extension in (string[])["png", "jpeg", "gif", "bmp"]) Default(xml, extension, "image/" + extension);
            Override(xml, "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
            Override(xml, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
            foreach (var (part, isHeader) in running)
            {
                Override(xml, part, isHeader
                    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml");
            }

            var chartParts = charts.ToList();
            foreach (var chart in chartParts) Override(xml, chart, Charts.OfficeChartXml.ContentType);
            if (chartParts.Count > 0) Default(xml, "xlsx", Charts.OfficeChartWorkbook.ContentType);

            xml.WriteEndElement();
        });
    }

    public void Dispose() => _zip.Dispose();

    private void WriteXml(string path, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = XlsxPackage.Utf8 });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Default(XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ContentTypesNamespace);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string part, string contentType)
    {
        xml.WriteStartElement("Override", ContentTypesNamespace);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", RelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }
}
