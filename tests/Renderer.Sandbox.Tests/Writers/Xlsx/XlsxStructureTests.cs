using System.Collections.Immutable;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Xlsx;
using static Renderer.Sandbox.Tests.Writers.Xlsx.XlsxTestDocuments;
using Page = Renderer.Sandbox.Pages.Page;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

/// <summary>Sheets per explicit page break, frozen headers, outline levels, hyperlinks, document map, localized currency.</summary>
public class XlsxStructureTests
{
    private static SpreadsheetDocument Open(PaginatedDocument document, out MemoryStream stream)
    {
        stream = new MemoryStream(OfficeOutput.Xlsx(document));
        return SpreadsheetDocument.Open(stream, false);
    }

    private static List<string> SheetNames(SpreadsheetDocument book)
        => book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private static Worksheet SheetNamed(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    private static string? CellText(SpreadsheetDocument book, Worksheet sheet, string reference)
    {
        var cell = sheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell?.CellValue is null)
        {
            return null;
        }

        return cell.DataType?.Value == CellValues.SharedString
            ? book.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)).InnerText
            : cell.CellValue.Text;
    }

    private static Page OnePage(int number, string text, string? name = null, bool startsSection = false)
        => new Page(number, PageWidth, PageHeight, [Text(text, Left, 40, 200, 20)]) { Name = name, StartsSection = startsSection };

    [Test]
    public void Each_explicit_page_break_starts_a_sheet_named_from_its_page_name()
    {
        var document = new PaginatedDocument("Report", [
            OnePage(1, "North first", "North"),
            OnePage(2, "North second"),                           // soft break: same sheet
            OnePage(3, "South", "South", startsSection: true),
            OnePage(4, "Unnamed", startsSection: true),
            OnePage(5, "South again", "South", startsSection: true),
            OnePage(6, "Bad name", "a/b:c?", startsSection: true),
        ]);

        using var book = Open(document, out var stream);
        using var _ = stream;

        Assert.That(SheetNames(book), Is.EqualTo(new[] { "North", "South", "Sheet3", "South (2)", "a_b_c_" }));
        var north = SheetNamed(book, "North");
        Assert.That(CellText(book, north, "A1"), Is.EqualTo("North first"));
        Assert.That(CellText(book, north, "A2"), Is.EqualTo("North second"));
        Assert.That(CellText(book, SheetNamed(book, "South (2)"), "A1"), Is.EqualTo("South again"));
    }

    [Test]
    public void Without_page_names_the_first_sheet_is_named_after_the_title_and_later_ones_sheet_n()
    {
        var document = new PaginatedDocument("Sales", [OnePage(1, "a"), OnePage(2, "b", startsSection: true)]);

        using var book = Open(document, out var stream);
        using var _ = stream;

        Assert.That(SheetNames(book), Is.EqualTo(new[] { "Sales", "Sheet2" }));
    }

    [Test]
    public void Each_sheet_starts_with_the_page_header_of_its_first_page()
    {
        var header = Text("Header", Left, 10, 200, 20, PageRegion.Header);
        var body = Text("Body", Left, 40, 200, 20);
        var document = new PaginatedDocument("R", [
            new Page(1, PageWidth, PageHeight, [header, body]),
            new Page(2, PageWidth, PageHeight, [header, body]) { StartsSection = true },
        ]);

        using var book = Open(document, out var stream);
        using var _ = stream;

        foreach (var name in SheetNames(book))
        {
            var sheet = SheetNamed(book, name);
            Assert.That(CellText(book, sheet, "A1"), Is.EqualTo("Header"), name);
            Assert.That(CellText(book, sheet, "A2"), Is.EqualTo("Body"), name);
        }
    }

    [Test]
    public void Fixed_header_rows_are_frozen()
    {
        var document = TwoPageSales();
        var pages = document.Pages.Select(p => p with
        {
            Items = [.. p.Items.Select(i => i is TextItem { Cell: { Row: 0 } cell } t ? t with { Cell = cell with { IsFixedHeader = true } } : i)],
        });
        using var book = Open(document with { Pages = [.. pages] }, out var stream);
        using var _ = stream;

        var pane = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Pane>().Single();

        // Row 1: page header; row 2: the table header.
        Assert.That(pane.VerticalSplit!.Value, Is.EqualTo(2));
        Assert.That(pane.State!.Value, Is.EqualTo(PaneStateValues.Frozen));
        Assert.That(pane.TopLeftCell!.Value, Is.EqualTo("A3"));
    }

    [Test]
    public void Sheets_without_fixed_headers_have_no_pane()
    {
        using var book = Open(TwoPageSales(), out var stream);
        using var _ = stream;

        Assert.That(book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Pane>(), Is.Empty);
    }

    [Test]
    public void Group_rows_get_outline_levels_capped_at_seven()
    {
        var items = new List<Renderer.Sandbox.Pages.PageItem>();
        int[] levels = [1, 2, 2, 1, 2, 9];
        for (var r = 0; r < levels.Length; r++)
        {
            items.Add(Text($"row {r}", Left, 40 + (r * 20), 100, 20) with { Cell = new LogicalCell("T", r, 0) { OutlineLevel = levels[r] } });
        }

        items.Add(Text("total", Left, 40 + (levels.Length * 20), 100, 20) with { Cell = new LogicalCell("T", levels.Length, 0) });
        using var book = Open(new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [.. items])]), out var stream);
        using var _ = stream;
        var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet;

        var rowLevels = sheet.Descendants<Row>().Select(r => (int)(r.OutlineLevel?.Value ?? 0)).ToList();
        Assert.That(rowLevels, Is.EqualTo(new[] { 1, 2, 2, 1, 2, 7, 0 }));
        Assert.That(sheet.GetFirstChild<SheetFormatProperties>()!.OutlineLevelRow!.Value, Is.EqualTo(7));
        Assert.That(sheet.GetFirstChild<SheetProperties>()!.OutlineProperties!.SummaryBelow!.Value, Is.False);
    }

    [Test]
    public void Hidden_drilldown_rows_are_hidden_and_the_row_above_each_group_collapsed_also_across_pages()
    {
        // (outline level, hidden) per row; page 1 ends on a summary row whose hidden details start page 2.
        (int Level, bool Hidden)[] first = [(0, false), (1, true), (2, true), (1, true), (0, false)];
        (int Level, bool Hidden)[] second = [(1, true), (1, false), (2, true), (0, false)];
        Page PageOf(int number, (int Level, bool Hidden)[] rows, int firstRow) => new(number, PageWidth, PageHeight,
        [
            .. rows.Select((row, r) => Text($"row {firstRow + r}", Left, 40 + (r * 20), 100, 20)
                with { Cell = new LogicalCell("T", firstRow + r, 0) { OutlineLevel = row.Level, IsHidden = row.Hidden } }),
        ]);
        var document = new PaginatedDocument("R", [PageOf(1, first, 0), PageOf(2, second, first.Length)]);

        using var book = Open(document, out var stream);
        using var _ = stream;
        var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => ((int)(r.OutlineLevel?.Value ?? 0), r.Hidden?.Value ?? false, r.Collapsed?.Value ?? false)).ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            (0, false, true), (1, true, true), (2, true, false), (1, true, false), (0, false, true),
            (1, true, false), (1, false, true), (2, true, false), (0, false, false),
        }));
    }

    [Test]
    public void Hyperlinks_are_kept_as_external_cell_links_and_unsafe_ones_dropped()
    {
        var document = new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [
            Text("site", Left, 40, 100, 20) with { Hyperlink = "https://example.com/a?b=1&c=2" },
            Text("script", Left, 60, 100, 20) with { Hyperlink = "javascript:alert(1)" },
            Text("mail", Left, 80, 100, 20) with { Hyperlink = "mailto:sales@example.com" },
        ])]);

        using var book = Open(document, out var stream);
        using var _ = stream;
        var part = book.WorkbookPart!.WorksheetParts.Single();
        var links = part.Worksheet.Descendants<Hyperlink>().ToList();

        Assert.That(links.Select(l => l.Reference!.Value), Is.EqualTo(new[] { "A1", "A3" }));
        var targets = links.Select(l => part.HyperlinkRelationships.Single(r => r.Id == l.Id).Uri.ToString()).ToList();
        Assert.That(targets, Is.EqualTo(new[] { "https://example.com/a?b=1&c=2", "mailto:sales@example.com" }));
    }

    [Test]
    public void Document_map_is_the_first_sheet_with_links_to_its_targets()
    {
        var document = new PaginatedDocument("Sales", [
            new Page(1, PageWidth, PageHeight, [Text("North", Left, 40, 100, 20) with { DocumentMapId = "g1" }, Text("detail", Left, 60, 100, 20)]),
            new Page(2, PageWidth, PageHeight, [Text("Oslo", Left, 40, 100, 20) with { DocumentMapId = "g2" }]) { Name = "North's cities", StartsSection = true },
        ])
        {
            DocumentMap = [new DocumentMapEntry("g1", "North", 0), new DocumentMapEntry("g2", "Oslo", 1), new DocumentMapEntry("missing", "Gone", 1)],
        };

        using var book = Open(document, out var stream);
        using var _ = stream;

        Assert.That(SheetNames(book), Is.EqualTo(new[] { "Document map", "Sales", "North's cities" }));
        var map = SheetNamed(book, "Document map");
        Assert.That(CellText(book, map, "A1"), Is.EqualTo("North"));
        Assert.That(CellText(book, map, "B2"), Is.EqualTo("Oslo"));
        Assert.That(CellText(book, map, "B3"), Is.EqualTo("Gone"));
        var links = map.Descendants<Hyperlink>().ToDictionary(l => l.Reference!.Value!, l => l.Location!.Value);
        Assert.That(links, Is.EqualTo(new Dictionary<string, string?> { ["A1"] = "'Sales'!A1", ["B2"] = "'North''s cities'!A1" }));
    }

    [TestCase("en-US", 1234.5, "[$$-409]#,##0.00")]
    [TestCase("de-DE", 1234.5, "#,##0.00 [$€-407]")]
    [TestCase("ja-JP", 1234.0, "[$￥-411]#,##0")]
    public void Currency_follows_the_report_language(string language, double value, string expected)
    {
        var document = new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [
            Text("x", Left, 40, 100, 20, value: value, format: "C"),
        ])]) { Language = language };

        using var book = Open(document, out var stream);
        using var _ = stream;
        var cell = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single();
        var styles = book.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var formatId = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).NumberFormatId!.Value;
        var code = styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == formatId).FormatCode!.Value;

        Assert.That(code, Is.EqualTo(expected));
        Assert.That(cell.CellValue!.Text, Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
    }
}
