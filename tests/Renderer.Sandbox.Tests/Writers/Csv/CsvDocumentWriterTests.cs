using System.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Csv;
using static Renderer.Sandbox.Tests.Writers.Xlsx.XlsxTestDocuments;

namespace Renderer.Sandbox.Tests.Writers.Csv;

public class CsvDocumentWriterTests
{
    private static string Write(PaginatedDocument document, CsvOptions? options = null)
    {
        using var output = new MemoryStream();
        new CsvDocumentWriter(options).Write(document, output);
        return (options?.Encoding ?? new UTF8Encoding(true)).GetString(output.ToArray()).TrimStart('\uFEFF');
    }

    private static TextItem Named(TextItem item, string name) => item with { Name = name };

    [Test]
    public void Utf8_with_bom_by_default()
    {
        using var output = new MemoryStream();
        new CsvDocumentWriter().Write(TwoPageSales(), output);

        Assert.That(output.ToArray().Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Test]
    public void Detail_rows_are_written_once_with_a_header_row_and_invariant_values()
    {
        var document = TwoPageSales();
        var renamed = document with
        {
            Pages = [.. document.Pages.Select(p => p with
            {
                Items = [.. p.Items.Select(i => i is TextItem { Cell: { } cell } t ? Named(t, (cell.Row == 0 ? "h" : string.Empty) + ColumnNames[cell.Column]) : i)],
            })],
        };

        var lines = Write(renamed).Split("\r\n");

        Assert.That(lines[0], Is.EqualTo("Region,Amount,Units,Date,Share,Active"), "header row from the detail textboxes' names");
        Assert.That(lines[1], Is.EqualTo("North,1234.56,42,2024-01-15,0.125,True"));
        Assert.That(lines[2], Is.EqualTo("South,99.5,,2024-02-29,0.5,False"));
        Assert.That(lines[3], Is.EqualTo("East,-7,1000,2024-03-01T13:30:00,1,True"));
        Assert.That(lines.Count(l => l.StartsWith("West", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(lines[5], Is.EqualTo("Central,1000000,3,2025-01-01,0.333,True"));
        Assert.That(lines, Has.None.Contains("Sales Report").And.None.Contains("Page 1"), "page header and footer are left out");
        Assert.That(lines.Count(l => l.StartsWith("hRegion", StringComparison.Ordinal) || l.StartsWith("Region", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void Body_textboxes_form_their_own_block_before_the_data_regions()
    {
        var document = new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [
            Named(Text("Sales by Region", Left, 10, 200, 20), "Title"),
            Named(Text("a", Left, 40, 100, 20), "Col") with { Cell = new LogicalCell("T", 0, 0) },
            Named(Text("b", Left, 60, 100, 20), "Col") with { Cell = new LogicalCell("T", 1, 0) },
        ])]);

        Assert.That(Write(document), Is.EqualTo("Title\r\nSales by Region\r\n\r\nCol\r\na\r\nb\r\n"));
    }

    [Test]
    public void Values_with_delimiters_quotes_or_line_breaks_are_qualified()
    {
        var document = new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [
            Named(Text("a,b", Left, 40, 100, 20), "A") with { Cell = new LogicalCell("T", 0, 0) },
            Named(Text("say \"hi\"", Left + 100, 40, 100, 20), "B") with { Cell = new LogicalCell("T", 0, 1) },
            Named(Text("two\nlines", Left + 200, 40, 100, 20), "C") with { Cell = new LogicalCell("T", 0, 2) },
            Named(Text("plain", Left + 300, 40, 100, 20), "D") with { Cell = new LogicalCell("T", 0, 3) },
        ])]);

        Assert.That(Write(document), Is.EqualTo("A,B,C,D\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n"));
    }

    [Test]
    public void Delimiter_encoding_and_header_are_configurable()
    {
        var document = new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [
            Named(Text("x;y", Left, 40, 100, 20, value: "x;y"), "A") with { Cell = new LogicalCell("T", 0, 0) },
            Named(Text("1.5", Left + 100, 40, 100, 20, value: 1.5m), "B") with { Cell = new LogicalCell("T", 0, 1) },
        ])]);
        var options = new CsvOptions { FieldDelimiter = ";", Encoding = Encoding.Unicode, NoHeader = true };

        using var output = new MemoryStream();
        new CsvDocumentWriter(options).Write(document, output);

        Assert.That(output.ToArray().Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }), "UTF-16 LE BOM");
        Assert.That(Encoding.Unicode.GetString(output.ToArray()[2..]), Is.EqualTo("\"x;y\";1.5\r\n"));
    }

    [Test]
    public void Group_rows_are_left_out_and_only_the_most_frequent_row_shape_is_written()
    {
        var items = new List<Renderer.Sandbox.Pages.PageItem>
        {
            Named(Text("North", Left, 40, 100, 20), "Group") with { Cell = new LogicalCell("T", 0, 0) },
            Named(Text("1", Left, 60, 100, 20, value: 1), "Amount") with { Cell = new LogicalCell("T", 1, 0) },
            Named(Text("2", Left, 80, 100, 20, value: 2), "Amount") with { Cell = new LogicalCell("T", 2, 0) },
            Named(Text("3", Left, 100, 100, 20, value: 3), "Total") with { Cell = new LogicalCell("T", 3, 0) },
        };

        Assert.That(Write(new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [.. items])])), Is.EqualTo("Amount\r\n1\r\n2\r\n"));
    }
}
