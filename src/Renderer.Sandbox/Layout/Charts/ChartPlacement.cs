using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;

namespace Renderer.Sandbox.Layout.Charts;

/// <summary>Turns a processed chart into a <see cref="ChartItem"/> of vector shapes laid out for its bounds, with its data for native Office charts.</summary>
internal static class ChartPlacement
{
    public static void Emit(ChartInstance chart, Bounds bounds, PageRegion region, List<PageItem> sink, ITextMeasurer? measurer = null)
    {
        if (bounds.Width <= 0 || bounds.Height <= 0) return;
        var shapes = ChartLayout.Build(chart, bounds.Width, bounds.Height, measurer ?? SkiaTextMeasurer.Shared);
        sink.Add(new ChartItem(bounds, region, chart.Chart.Name, shapes) { Native = NativeChartBuilder.From(chart.Data) });
    }
}
