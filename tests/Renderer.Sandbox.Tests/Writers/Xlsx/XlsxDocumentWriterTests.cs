using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using Renderer.Sandbox.Pages;
using Page = Renderer.Sandbox.Pages.Page;
using Renderer.Sandbox.Writers.Xlsx;
using static Renderer.Sandbox.Tests.Writers.Xlsx.XlsxTestDocuments;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

public class XlsxDocumentWriterTests
{
    [Test]
    public void Output_passes_open_xml_validation()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var errors = book.ValidationErrors();

        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
    }

    [Test]
    public void First_page_header_is_the_top_row_and_later_headers_and_footers_are_left_out()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        Assert.That(book.GetText(book.GetCell("A1")!), Is.EqualTo("Sales Report"));
        var texts = book.AllTexts().ToList();
        Assert.That(texts.Count(t => t == "Sales Report"), Is.EqualTo(1));
        Assert.That(texts, Has.None.StartsWith("Page "));
    }

    [Test]
    public void Repeated_table_header_appears_once_and_rows_follow_page_after_page()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        Assert.That(book.AllTexts().Count(t => t == "Region"), Is.EqualTo(1));
        Assert.That(book.GetText(book.GetCell("A2")!), Is.EqualTo("Region"));
        string?[] regions = [.. new[] { "A3", "A4", "A5", "A6", "A7" }.Select(r => book.GetText(book.GetCell(r)!))];
        Assert.That(regions, Is.EqualTo(new[] { "North", "South", "East", "West", "Central" }));
        Assert.That(book.Rows.Select(r => r.RowIndex!.Value), Is.EqualTo(new uint[] { 1, 2, 3, 4, 5, 6, 7 }));
    }

    [Test]
    public void Numbers_are_numeric_cells_with_invariant_values()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var amount = book.GetCell("B3")!;
        var units = book.GetCell("C3")!;
        var negative = book.GetCell("B5")!;
        var share = book.GetCell("E3")!;
        foreach (var cell in new[] { amount, units, negative, share })
        {
            Assert.That(cell.DataType is null || cell.DataType.Value == CellValues.Number, Is.True, cell.CellReference!.Value);
        }

        Assert.That(amount.CellValue!.Text, Is.EqualTo("1234.56"));
        Assert.That(units.CellValue!.Text, Is.EqualTo("42"));
        Assert.That(negative.CellValue!.Text, Is.EqualTo("-7"));
        Assert.That(share.CellValue!.Text, Is.EqualTo("0.125"));
        Assert.That(book.GetCell("B7")!.CellValue!.Text, Is.EqualTo("1000000"));
    }

    [Test]
    public void Number_formats_are_translated_to_excel_codes()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        Assert.That(book.GetFormatCode(book.GetCell("B3")!), Is.EqualTo("#,0.00"));
        Assert.That(book.GetFormatCode(book.GetCell("C3")!), Is.EqualTo("#,##0.00"));
        Assert.That(book.GetFormatCode(book.GetCell("D3")!), Is.EqualTo("yyyy-mm-dd"));
        Assert.That(book.GetFormatCode(book.GetCell("E3")!), Is.EqualTo("0.0%"));
        Assert.That(book.GetFormatCode(book.GetCell("A3")!), Is.Null);
    }

    [Test]
    public void Dates_are_serial_numbers_with_a_date_format()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var date = book.GetCell("D3")!;
        var withTime = book.GetCell("D5")!;

        Assert.That(date.DataType is null || date.DataType.Value == CellValues.Number, Is.True);
        Assert.That(double.Parse(date.CellValue!.Text, CultureInfo.InvariantCulture), Is.EqualTo(new DateTime(2024, 1, 15).ToOADate()));
        Assert.That(date.CellValue!.Text, Is.EqualTo("45306"));
        Assert.That(
            DateTime.FromOADate(double.Parse(withTime.CellValue!.Text, CultureInfo.InvariantCulture)),
            Is.EqualTo(new DateTime(2024, 3, 1, 13, 30, 0)).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Booleans_and_strings_keep_their_types()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var active = book.GetCell("F3")!;
        var inactive = book.GetCell("F4")!;
        var region = book.GetCell("A3")!;

        Assert.That(active.DataType!.Value, Is.EqualTo(CellValues.Boolean));
        Assert.That(active.CellValue!.Text, Is.EqualTo("1"));
        Assert.That(inactive.CellValue!.Text, Is.EqualTo("0"));
        Assert.That(region.DataType!.Value, Is.EqualTo(CellValues.SharedString));
        Assert.That(book.GetText(region), Is.EqualTo("North"));
    }

    [Test]
    public void Empty_value_with_borders_is_a_styled_cell_without_value()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var empty = book.GetCell("C4");

        Assert.That(empty, Is.Not.Null);
        Assert.That(empty!.CellValue, Is.Null);
        Assert.That(book.GetBorder(empty).LeftBorder!.Style!.Value, Is.EqualTo(BorderStyleValues.Thin));
    }

    [Test]
    public void Spanning_item_becomes_a_merged_cell()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        Assert.That(book.MergedRanges, Is.EqualTo(new[] { "A1:C1" }));
    }

    [Test]
    public void Columns_and_rows_get_sizes_from_the_layout()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var columns = book.Worksheet.Descendants<Column>().ToList();
        Assert.That(columns, Has.Count.EqualTo(6));
        Assert.That(columns[0].Width!.Value, Is.EqualTo(100 / 5.25).Within(0.01));
        Assert.That(columns[5].Width!.Value, Is.EqualTo(100 / 5.25).Within(0.01));
        Assert.That(book.Rows[0].Height!.Value, Is.EqualTo(24));
        Assert.That(book.Rows[1].Height!.Value, Is.EqualTo(20));
        Assert.That(book.Rows[1].CustomHeight!.Value, Is.True);
    }

    [Test]
    public void Styles_carry_font_fill_border_and_alignment()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var header = book.GetCell("A2")!;
        var title = book.GetCell("A1")!;

        Assert.That(book.GetFont(header).Bold, Is.Not.Null);
        Assert.That(book.GetFont(header).FontName!.Val!.Value, Is.EqualTo("Arial"));
        Assert.That(book.GetFont(title).FontSize!.Val!.Value, Is.EqualTo(14));
        Assert.That(book.GetFill(header).PatternFill!.ForegroundColor!.Rgb!.Value, Is.EqualTo("FFDDEEFF"));
        Assert.That(book.GetBorder(header).BottomBorder!.Style!.Value, Is.EqualTo(BorderStyleValues.Thin));
        Assert.That(book.GetCellFormat(header).Alignment!.Horizontal!.Value, Is.EqualTo(HorizontalAlignmentValues.Center));
        Assert.That(book.GetCellFormat(book.GetCell("B3")!).Alignment?.Horizontal, Is.Null, "General alignment lets Excel right-align numbers");
    }

    [Test]
    public void Styles_are_deduplicated()
    {
        using var book = XlsxReadBack.Write(TwoPageSales());

        var formats = book.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().Count();

        // default, title, header, and one per data column (6) at most.
        Assert.That(formats, Is.LessThanOrEqualTo(9));
        Assert.That(book.GetCell("B3")!.StyleIndex!.Value, Is.EqualTo(book.GetCell("B7")!.StyleIndex!.Value));
    }

    [Test]
    public void Sheet_is_named_after_the_title_made_valid()
    {
        using var book = XlsxReadBack.Write(TwoPageSales("Sales: Q1/Q2 [2024] report with a very long title"));

        var name = book.Sheet.Name!.Value!;

        Assert.That(name, Is.EqualTo("Sales_ Q1_Q2 _2024_ report with"));
        Assert.That(name.Length, Is.LessThanOrEqualTo(31));
        Assert.That(name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']), Is.EqualTo(-1));
    }

    [Test]
    public void Writes_to_a_non_seekable_stream()
    {
        using var book = new XlsxReadBack(OfficeOutput.XlsxForwardOnly(TwoPageSales()));
        Assert.That(book.GetText(book.GetCell("A1")!), Is.EqualTo("Sales Report"));
    }

    [Test]
    public void Tall_item_beside_several_rows_is_merged_down_and_rectangles_paint_their_cells()
    {
        var fill = new BoxStyle(new Rgba(0xFF, 0xEE, 0x00), Thin, Thin, Thin, Thin, Padding.None);
        var document = new PaginatedDocument("Layout", [
            new Page(1, PageWidth, PageHeight, [
                Text("Tall", 0, 0, 50, 40),
                Text("Top", 50, 0, 50, 20),
                Text("Bottom", 50, 20, 50, 20),
                new RectangleItem(new Bounds(0, 40, 100, 20), PageRegion.Body, fill),
            ]),
        ]);

        using var book = XlsxReadBack.Write(document);

        Assert.That(book.MergedRanges, Is.EqualTo(new[] { "A1:A2" }));
        Assert.That(book.GetText(book.GetCell("B2")!), Is.EqualTo("Bottom"));
        Assert.That(book.GetFill(book.GetCell("A3")!).PatternFill!.ForegroundColor!.Rgb!.Value, Is.EqualTo("FFFFEE00"));
        Assert.That(book.GetBorder(book.GetCell("A3")!).RightBorder!.Style, Is.Null, "inner edge of the rectangle");
        Assert.That(book.GetBorder(book.GetCell("B3")!).RightBorder!.Style!.Value, Is.EqualTo(BorderStyleValues.Thin));
        Assert.That(book.ValidationErrors(), Is.Empty);
    }

    [Test]
    public void Text_with_control_characters_is_escaped_and_still_valid()
    {
        var document = new PaginatedDocument("Odd", [
            new Page(1, PageWidth, PageHeight, [Text("bell\u0007 and _x0041_ literal", 0, 0, 100, 20)]),
        ]);

        using var book = XlsxReadBack.Write(document);

        var item = book.WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Single();
        Assert.That(item.InnerText, Is.EqualTo("bell_x0007_ and _x005F_x0041_ literal"));
        Assert.That(book.ValidationErrors(), Is.Empty);
    }

    [Test]
    public void Empty_document_is_a_valid_workbook()
    {
        using var book = XlsxReadBack.Write(new PaginatedDocument(string.Empty, []));

        Assert.That(book.Sheet.Name!.Value, Is.EqualTo("Sheet1"));
        Assert.That(book.Rows, Is.Empty);
        Assert.That(book.ValidationErrors(), Is.Empty);
    }

    [Test]
    public void Multi_line_text_wraps_and_overlapping_text_is_reported()
    {
        var twoLines = Text("first line second line", 0, 0, 60, 30) with
        {
            Lines = [new TextLine(2, 10, 50, "first line"), new TextLine(2, 22, 50, "second line")],
        };
        var document = new PaginatedDocument("Wrap", [
            new Page(1, PageWidth, PageHeight, [twoLines, Text("on top", 0, 0, 60, 30)]),
        ]);
        var bytes = OfficeOutput.Xlsx(document, out var diagnostics);

        using var book = new XlsxReadBack(bytes);
        Assert.That(book.GetCellFormat(book.GetCell("A1")!).Alignment!.WrapText!.Value, Is.True);
        Assert.That(book.GetText(book.GetCell("A1")!), Is.EqualTo("first line second line"));
        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "XLSX003" }));
    }
}
