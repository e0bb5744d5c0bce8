using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The XLSX zip package, written forward-only with <see cref="ZipArchiveMode.Create"/>: each part is compressed
/// straight into the output as it is produced, so a large sheet never sits uncompressed in memory and the output
/// may be a non-seekable stream (an HTTP body). The SDK's own packaging (System.IO.Packaging) cannot do this: it opens
/// the zip in update mode, which buffers every part uncompressed until the package is closed (dotnet/Open-XML-SDK#807),
/// and it refuses write-only packages (#1809, #2113). Sheets and shared strings are written as raw UTF-8 XML
/// (<see cref="Utf8XmlWriter"/>); the SDK produces the workbook and styles as small DOM trees.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SpreadsheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    /// <summary>UTF-8 without a byte order mark, for every XML part.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(false);

    private readonly ZipArchive _zip;
    private readonly CompressionLevel _compression;
    private readonly IReadOnlyList<string> _sheetNames;
    private readonly HashSet<int> _written = [];
    private readonly IReadOnlySet<int> _drawings;
    private int _sheetsWritten;

    /// <summary>
    /// Starts the package and writes its fixed parts first (content types and relationships lead the zip, where
    /// file-type sniffers look for them): the workbook lists <paramref name="sheetNames"/> (already valid and unique),
    /// and a shared string table and a styles part are declared, to be written with the methods below.
    /// </summary>
    /// <param name="drawingSheets">Indexes of the sheets that get a drawing part (<see cref="SheetDrawings"/>); each must then be written.</param>
    public XlsxPackage(Stream output, IReadOnlyList<string> sheetNames, string? title, CompressionLevel compression = CompressionLevel.Optimal, IReadOnlySet<int>? drawingSheets = null)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Utf8);
        _compression = compression;
        _sheetNames = sheetNames;
        _drawings = drawingSheets ?? new HashSet<int>();
        WriteContentTypes();
        WriteRootRelationships();
        WriteCoreProperties(title);
    }

    /// <summary>
    /// Opens the stream of the next worksheet part (in the order of the sheet names); write it completely and
    /// dispose it before opening another part.
    /// </summary>
    public Stream CreateWorksheet() => CreateWorksheet(_sheetsWritten);

    /// <summary>
    /// Opens the stream of worksheet <paramref name="index"/> (position in the sheet names). Parts may be written in any
    /// order (a document map listed first can be written last, once its link targets are known), each once.
    /// </summary>
    public Stream CreateWorksheet(int index)
    {
        if (index < 0 || index >= _sheetNames.Count || !_written.Add(index))
        {
            throw new InvalidOperationException($"Worksheet {index} is not declared or was already written.");
        }

        while (_written.Contains(_sheetsWritten))
        {
            _sheetsWritten++;
        }

        return OpenPart(SheetPath(index));
    }

    /// <summary>
    /// Writes the relationships of worksheet <paramref name="index"/>: external hyperlinks (id, absolute URL), and its
    /// drawing when the sheet was declared with one.
    /// </summary>
    public void WriteWorksheetRelationships(int index, IReadOnlyList<(string Id, string Url)> hyperlinks)
    {
        var drawing = _drawings.Contains(index);
        if (hyperlinks.Count == 0 && !drawing)
        {
            return;
        }

        WriteXmlPart($"xl/worksheets/_rels/sheet{index + 1}.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            foreach (var (id, url) in hyperlinks)
            {
                xml.WriteStartElement("Relationship", RelationshipsNamespace);
                xml.WriteAttributeString("Id", id);
                xml.WriteAttributeString("Type", OfficeRelationships + "/hyperlink");
                xml.WriteAttributeString("Target", url);
                xml.WriteAttributeString("TargetMode", "External");
                xml.WriteEndElement();
            }

            if (drawing)
            {
                WriteRelationship(xml, SheetDrawings.RelationshipId, OfficeRelationships + "/drawing", "../" + SheetDrawings.PartPath(index)["xl/".Length..]);
            }

            xml.WriteEndElement();
        });
    }

    public Stream CreateSharedStrings() => OpenPart("xl/sharedStrings.xml");

    /// <summary>Opens a part of the drawing of a sheet (drawing XML, its relationships, media); write and dispose it before the next.</summary>
    public Stream CreateDrawingPart(string path) => OpenPart(path);

    public void WriteStyles(Stylesheet stylesheet) => WriteElementPart("xl/styles.xml", stylesheet);

    private static string SheetPath(int index) => $"xl/worksheets/sheet{index + 1}.xml";

    /// <summary>
    /// Writes the workbook part and its relationships, once, after the sheets: the sheets in order, and each sheet's
    /// print titles (<paramref name="printTitles"/>: sheet index to its first and last 0-based rows that repeat at the
    /// top of every printed page) as _xlnm.Print_Titles.
    /// </summary>
    public void WriteWorkbook(IReadOnlyDictionary<int, (int FirstRow, int LastRow)> printTitles)
    {
        var sheets = new Sheets();
        for (var i = 0; i < _sheetNames.Count; i++)
        {
            sheets.Append(new Sheet { Name = _sheetNames[i], SheetId = (uint)(i + 1), Id = SheetRelationshipId(i) });
        }

        var workbook = new Workbook(new BookViews(new WorkbookView()), sheets);
        if (printTitles.Count > 0)
        {
            var names = new DefinedNames();
            foreach (var (sheet, (first, last)) in printTitles.OrderBy(p => p.Key))
            {
                var quoted = "'" + _sheetNames[sheet].Replace("'", "''", StringComparison.Ordinal) + "'";
                names.Append(new DefinedName($"{quoted}!${first + 1}:${last + 1}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)sheet });
            }

            workbook.Append(names);
        }

        WriteElementPart("xl/workbook.xml", workbook);

        WriteXmlPart("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            for (var i = 0; i < _sheetNames.Count; i++)
            {
                WriteRelationship(xml, SheetRelationshipId(i), OfficeRelationships + "/worksheet", SheetPath(i)["xl/".Length..]);
            }

            WriteRelationship(xml, "rIdStyles", OfficeRelationships + "/styles", "styles.xml");
            WriteRelationship(xml, "rIdStrings", OfficeRelationships + "/sharedStrings", "sharedStrings.xml");
            xml.WriteEndElement();
        });
    }

    private void WriteCoreProperties(string? title)
    {
        WriteXmlPart("docProps/core.xml", xml =>
        {
            xml.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
            xml.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
            if (!string.IsNullOrEmpty(title))
            {
                xml.WriteElementString("dc", "title", "http://purl.org/dc/elements/1.1/", RemoveInvalidXmlChars(title));
            }

            xml.WriteEndElement();
        });
    }

    private void WriteRootRelationships()
    {
        WriteXmlPart("_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            WriteRelationship(xml, "rId1", OfficeRelationships + "/officeDocument", "xl/workbook.xml");
            WriteRelationship(xml, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
            xml.WriteEndElement();
        });
    }

    private void WriteContentTypes()
    {
        WriteXmlPart("[Content_Types].xml", xml =>
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartElement("Types", ns);
            WriteDefault(xml, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            WriteDefault(xml, ns, "xml", "application/xml");
            if (_drawings.Count > 0)
            {
                foreach (var extension in (string[])["png", "jpeg", "gif", "bmp"]) WriteDefault(xml, ns, extension, "image/" + extension);
                WriteDefault(xml, ns, SheetDrawings.ChartExtension, Charts.OfficeChartXml.ContentType);
            }
            WriteOverride(xml, ns, "/xl/workbook.xml", SpreadsheetContentType + "sheet.main+xml");
            for (var i = 0; i < _sheetNames.Count; i++)
            {
                WriteOverride(xml, ns, "/" + SheetPath(i), SpreadsheetContentType + "worksheet+xml");
            }

            foreach (var sheet in _drawings.Order())
            {
                WriteOverride(xml, ns, "/" + SheetDrawings.PartPath(sheet), SheetDrawings.ContentType);
            }

            WriteOverride(xml, ns, "/xl/styles.xml", SpreadsheetContentType + "styles+xml");
            WriteOverride(xml, ns, "/xl/sharedStrings.xml", SpreadsheetContentType + "sharedStrings+xml");
            WriteOverride(xml, ns, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
            xml.WriteEndElement();
        });
    }

    public void Dispose() => _zip.Dispose();

    private static string SheetRelationshipId(int index) => "rIdSheet" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Stream OpenPart(string path) => _zip.CreateEntry(path, _compression).Open();

    private void WriteElementPart(string path, OpenXmlElement root)
    {
        using var stream = OpenPart(path);
        using var writer = OpenXmlWriter.Create(stream, Utf8);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
        writer.Close();
    }

    private void WriteXmlPart(string path, Action<XmlWriter> write)
    {
        using var stream = OpenPart(path);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Utf8 });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void WriteRelationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", RelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void WriteDefault(XmlWriter xml, string ns, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ns);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void WriteOverride(XmlWriter xml, string ns, string partName, string contentType)
    {
        xml.WriteStartElement("Override", ns);
        xml.WriteAttributeString("PartName", partName);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static string RemoveInvalidXmlChars(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(text[i]).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }
}
