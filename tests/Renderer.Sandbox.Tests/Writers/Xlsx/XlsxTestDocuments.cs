using System.Collections.Immutable;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

/// <summary>Builds page models shaped like a paginated tablix report, for XLSX writer tests.</summary>
internal static class XlsxTestDocuments
{
    public const double PageWidth = 612;
    public const double PageHeight = 792;
    public const double Left = 36;
    public const double ColumnWidth = 100;
    public const double RowHeight = 20;

    public static readonly string[] ColumnNames = ["Region", "Amount", "Units", "Date", "Share", "Active"];

    /// <summary>.NET formats of the data columns (null: none).</summary>
    public static readonly string?[] ColumnFormats = [null, "#,0.00", "N2", "yyyy-MM-dd", "P1", null];

    public static readonly BorderSide Thin = new(BorderStyle.Solid, Rgba.Black, 1);

    public static BoxStyle HeaderBox { get; } = new(new Rgba(0xDD, 0xEE, 0xFF), Thin, Thin, Thin, Thin, Padding.None);

    public static BoxStyle CellBox { get; } = new(Rgba.Transparent, Thin, Thin, Thin, Thin, Padding.None);

    public static TextStyle HeaderStyle { get; } = TextStyle.Default with { Bold = true, Align = TextAlignment.Center };

    /// <summary>
    /// Two pages: a page header on each page, a table header (repeated on page 2), three data rows on page 1,
    /// two on page 2, and a footer on each page.
    /// </summary>
    public static PaginatedDocument TwoPageSales(string title = "Sales Report")
    {
        object?[][] data =
        [
            ["North", 1234.56m, 42, new DateTime(2024, 1, 15), 0.125, true],
            ["South", 99.5m, null, new DateTime(2024, 2, 29), 0.5, false],
            ["East", -7m, 1000, new DateTime(2024, 3, 1, 13, 30, 0), 1.0, true],
            ["West", 0.01m, 7, new DateTime(2024, 12, 31), 0.0, false],
            ["Central", 1000000m, 3, new DateTime(2025, 1, 1), 0.333, true],
        ];

        var page1 = new List<PageItem>
        {
            Text("Sales Report", Left, 20, ColumnWidth * 3, 24, PageRegion.Header, TextStyle.Default with { Bold = true, FontSize = 14 }),
        };
        page1.AddRange(HeaderRow(60, isRepeat: false));
        for (var r = 0; r < 3; r++)
        {
            page1.AddRange(DataRow(80 + (r * RowHeight), logicalRow: r + 1, data[r]));
        }

        page1.Add(new LineItem(new Bounds(Left, 145, ColumnWidth * 6, 0), PageRegion.Body, Thin));
        page1.Add(Text("Page 1 of 2", Left, 760, 200, 14, PageRegion.Footer));

        var page2 = new List<PageItem>
        {
            Text("Sales Report", Left, 20, ColumnWidth * 3, 24, PageRegion.Header, TextStyle.Default with { Bold = true, FontSize = 14 }),
        };
        page2.AddRange(HeaderRow(60, isRepeat: true));
        for (var r = 3; r < 5; r++)
        {
            page2.AddRange(DataRow(80 + ((r - 3) * RowHeight), logicalRow: r + 1, data[r]));
        }

        page2.Add(Text("Page 2 of 2", Left, 760, 200, 14, PageRegion.Footer));

        return new PaginatedDocument(title, [
            new Page(1, PageWidth, PageHeight, [.. page1]),
            new Page(2, PageWidth, PageHeight, [.. page2]),
        ]);
    }

    /// <summary>
    /// A tablix of <paramref name="rowCount"/> data rows of six typed columns, <paramref name="rowsPerPage"/> per page,
    /// with the header repeated on every page.
    /// </summary>
    public static PaginatedDocument LargeTable(int rowCount, int rowsPerPage = 50)
    {
        var pages = ImmutableArray.CreateBuilder<Page>();
        var start = new DateTime(2020, 1, 1);
        for (var first = 0; first < rowCount; first += rowsPerPage)
        {
            var items = ImmutableArray.CreateBuilder<PageItem>();
            items.AddRange(HeaderRow(36, isRepeat: first > 0));
            for (var r = first; r < Math.Min(rowCount, first + rowsPerPage); r++)
            {
                object?[] values = [$"Customer {r % 5000}", r * 1.25m, r, start.AddDays(r % 3650), (r % 100) / 100.0, r % 2 == 0];
                items.AddRange(DataRow(56 + ((r - first) * 14.0), r + 1, values, 14));
            }

            pages.Add(new Page(pages.Count + 1, PageWidth, PageHeight, items.ToImmutable()));
        }

        return new PaginatedDocument("Large", pages.ToImmutable());
    }

    public static TextItem Text(
        string text,
        double x,
        double y,
        double width,
        double height,
        PageRegion region = PageRegion.Body,
        TextStyle? style = null,
        BoxStyle? box = null,
        object? value = null,
        string? format = null)
        => new(new Bounds(x, y, width, height), region, text, value ?? text, format, style ?? TextStyle.Default, box ?? BoxStyle.None, [new TextLine(2, 10, width - 4, text)]);

    private static IEnumerable<TextItem> HeaderRow(double y, bool isRepeat)
    {
        for (var c = 0; c < ColumnNames.Length; c++)
        {
            yield return Text(ColumnNames[c], Left + (c * ColumnWidth), y, ColumnWidth, RowHeight, style: HeaderStyle, box: HeaderBox)
                with { Cell = new LogicalCell("Table1", 0, c) { IsRepeat = isRepeat } };
        }
    }

    private static IEnumerable<TextItem> DataRow(double y, int logicalRow, object?[] values, double height = RowHeight)
    {
        for (var c = 0; c < values.Length; c++)
        {
            var value = values[c];
            var text = value is null ? string.Empty : string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", value);
            yield return new TextItem(
                new Bounds(Left + (c * ColumnWidth), y, ColumnWidth, height),
                PageRegion.Body,
                text,
                value,
                ColumnFormats[c],
                TextStyle.Default,
                CellBox,
                text.Length == 0 ? [] : [new TextLine(2, 10, 50, text)])
            {
                Cell = new LogicalCell("Table1", logicalRow, c),
            };
        }
    }
}
