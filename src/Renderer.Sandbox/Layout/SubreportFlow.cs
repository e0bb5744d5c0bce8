using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Subreports;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Lays out a subreport that sits inside a tablix cell or list (directly or in a rectangle there), or a rectangle there
/// holding a data region (a list's table of the group's rows) or a CanGrow textbox: its items flow as in the body (<see cref="BodyLayout"/>:
/// growing items push the ones below down) and the cell's row grows to hold them. A row that fits on a page stays on one
/// page; a taller one is split across pages by <see cref="BodyLayout"/>.
/// </summary>
internal static class SubreportFlow
{
    /// <summary>
    /// A subreport, or a rectangle holding one, a tablix or a CanGrow textbox (at any depth): its height depends on that
    /// content (a textbox that grows pushes the items below it down, and the rectangle grows to hold them).
    /// </summary>
    public static bool Applies(ItemInstance item) => item switch
    {
        SubreportInstance => true,
        RectangleInstance r => r.Items.Any(i => i is TablixInstance or TextboxInstance { Textbox.CanGrow: true } || Applies(i)),
        _ => false,
    };

    public static double Measure(ItemPlacer placer, ItemInstance item)
    {
        new BodyLayout(placer).BuildItems(Children(item), out var height);
        return Math.Max(MinimumHeight(item), height);
    }

    public static void Emit(ItemPlacer placer, ItemInstance item, Bounds bounds, PageRegion region, List<PageItem> sink)
    {
        if (item is RectangleInstance rectangle) sink.Add(new RectangleItem(bounds, region, rectangle.Box));
        foreach (var band in new BodyLayout(placer).BuildItems(Children(item), out _))
            band.Emit(bounds.X, bounds.Y + band.Y, false, sink);
    }

    private static IEnumerable<ItemInstance> Children(ItemInstance item) => item switch
    {
        SubreportInstance s => s.Items,
        RectangleInstance r => r.Items,
        _ => [],
    };

    private static double MinimumHeight(ItemInstance item) => item is SubreportInstance s ? s.BodyHeight : item.Height;
}
