using Rdl.Model.Definitions.Items;
using Rdl.Model.Diagnostics;

namespace Renderer.Sandbox.Processing.Scopes;

/// <summary>
/// The rows a data region (tablix or chart) starts from. At the top level: its dataset's rows. Nested in a cell of
/// another data region (directly or inside a rectangle there), as in SSRS: the rows of the enclosing scope (the cell's
/// row-group and column-group instance intersection) when it uses the same dataset (its DataSetName is that dataset's
/// or absent); a nested region naming another dataset cannot be correlated and gets that dataset's rows, with a
/// <see cref="Uncorrelated"/> warning once per region. The enclosing frames stay on the scope stack, so the nested
/// region's groups are inner scopes of the cell: <c>Sum(..., "OuterGroup")</c> still sees the outer instance.
/// </summary>
internal sealed class DataRegionRows(ProcessingContext context, ItemEvaluator items, Func<string?, DataSetInstance> dataSets)
{
    public const string Uncorrelated = DiagnosticCodes.Processing.UncorrelatedRegion;
    private HashSet<ReportItem>? _warned;

    public (DataSetInstance DataSet, IReadOnlyList<object?[]> Rows) For(ReportItem region, string? dataSetName)
    {
        var scopes = context.Scopes;
        if (scopes.Count == 0)
        {
            var top = dataSets(dataSetName);
            return (top, top.Rows);
        }
        var outer = scopes[^1];
        if (dataSetName is null || string.Equals(dataSetName, outer.DataSet.Name, StringComparison.OrdinalIgnoreCase))
            return (outer.DataSet, outer.Rows);
        var other = dataSets(dataSetName);
        if ((_warned ??= new(ReferenceEqualityComparer.Instance)).Add(region))
        {
            items.AddDiagnostic(RdlDiagnostic.Warning(Uncorrelated,
                $"{region.Describe()} is nested in a data region over dataset '{outer.DataSet.Name}' but uses dataset '{other.Name}'; "
                + "it cannot be limited to the enclosing group's rows and shows all rows of its dataset in every instance.",
                region.Location, region.Describe()));
        }
        return (other, other.Rows);
    }
}
