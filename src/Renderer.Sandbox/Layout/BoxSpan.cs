using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout;

/// <summary>Emits the part of a box on one page: (x, y, height, isFirst, isLast, sink); the first part draws the top border, the last the bottom.</summary>
internal delegate void BoxFragmentEmit(double x, double y, double height, bool isFirst, bool isLast, List<PageItem> sink);

/// <summary>
/// The box (border, background) of a drawn rectangle taller than a page, set on the band at its top (<see cref="Band.Span"/>):
/// the paginator draws it as one fragment per page (or column) it spans, down to <see cref="Bottom"/>
/// (continuous body coordinates), under the rectangle's items, which paginate as bands of their own.
/// </summary>
internal sealed class BoxSpan(double bottom, BoxFragmentEmit emit)
{
    public double Bottom => bottom;

    public void Emit(double x, double y, double height, bool isFirst, bool isLast, List<PageItem> sink) => emit(x, y, height, isFirst, isLast, sink);

    /// <summary><paramref name="box"/> as drawn on a fragment: the top border only on the first, the bottom border only on the last.</summary>
    public static BoxStyle Fragment(BoxStyle box, bool isFirst, bool isLast) =>
        box with { Top = isFirst ? box.Top : BorderSide.None, Bottom = isLast ? box.Bottom : BorderSide.None };
}
