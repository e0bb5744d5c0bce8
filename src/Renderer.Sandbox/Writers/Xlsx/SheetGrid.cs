using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The sheet's column grid, computed in one pass over the sheet's pages before any row is written: every distinct left and
/// right edge (rounded to 0.1 pt) of the exported items is a column boundary, so each interval between two
/// consecutive edges is one column and an item spanning several intervals becomes a merged cell.
/// Also decides which page items are exported at all (<see cref="IsExported"/>).
/// </summary>
internal sealed class SheetGrid
{
    /// <summary>Excel's column limit.</summary>
    public const int MaxColumns = 16384;

    /// <summary>
    /// Points per Excel width unit. Column widths are stored in characters of the workbook's default font
    /// (Calibri 11, maximum digit width 7 px at 96 dpi); the stored width of a column P pixels wide is P / 7,
    /// and 7 px = 5.25 pt, so width = points / 5.25.
    /// </summary>
    public const double PointsPerCharacter = 5.25;

    /// <summary>Excel's maximum column width in characters.</summary>
    public const double MaxWidthCharacters = 255;

    private readonly long[] _edges;

    private SheetGrid(long[] edges, long rowCount, int maxOutlineLevel, bool hasCharts, bool hasChartData)
    {
        _edges = edges;
        RowCount = rowCount;
        MaxOutlineLevel = maxOutlineLevel;
        HasCharts = hasCharts;
        HasChartData = hasChartData;
    }

    /// <summary>The tablix rows (region, logical row) repeated on the sheet's later pages: its print titles.</summary>
    public IReadOnlySet<(string Region, int Row)> RepeatedRows { get; private init; } = new HashSet<(string, int)>();

    /// <summary>The summary rows of collapsed drilldown groups; null when the sheet has none.</summary>
    public SheetOutline? Outline { get; private init; }

    /// <summary>True when the sheet's exported items include a chart (the sheet then needs a drawing part).</summary>
    public bool HasCharts { get; }

    /// <summary>True when one of the sheet's charts is a native chart whose data goes to the <see cref="ChartDataSheet"/>.</summary>
    public bool HasChartData { get; }

    /// <summary>Excel's deepest row outline level.</summary>
    public const int MaxOutline = 7;

    /// <summary>The deepest row outline level of the sheet's rows (0: no outline), at most <see cref="MaxOutline"/>.</summary>
    public int MaxOutlineLevel { get; }

    public int ColumnCount => Math.Max(0, _edges.Length - 1);

    /// <summary>Number of sheet rows all pages will produce (before Excel's row limit is applied).</summary>
    public long RowCount { get; }

    /// <summary>Rounds a coordinate to a key in tenths of a point.</summary>
    public static long Key(double points) => (long)Math.Round(points * 10, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Whether an item goes to the sheet: body text and rectangles of every page plus the header of the sheet's first
    /// page (<paramref name="pageIndex"/> counts pages within the sheet); no footers, no later headers, no lines; table
    /// headers repeated on a page only on the sheet's first page (a sheet that starts within a table shows its header
    /// rows, as the report does; within a sheet each logical row appears once).
    /// </summary>
    public static bool IsExported(PageItem item, int pageIndex)
    {
        var regionOk = item.Region == PageRegion.Body || (item.Region == PageRegion.Header && pageIndex == 0);
        return regionOk && item switch
        {
            TextItem text => pageIndex == 0 || text.Cell is not { IsRepeat: true },
            RectangleItem => true,
            ChartItem or ImageItem => true,
            _ => false,
        };
    }

    public static SheetGrid Build(PaginatedDocument document) => Build(document.EnumeratePages());

    /// <summary>The grid of one worksheet holding <paramref name="pages"/> (the sheet's pages, in order; each is read once).</summary>
    public static SheetGrid Build(IEnumerable<Page> pages)
    {
        var edges = new HashSet<long>();
        var rowKeys = new HashSet<long>();
        long rowCount = 0;
        var outline = 0;
        var charts = false;
        var chartData = false;
        var repeats = new HashSet<(string, int)>();
        SheetOutline? collapsed = null;
        var p = 0;
        foreach (var page in pages)
        {
            rowKeys.Clear();
            var pageOutline = 0;
            foreach (var item in page.Items)
            {
                if (p > 0 && item is TextItem { Cell: { IsRepeat: true } repeated })
                {
                    repeats.Add((repeated.RegionName, repeated.Row));
                }

                if (!IsExported(item, p))
                {
                    continue;
                }

                if (item is ChartItem or ImageItem)
                {
                    charts = true;
                    chartData |= item is ChartItem { Native: { } native } && Charts.OfficeChartRanges.Fits(native);
                }

                edges.Add(Key(item.Bounds.X));
                edges.Add(Key(item.Bounds.Right));
                rowKeys.Add(Key(item.Bounds.Y));
                if (item is TextItem { Cell.OutlineLevel: > 0 } text)
                {
                    pageOutline = Math.Max(pageOutline, Math.Min(MaxOutline, text.Cell.OutlineLevel));
                }
            }

            if (pageOutline > 0)
            {
                outline = Math.Max(outline, pageOutline);
                (collapsed ??= new SheetOutline()).AddPage(page, p, rowKeys, rowCount);
            }
            else
            {
                collapsed?.SkipPage();
            }

            rowCount += rowKeys.Count;
            p++;
        }

        var sorted = edges.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 1)
        {
            // Only zero-width items: give them one 10 pt column.
            sorted = [sorted[0], sorted[0] + 100];
        }

        if (sorted.Length > MaxColumns + 1)
        {
            sorted = sorted[..(MaxColumns + 1)];
        }

        return new SheetGrid(sorted, rowCount, outline, charts, chartData) { RepeatedRows = repeats, Outline = collapsed is { IsEmpty: false } ? collapsed : null };
    }

    public double GetColumnWidthPoints(int column) => (_edges[column + 1] - _edges[column]) / 10.0;

    /// <summary>The column width in Excel units (characters of the default font); see <see cref="PointsPerCharacter"/>.</summary>
    public double GetColumnWidthCharacters(int column)
        => Math.Min(MaxWidthCharacters, Math.Round(GetColumnWidthPoints(column) / PointsPerCharacter, 4));

    /// <summary>The 0-based columns an item covers; false when it lies beyond Excel's column limit.</summary>
    public bool TryGetColumnSpan(Bounds bounds, out int first, out int last)
    {
        first = IndexOfEdge(Key(bounds.X));
        last = IndexOfEdge(Key(bounds.Right)) - 1;
        if (first >= ColumnCount || ColumnCount == 0)
        {
            // Zero-width items on the rightmost edge still get the last column.
            first = ColumnCount - 1;
            if (first < 0 || Key(bounds.X) > _edges[^1])
            {
                last = -1;
                return false;
            }
        }

        last = Math.Clamp(last, first, ColumnCount - 1);
        return true;
    }

    private int IndexOfEdge(long key)
    {
        var index = _edges.AsSpan().BinarySearch(key);
        return index >= 0 ? index : ~index;
    }
}
