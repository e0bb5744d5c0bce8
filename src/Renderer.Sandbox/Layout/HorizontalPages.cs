using Rdl.Model.Definitions;
using ModelRectangle = Rdl.Model.Definitions.Items.RectangleItem;
using ReportItem = Rdl.Model.Definitions.Items.ReportItem;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Body content wider than the page continues on horizontal pages, as SSRS's hard-page renderers (PDF, image, print)
/// do: each vertical page becomes its slices, left to right, then the next vertical page's (pages are numbered left to
/// right, then top to bottom). A slice never cuts through a textbox, image or chart (a slice ends before the first one
/// that would not fit), except one wider than a page, which is cut and reported (PAG5001); rectangles and lines are
/// drawn on every slice they cross. A slice that holds nothing on a vertical page is left out. A tablix with
/// RepeatRowHeaders (or leading FixedData columns, see <c>Processing/Tablix/FixedColumns</c>) shows those columns at
/// the left of every slice after the first where its body continues.
/// </summary>
/// <remarks>
/// Cuts are the same for every vertical page: they are chosen from the positions of every item of the body, found by
/// emitting each page once as outlines (<see cref="ItemPlacer.OutlineOnly"/>). That costs a pass over the body, so it
/// only runs when something reaches past the page's right margin.
/// </remarks>
internal static class HorizontalPages
{
    public const string WiderThanPage = DiagnosticCodes.Layout.WiderThanPage;

    private const double Epsilon = 0.5;

    /// <summary>The vertical pages <paramref name="bodies"/> split into horizontal pages of <paramref name="width"/> (the page width inside the margins).</summary>
    public static List<PageBody> Split(
        List<PageBody> bodies, ItemPlacer placer, double bodyLeft, double width,
        IReadOnlyDictionary<string, int> repeatedRowHeaders, ReportDefinition report, DiagnosticBag? diagnostics)
    {
        var pages = new List<List<Outline>>(bodies.Count);
        var sink = new List<PageItem>();
        placer.OutlineOnly = true;
        try
        {
            foreach (var body in bodies)
            {
                sink.Clear();
                body.EmitItems(sink);
                pages.Add(sink.Select(i => new Outline(i.Bounds.X - bodyLeft, i.Bounds.Right - bodyLeft, IsDecoration(i), i)).ToList());
            }
        }
        finally
        {
            placer.OutlineOnly = false;
        }

        var headers = HeaderExtents(pages, repeatedRowHeaders);
        double headerWidth = headers.Count == 0 ? 0 : headers.Values.Max(h => h.To - h.From);
        var cuts = Cuts(pages, width, headerWidth, out var tooWide);
        if (cuts.Count <= 2) return bodies;
        Warn(tooWide, width, report, diagnostics);

        var result = new List<PageBody>(bodies.Count * (cuts.Count - 1));
        for (int p = 0; p < bodies.Count; p++)
        {
            for (int k = 0; k + 1 < cuts.Count; k++)
            {
                if (k > 0 && !pages[p].Any(o => Holds(o, cuts[k], cuts[k + 1]))) continue;
                var slice = new HorizontalSlice(bodyLeft, cuts[k], cuts[k + 1], k == 0 ? 0 : headerWidth, k == 0 ? null : headers);
                result.Add(bodies[p].Slice(slice, first: k == 0));
            }
        }
        return result;
    }

    /// <summary>Rectangles and lines may be cut between slices; other items (text, images, charts) are kept whole when they fit.</summary>
    internal static bool IsDecoration(PageItem item) => item is RectangleItem or LineItem;

    /// <summary>Whether the item belongs on the slice [<paramref name="from"/>, <paramref name="to"/>): it starts there, or (a rectangle or line) crosses it.</summary>
    internal static bool Holds(in Outline item, double from, double to) =>
        item.IsDecoration ? item.From < to - Epsilon && item.To > from + Epsilon : item.From >= from - Epsilon && item.From < to - Epsilon;

    /// <summary>
    /// The slice edges in body coordinates: 0, then each cut, then infinity. The first slice holds <paramref name="width"/>,
    /// later ones <paramref name="width"/> less the repeated row headers.
    /// </summary>
    private static List<double> Cuts(List<List<Outline>> pages, double width, double headerWidth, out List<Outline> tooWide)
    {
        var solid = new Dictionary<(double, double), Outline>();
        double extent = 0;
        foreach (var page in pages)
        {
            foreach (var item in page)
            {
                extent = Math.Max(extent, item.IsDecoration ? item.From : item.To);
                if (!item.IsDecoration) solid.TryAdd((Math.Round(item.From, 1), Math.Round(item.To, 1)), item);
            }
        }
        var intervals = solid.Values.OrderBy(o => o.From).ToList();
        tooWide = intervals.Where(o => o.To - o.From > width + Epsilon).ToList();
        var starts = pages.SelectMany(p => p.Select(o => o.From)).Distinct().Order().ToList();
        var cuts = new List<double> { 0 };
        double start = 0;
        while (true)
        {
            double capacity = cuts.Count == 1 ? width : Math.Max(width - headerWidth, width / 4);
            double limit = start + capacity;
            if (extent <= limit + Epsilon) break;
            double cut = limit;
            bool moved = true;
            while (moved)
            {
                moved = false;
                foreach (var item in intervals)
                {
                    if (item.From > start + Epsilon && item.From < cut - Epsilon && item.To > cut + Epsilon && item.To - item.From <= width + Epsilon)
                    {
                        cut = item.From;
                        moved = true;
                    }
                }
            }
            if (cut <= start + Epsilon) cut = limit;
            cuts.Add(cut);
            start = cut;
            // A stretch where no item starts (right of an item wider than any page, or an item far to the right) is one
            // slice, not one per page width: its pages would be blank but for the rectangles and lines crossing it.
            if (NextStart(starts, cut) is not { } next) break;
            if (next > cut + Math.Max(width - headerWidth, width / 4))
            {
                cuts.Add(next);
                start = next;
            }
        }
        cuts.Add(double.PositiveInfinity);
        return cuts;
    }

