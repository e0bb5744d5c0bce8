using System.Collections.Immutable;
using Rdl.Model.Definitions.Items;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing.Subreports;

/// <summary>
/// A processed subreport instance: the body items of the subreport (in its own body coordinates), laid out as a block at
/// the Subreport item's position. It takes the height of its body (it grows and pushes items below it down like a tablix).
/// </summary>
internal sealed record SubreportInstance(SubreportItem Subreport, string ReportName, ImmutableArray<ItemInstance> Items, double BodyHeight)
    : ItemInstance(Subreport)
{
    public override ItemPaging? Paging { get; init; }
}
