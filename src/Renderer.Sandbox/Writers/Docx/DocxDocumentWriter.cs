using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using PageItem = Renderer.Sandbox.Pages.PageItem;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// Writes a paginated document as a Word document that prints like the report, in the manner of SSRS's Word renderer:
/// the report's page size and margins; each page's body as tables of its items (<see cref="DocxPageLayout"/>,
/// <see cref="DocxGrid"/>) with exact row heights and the vertical gaps kept, each page after the first starting with a
/// page break on its first paragraph; the page header and footer as Word header and footer parts, page numbers as PAGE
/// and NUMPAGES fields, a new section wherever the header or footer shows something else (<see cref="DocxRunningSection"/>).
/// Charts are native Word charts where Word draws them alike, else inline pictures, as images are (<see cref="DocxPictures"/>). Streamed into a forward-only zip, page by page.
/// </summary>
internal sealed class DocxDocumentWriter
{
    private const string HeaderType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
    private const string FooterType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";

    /// <summary>Word accepts pages from 0.1 in to 22 in.</summary>
    private const double MinPagePoints = 7.2;

    private const double MaxPagePoints = 1584;

    public void Write(PaginatedDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        using var package = new DocxPackage(output, document.Title);
        var media = new DocxMedia();
        var pictures = new DocxPictures(media);
        var parts = new List<RunningPart>();
        using (var part = package.CreateMainDocument())
        {
            WriteBody(document, part, pictures, media, parts);
        }

        foreach (var running in parts)
        {
            using (var stream = package.CreatePart("word/" + running.Target))
            {
                stream.Write(running.Xml);
            }

            if (!running.Pictures.IsEmpty)
            {
                using var rels = package.CreatePart($"word/_rels/{running.Target}.rels");
                running.Pictures.WriteRelationships(rels, []);
            }
        }

        media.WriteParts(package.CreatePart);
        using (var rels = package.CreatePart("word/_rels/document.xml.rels"))
        {
            pictures.WriteRelationships(rels, parts.Select(p => (p.Id, p.IsHeader ? HeaderType : FooterType, p.Target)));
        }

        package.WriteContentTypes(parts.Select(p => ("/word/" + p.Target, p.IsHeader)), media.ChartParts);
    }

    private static void WriteBody(PaginatedDocument document, Stream part, DocxPictures pictures, DocxMedia media, List<RunningPart> parts)
    {
        using var writer = OpenXmlWriter.Create(part, Xlsx.XlsxPackage.Utf8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Document());
        writer.WriteStartElement(new Body());
        var setup = document.Setup ?? Derived(document);
        var total = document.PageCount;
        DocxRunningSection? section = null;
        (string? Header, string? Footer) references = default;
        var p = 0;
        foreach (var page in document.EnumeratePages())
        {
            var newSection = section is null || !section.Shows(page, total);
            if (newSection)
            {
                if (section is not null)
                {
                    // The previous section ends with this paragraph; the next one starts on a new page.
                    var end = DocxText.Spacer(1, false);
                    end.ParagraphProperties!.Append(Section(setup, references));
                    writer.WriteElement(end);
                }

                section = DocxRunningSection.Of(page, total);
                references = AddRunningParts(section, setup, media, parts);
            }

            foreach (var block in DocxPageLayout.Build(page, setup.TopMargin + setup.HeaderHeight, setup.LeftMargin, p > 0 && !newSection, pictures))
            {
                writer.WriteElement(block);
            }

            p++;
        }

        // Word ends a document with a paragraph: an explicit one of 1 twip, so none of Word's own spills onto a new page.
        writer.WriteElement(DocxText.Spacer(1, false));
        writer.WriteElement(Section(setup, references));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>Writes the section's header and footer parts (empty ones too, so a section never inherits another's).</summary>
    private static (string? Header, string? Footer) AddRunningParts(DocxRunningSection section, PageSetup setup, DocxMedia media, List<RunningPart> parts)
    {
        string? header = null, footer = null;
        if (setup.HeaderHeight > 0 || section.Header.Count > 0)
        {
            header = AddPart(parts, true, section.Header, section, setup.TopMargin, setup.TopMargin + setup.HeaderHeight, setup, media);
        }

        if (setup.FooterHeight > 0 || section.Footer.Count > 0)
        {
            var top = setup.Height - setup.BottomMargin - setup.FooterHeight;
            footer = AddPart(parts, false, section.Footer, section, top, top + setup.FooterHeight, setup, media);
        }

        return (header, footer);
    }