    /// <summary>The left edge of the first item that starts at or right of <paramref name="at"/> (<paramref name="starts"/> sorted); null when none does.</summary>
    private static double? NextStart(List<double> starts, double at)
    {
        int i = starts.BinarySearch(at - Epsilon);
        if (i < 0) i = ~i;
        return i < starts.Count ? starts[i] : null;
    }

    /// <summary>Per tablix with repeated columns: the body-coordinate range of the cells that lie wholly within them.</summary>
    private static Dictionary<string, (double From, double To)> HeaderExtents(List<List<Outline>> pages, IReadOnlyDictionary<string, int> repeatedRowHeaders)
    {
        var headers = new Dictionary<string, (double From, double To)>(StringComparer.Ordinal);
        if (repeatedRowHeaders.Count == 0) return headers;
        foreach (var page in pages)
        {
            foreach (var item in page)
            {
                if (item.Item is not TextItem { Cell: { } cell } || !repeatedRowHeaders.TryGetValue(cell.RegionName, out var columns) || cell.Column + cell.ColumnSpan > columns) continue;
                headers[cell.RegionName] = headers.TryGetValue(cell.RegionName, out var range)
                    ? (Math.Min(range.From, item.From), Math.Max(range.To, item.To))
                    : (item.From, item.To);
            }
        }
        return headers;
    }

    private static void Warn(List<Outline> tooWide, double width, ReportDefinition report, DiagnosticBag? diagnostics)
    {
        if (diagnostics is null) return;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in tooWide)
        {
            var name = item.Item switch { TextItem t => t.Name, ChartItem c => c.Name, ImageItem i => i.Name, _ => null } ?? "(unnamed)";
            if (!reported.Add(name)) continue;
            var definition = Find(report, name);
            diagnostics.Add(RdlDiagnostic.Warning(WiderThanPage,
                $"Report item '{name}' is {item.To - item.From:0.#}pt wide, wider than any page ({width:0.#}pt inside the margins): it is cut at the page edge.",
                definition?.Location ?? SourceLocation.None, definition is null ? null : $"{definition.GetType().Name.Replace("Definition", "", StringComparison.Ordinal)} '{name}'"));
        }
    }

    private static ReportItem? Find(ReportDefinition report, string name)
    {
        IEnumerable<ReportItem> All(IEnumerable<ReportItem> items)
        {
            foreach (var item in items)
            {
                yield return item;
                var inner = item switch
                {
                    ModelRectangle r => r.Items.AsEnumerable(),
                    TablixDefinition t => ReportScopes.CellContents(t),
                    _ => [],
                };
                foreach (var nested in All(inner)) yield return nested;
            }
        }
        return report.Sections.SelectMany(s => All(s.Body.Items)).FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal));
    }

    /// <summary>An emitted body item with its horizontal range in body coordinates.</summary>
    internal readonly record struct Outline(double From, double To, bool IsDecoration, PageItem Item);
}

/// <summary>
/// One horizontal page of a vertical page: the items on [<see cref="From"/>, <see cref="To"/>) in body coordinates,
/// moved left to the body's left edge (right of the repeated row headers, <see cref="HeaderWidth"/>).
/// </summary>
internal sealed class HorizontalSlice(double bodyLeft, double from, double to, double headerWidth, IReadOnlyDictionary<string, (double From, double To)>? headers)
{
    public double From => from;

    public double To => to;

    public double HeaderWidth => headerWidth;

    /// <summary>Writes the items of <paramref name="page"/> (a whole vertical page) that belong on this slice into <paramref name="sink"/>.</summary>
    public void Apply(List<PageItem> page, List<PageItem> sink)
    {
        HashSet<string>? continued = null;
        foreach (var item in page)
        {
            var outline = new HorizontalPages.Outline(item.Bounds.X - bodyLeft, item.Bounds.Right - bodyLeft, HorizontalPages.IsDecoration(item), item);
            if (!HorizontalPages.Holds(outline, from, to)) continue;
            sink.Add(Move(item, item.Bounds.X - from + headerWidth));
            if (headers is not null && item is TextItem { Cell: { } cell } && headers.ContainsKey(cell.RegionName)) (continued ??= []).Add(cell.RegionName);
        }
        if (continued is null) return;
        // Repeated columns (RepeatRowHeaders, FixedData): each continued tablix's cells within them, at the left of the slice, on their rows.
        foreach (var item in page)
        {
            if (item is not TextItem { Cell: { } cell } text || !continued.Contains(cell.RegionName)) continue;
            var (start, end) = headers![cell.RegionName];
            double x = item.Bounds.X - bodyLeft;
            if (x < start - 0.5 || item.Bounds.Right - bodyLeft > end + 0.5) continue;
            var copy = text with { Cell = cell with { IsRepeat = true }, BookmarkId = null, DocumentMapId = null };
            sink.Add(Move(copy, bodyLeft + x - start));
        }
    }

    private static PageItem Move(PageItem item, double x) => item with { Bounds = item.Bounds with { X = x } };
}
