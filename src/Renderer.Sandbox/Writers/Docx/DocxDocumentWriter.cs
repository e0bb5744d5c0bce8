using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using PageItem = Renderer.Sandbox.Pages.PageItem;
using TextItem = Renderer.Sandbox.Pages.TextItem;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>
/// Writes a paginated document as a Word document (simplified flow layout, not SSRS's positioned Word renderer):
/// streamed into a forward-only zip; one section with the first page's size and margins; each page's items in reading order (top to bottom, then left
/// to right) as paragraphs, except a data region's cells on a page, which become one Word table (a LogicalCell grid,
/// column spans merged) placed where its first cell is; a page break between pages. The first page's header is kept
/// at the top; later headers and footers (page numbers) are left out. Charts are inline pictures (<see cref="DocxPictures"/>);
/// rectangles and lines are not drawn.
/// </summary>
internal sealed class DocxDocumentWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public void Write(PaginatedDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        // Streamed: each page's paragraphs and tables are built, written and dropped, so memory stays flat.
        using var package = new DocxPackage(output, document.Title);
        var pictures = new DocxPictures();
        using (var part = package.CreateMainDocument())
        {
            WriteBody(document, part, pictures);
        }

        pictures.WriteParts(package.CreatePart);
    }

    private static void WriteBody(PaginatedDocument document, Stream part, DocxPictures pictures)
    {
        using var writer = OpenXmlWriter.Create(part, Xlsx.XlsxPackage.Utf8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Document());
        writer.WriteStartElement(new Body());
        var body = new Body();
        var p = 0;
        foreach (var page in document.EnumeratePages())
        {
            if (p > 0)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            }

            AppendPage(body, page, p++, pictures);
            foreach (var element in body.ChildElements)
            {
                writer.WriteElement(element);
            }

            body.RemoveAllChildren();
        }

        writer.WriteElement(Section(document));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    private static void AppendPage(Body body, Page page, int pageIndex, DocxPictures pictures)
    {
        var flow = page.Items
            .Where(i => i is TextItem or ChartItem && (i.Region == PageRegion.Body || (i.Region == PageRegion.Header && pageIndex == 0)))
            .OrderBy(i => i.Region == PageRegion.Header ? 0 : 1)
            .ThenBy(i => Math.Round(i.Bounds.Y, 1))
            .ThenBy(i => i.Bounds.X)
            .ToList();
        var items = flow.OfType<TextItem>().ToList();
        var tablesDone = new HashSet<string>(StringComparer.Ordinal);
        var appended = false;
        foreach (var flowItem in flow)
        {
            if (flowItem is ChartItem chart)
            {
                if (pictures.Add(chart) is { } picture)
                {
                    body.Append(picture);
                    appended = true;
                }

                continue;
            }

            var item = (TextItem)flowItem;
            if (item.Cell is { } cell)
            {
                if (tablesDone.Add(cell.RegionName))
                {
                    body.Append(DocxTable.Build(items.Where(i => i.Cell?.RegionName == cell.RegionName).ToList()));

                    // Two tables in a row would merge into one; a paragraph also ends the page after a table.
                    body.Append(new Paragraph(DocxText.CompactSpacing()));
                    appended = true;
                }

                continue;
            }

            body.Append(DocxText.Paragraph(item));
            appended = true;
        }

        if (!appended)
        {
            body.Append(new Paragraph());
        }
    }

    private const double MinPagePoints = 7.2;

    private const double MaxPagePoints = 1584;

    private static SectionProperties Section(PaginatedDocument document)
    {
        if (document.PageCount == 0)
        {
            return new SectionProperties(new PageSize { Width = 12240U, Height = 15840U }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U });
        }

        var page = document.GetPage(0);
        IReadOnlyList<PageItem> items = page.Items;
        double left = 36, top = 36, right = 36, bottom = 36;
        if (items.Count > 0)
        {
            left = items.Min(i => i.Bounds.X);
            top = items.Min(i => i.Bounds.Y);
            right = page.Width - items.Max(i => i.Bounds.Right);
            bottom = page.Height - items.Max(i => i.Bounds.Bottom);
        }

        // Word accepts pages from 0.1 in to 22 in (144 to 31680 twips); a wider report page (a multi-column body, a
        // wide matrix) is clamped, and each margin keeps at most 40% of the clamped side so text still has room.
        double width = Math.Clamp(page.Width, MinPagePoints, MaxPagePoints);
        double height = Math.Clamp(page.Height, MinPagePoints, MaxPagePoints);
        static uint Twips(double points, double side) => (uint)Math.Round(Math.Clamp(points, 0, side * 0.4) * 20);
        return new SectionProperties(
            new PageSize
            {
                Width = (uint)Math.Round(width * 20),
                Height = (uint)Math.Round(height * 20),
                Orient = width > height ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
            },
            new PageMargin
            {
                Top = (int)Twips(top, height),
                Bottom = (int)Twips(bottom, height),
                Left = Twips(left, width),
                Right = Twips(right, width),
                Header = 360U,
                Footer = 360U,
                Gutter = 0U,
            });
    }
}
