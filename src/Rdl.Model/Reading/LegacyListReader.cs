using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using L = Rdl.Model.Reading.LegacyElementNames;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads an RDL 2003/2005 &lt;List&gt; as a one-cell <see cref="TablixDefinition"/>: one column (the list's Width), one row
/// (its Height) owned by a details member, or by a group member when the list has a &lt;Grouping&gt;, and a cell holding a
/// Rectangle named <c>{list}_Contents</c> with the list's ReportItems, as a 2010 designer writes a list.
/// </summary>
internal sealed class LegacyListReader(ReadContext context, ItemReader items, DataReader data)
{
    private readonly LegacyGroupingReader _grouping = new(context, data);

    public TablixDefinition Read(XElement element)
    {
        var name = context.RequiredName(element, "List", "List");
        var owner = $"List '{name}'";
        var common = new ItemCommon();
        var contents = ImmutableArray<ReportItem>.Empty;
        GroupDefinition? group = null;
        var groupSorts = ImmutableArray<SortExpression>.Empty;
        string? dataSetName = null;
        ExpressionText? noRows = null;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        bool atStart = false, atEnd = false;
        foreach (var child in context.Children(element))
        {
            if (items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case L.ReportItems: contents = items.ReadItems(child, owner); break;
                case L.Grouping: group = _grouping.ReadGrouping(child, $"{name}_Group"); break;
                case L.Sorting: groupSorts = _grouping.ReadSorting(child, owner); break;
                case N.DataSetName: dataSetName = ReadContext.Text(child); break;
                case L.NoRows: noRows = context.Expression(child, owner + ".NoRows"); break;
                case N.Filters: filters = data.ReadFilters(child, owner); break;
                case N.PageBreakAtStart: atStart = context.Bool(child, owner); break;
                case N.PageBreakAtEnd: atEnd = context.Bool(child, owner); break;
                default:
                    if (!L.Ignored.Contains(child.Name.LocalName)) context.Unknown(child, owner);
                    break;
            }
        }

        var location = context.LocationOf(element);
        var bounds = common.Bounds;
        var rectangle = new RectangleItem($"{name}_Contents", new ItemBounds(ReportSize.Zero, ReportSize.Zero, bounds.Width, bounds.Height),
            StyleDefinition.Empty, location, contents);
        var row = new TablixRow(bounds.Height, [new TablixCell(rectangle)]) { Location = location };
        group ??= new GroupDefinition($"{name}_Details_Group", [], location);
        var rowMember = new TablixMember(group, groupSorts, [], location);
        var columnMember = new TablixMember(null, [], [], location);
        return new TablixDefinition(name, bounds, common.Style, location, dataSetName, [bounds.Width], [row], [rowMember], [columnMember])
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            NoRowsMessage = noRows,
            Filters = filters,
            PageBreak = ItemReader.LegacyPageBreak(atStart, atEnd),
        };
    }
}
