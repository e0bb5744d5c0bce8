using Rdl.Model.Definitions;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Evaluates a page header or footer for one page (with Globals!PageNumber, TotalPages, OverallPageNumber,
/// OverallTotalPages and PageName set) and places its items.
/// </summary>
internal sealed class PageSectionLayout(ProcessingContext context, ItemEvaluator evaluator, ItemPlacer placer, double left, double width)
{
    public List<PageItem> Layout(PageNumbering numbering, PageSection section, PageRegion region, double top)
    {
        context.Page = numbering;
        var saved = context.SetRow(null, null);
        try
        {
            var sink = new List<PageItem>();
            var box = evaluator.Styles.ResolveBox(section.Style);
            if (!box.Background.IsTransparent || box.Top.IsVisible || box.Bottom.IsVisible)
                sink.Add(new RectangleItem(new Bounds(left, top, width, section.Height.Points), region, box));
            foreach (var item in evaluator.EvaluateAll(section.Items))
                placer.Emit(item, left + item.Left, top + item.Top, item.Width, item.Height, region, sink);
            return sink;
        }
        finally
        {
            context.RestoreRow(saved);
            context.Page = null;
        }
    }
}