    private static string AddPart(List<RunningPart> parts, bool isHeader, IReadOnlyList<PageItem> items, DocxRunningSection section, double top, double bottom, PageSetup setup, DocxMedia media)
    {
        var number = parts.Count + 1;
        var id = "rIdRunning" + number.ToString(CultureInfo.InvariantCulture);
        var target = (isHeader ? "header" : "footer") + number.ToString(CultureInfo.InvariantCulture) + ".xml";
        var pictures = new DocxPictures(media);
        OpenXmlCompositeElement root = isHeader ? new Header() : new Footer();
        if (items.Count > 0)
        {
            root.Append(DocxGrid.Build(items, setup.LeftMargin, DocxGrid.Twips(top), pictures, t => section.FieldsOf(t), DocxGrid.Twips(bottom)));
        }

        root.Append(DocxText.Spacer(1, false));
        using var buffer = new MemoryStream();
        using (var writer = OpenXmlWriter.Create(buffer, Xlsx.XlsxPackage.Utf8))
        {
            writer.WriteStartDocument(true);
            writer.WriteElement(root);
            writer.Close();
        }

        parts.Add(new RunningPart(id, target, isHeader, buffer.ToArray(), pictures));
        return id;
    }

    private static SectionProperties Section(PageSetup setup, (string? Header, string? Footer) references)
    {
        var properties = new SectionProperties();
        if (references.Header is { } header) properties.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = header });
        if (references.Footer is { } footer) properties.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footer });
        properties.Append(new SectionType { Val = SectionMarkValues.NextPage });

        // Word's page is 0.1 in to 22 in a side (a wider report page is clamped); each margin keeps at most 40 % of it.
        var width = Math.Clamp(setup.Width, MinPagePoints, MaxPagePoints);
        var height = Math.Clamp(setup.Height, MinPagePoints, MaxPagePoints);
        static uint Twips(double points, double side) => (uint)Math.Round(Math.Clamp(points, 0, side * 0.4) * 20);
        properties.Append(new PageSize
        {
            Width = (uint)Math.Round(width * 20),
            Height = (uint)Math.Round(height * 20),
            Orient = width > height ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
        });
        properties.Append(new PageMargin
        {
            Top = (int)Twips(setup.TopMargin + setup.HeaderHeight, height),
            Bottom = (int)Twips(setup.BottomMargin + setup.FooterHeight, height),
            Left = Twips(setup.LeftMargin, width),
            Right = Twips(setup.RightMargin, width),
            Header = Twips(setup.TopMargin, height),
            Footer = Twips(setup.BottomMargin, height),
            Gutter = 0U,
        });
        return properties;
    }

    /// <summary>A page setup from the first page's items, for documents built without one (the margins hug the content).</summary>
    private static PageSetup Derived(PaginatedDocument document)
    {
        if (document.PageCount == 0) return new PageSetup(612, 792, 72, 72, 72, 72, 0, 0, 468);
        var page = document.GetPage(0);
        double left = 36, top = 36, right = 36, bottom = 36;
        var body = page.Items.Where(i => i.Region == PageRegion.Body).ToList();
        if (body.Count > 0)
        {
            left = body.Min(i => i.Bounds.X);
            top = body.Min(i => i.Bounds.Y);
            right = page.Width - body.Max(i => i.Bounds.Right);
            bottom = page.Height - body.Max(i => i.Bounds.Bottom);
        }

        var header = page.Items.Where(i => i.Region == PageRegion.Header).ToList();
        var footer = page.Items.Where(i => i.Region == PageRegion.Footer).ToList();
        double headerHeight = 0, footerHeight = 0;
        if (header.Count > 0)
        {
            headerHeight = Math.Max(0, top - header.Min(i => i.Bounds.Y));
            top -= headerHeight;
        }

        if (footer.Count > 0)
        {
            footerHeight = Math.Max(0, footer.Max(i => i.Bounds.Bottom) - (page.Height - bottom));
            bottom -= footerHeight;
        }

        return new PageSetup(page.Width, page.Height, Math.Max(0, left), Math.Max(0, top), Math.Max(0, right), Math.Max(0, bottom), headerHeight, footerHeight, page.Width - left - right);
    }

    private sealed record RunningPart(string Id, string Target, bool IsHeader, byte[] Xml, DocxPictures Pictures);
}
