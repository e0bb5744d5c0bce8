namespace Renderer.Sandbox.Layout;

/// <summary>
/// The boxes (<see cref="BoxSpan"/>) pagination has reached and not yet finished: each has a fragment on the current page,
/// whose height is known once the page ends. Positions are in continuous body coordinates shifted by the height of the
/// repeated headers inserted so far (<c>inserted</c>), as the paginator places bands.
/// </summary>
internal sealed class OpenBoxes
{
    private const double Epsilon = 0.01;

    private readonly List<(BoxSpan Span, Fragment Current)> _open = [];

    /// <summary>Starts <paramref name="span"/> at <paramref name="top"/>: its first fragment goes on <paramref name="page"/> at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Open(BoxSpan span, double top, PageBody page, double x, double y)
    {
        var fragment = new Fragment(span, top, true);
        page.Place(fragment.ToBand(), x, y, false);
        _open.Add((span, fragment));
    }

    /// <summary>True when a box continues below <paramref name="boundary"/> (the bottom of the current page or column).</summary>
    public bool Crosses(double boundary, double inserted) =>
        _open.Exists(o => o.Current.Top < boundary - Epsilon && o.Span.Bottom + inserted > boundary + Epsilon);

    /// <summary>
    /// The page (or column) ended at <paramref name="bottom"/> and the next one, <paramref name="page"/>, begins at
    /// <paramref name="nextTop"/>: boxes that go on get a fragment at its top, the others end.
    /// </summary>
    public void Break(double bottom, double nextTop, double inserted, PageBody page, double x, double bodyTop)
    {
        for (int i = 0; i < _open.Count; i++)
        {
            var (span, current) = _open[i];
            double spanBottom = span.Bottom + inserted;
            current.Height = Math.Max(0, Math.Min(spanBottom, bottom) - current.Top);
            if (spanBottom > nextTop + Epsilon)
            {
                var next = new Fragment(span, nextTop, false);
                page.Place(next.ToBand(), x, bodyTop, false);
                _open[i] = (span, next);
            }
            else
            {
                current.IsLast = true;
                _open.RemoveAt(i--);
            }
        }
    }

    /// <summary>Pagination is done: every box ends on its current page, at <paramref name="bottom"/> at the latest.</summary>
    public void Close(double bottom, double inserted)
    {
        foreach (var (span, current) in _open)
        {
            current.Height = Math.Max(0, Math.Min(span.Bottom + inserted, bottom) - current.Top);
            current.IsLast = true;
        }
        _open.Clear();
    }

    /// <summary>The part of a box on one page; its height and whether it is the last are set when the page ends.</summary>
    private sealed class Fragment(BoxSpan span, double top, bool isFirst)
    {
        public double Top => top;

        public double Height { get; set; }

        public bool IsLast { get; set; }

        public Band ToBand() => new(0, 0, (x, y, _, sink) => span.Emit(x, y, Height, isFirst, IsLast, sink));
    }
}
