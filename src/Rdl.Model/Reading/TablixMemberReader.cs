using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>Reads the row/column hierarchies of a Tablix: members, groups and sort expressions.</summary>
internal sealed class TablixMemberReader(ReadContext context, ItemReader items, DataReader data, TablixCellReader cells)
{
    /// <summary>Reads TablixRowHierarchy or TablixColumnHierarchy (its &lt;TablixMembers&gt;).</summary>
    public ImmutableArray<TablixMember> ReadHierarchy(XElement hierarchy, string where)
    {
        var members = ImmutableArray<TablixMember>.Empty;
        foreach (var child in context.Children(hierarchy))
        {
            if (child.Name.LocalName == N.TablixMembers) members = ReadMembers(child, where);
            else context.Unknown(child, where);
        }
        return members;
    }

    public ImmutableArray<SortExpression> ReadSortExpressions(XElement element, string owner)
    {
        var list = ImmutableArray.CreateBuilder<SortExpression>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName != N.SortExpression)
            {
                context.Unknown(child, owner + ".SortExpressions");
                continue;
            }
            var site = $"{owner}.SortExpressions[{list.Count}]";
            ExpressionText? value = null;
            var descending = false;
            foreach (var property in context.Children(child))
            {
                switch (property.Name.LocalName)
                {
                    case N.Value: value = context.Expression(property, site); break;
                    case N.Direction: descending = ReadDirection(property, site); break;
                    default: context.Unknown(property, site); break;
                }
            }
            if (value is null)
            {
                context.Error(RdlDiagnosticCodes.MissingRequired, $"{site} has no Value.", child, owner);
                continue;
            }
            list.Add(new SortExpression(value, descending));
        }
        return list.ToImmutable();
    }

    private ImmutableArray<TablixMember> ReadMembers(XElement element, string where)
    {
        var list = ImmutableArray.CreateBuilder<TablixMember>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName == N.TablixMember) list.Add(ReadMember(child, $"{where}.TablixMembers[{list.Count}]"));
            else context.Unknown(child, where + ".TablixMembers");
        }
        return list.ToImmutable();
    }

    private TablixMember ReadMember(XElement element, string where)
    {
        GroupDefinition? group = null;
        var groupElement = context.Children(element).FirstOrDefault(e => e.Name.LocalName == N.Group);
        if (groupElement is not null) group = ReadGroup(groupElement);
        var owner = group is null ? where : $"Group '{group.Name}'";
        var sorts = ImmutableArray<SortExpression>.Empty;
        var children = ImmutableArray<TablixMember>.Empty;
        string? keepWithGroup = null;
        bool repeat = false, keepTogether = false, fixedData = false;
        ExpressionText? hidden = null;
        string? toggle = null;
        TablixHeader? header = null;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.Group: break;
                case N.SortExpressions: sorts = ReadSortExpressions(child, owner); break;
                case N.TablixMembers: children = ReadMembers(child, where); break;
                case N.KeepWithGroup: keepWithGroup = ReadKeepWithGroup(child, owner); break;
                case N.RepeatOnNewPage: repeat = context.Bool(child, owner); break;
                case N.FixedData: fixedData = context.Bool(child, owner); break;
                case N.KeepTogether: keepTogether = context.Bool(child, owner); break;
                case N.Visibility: (hidden, toggle) = items.ReadVisibility(child, owner); break;
                case N.TablixHeader: header = ReadHeader(child, where); break;
                default: context.Unknown(child, where); break;
            }
        }
        return new TablixMember(group, sorts, children, context.LocationOf(element))
        {
            KeepWithGroup = keepWithGroup,
            RepeatOnNewPage = repeat,
            FixedData = fixedData,
            KeepTogether = keepTogether,
            Hidden = hidden,
            ToggleItem = toggle,
            Header = header,
        };
    }

    /// <summary>Reads TablixHeader: Size and CellContents.</summary>
    private TablixHeader ReadHeader(XElement element, string where)
    {
        var site = where + ".TablixHeader";
        var size = ReportSize.Zero;
        var cell = new TablixCell(null);
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.Size: size = context.Size(child, site); break;
                case N.CellContents:
                    var (contents, colSpan, rowSpan) = cells.ReadContents(child, site, site);
                    cell = new TablixCell(contents, colSpan, rowSpan);
                    break;
                default: context.Unknown(child, site); break;
            }
        }
        return new TablixHeader(size, cell);
    }

    private GroupDefinition ReadGroup(XElement element)
    {
        var name = context.RequiredName(element, "Group", "Group");
        var owner = $"Group '{name}'";
        var expressions = ImmutableArray.CreateBuilder<ExpressionText>();
        PageBreakDefinition? pageBreak = null;
        ExpressionText? pageName = null;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        ExpressionText? parent = null;
        var variables = ImmutableArray<VariableDefinition>.Empty;
        ExpressionText? documentMapLabel = null;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.GroupExpressions:
                    foreach (var expression in context.Children(child))
                    {
                        if (expression.Name.LocalName == N.GroupExpression)
                            expressions.Add(context.Expression(expression, $"{owner}.GroupExpressions[{expressions.Count}]"));
                        else context.Unknown(expression, owner + ".GroupExpressions");
                    }
                    break;
                case N.PageBreak: pageBreak = items.ReadPageBreak(child, owner); break;
                case "PageName": pageName = items.ReadPageName(child, owner); break;
                case N.Filters: filters = data.ReadFilters(child, owner); break;
                case N.Parent: parent = context.Expression(child, owner + ".Parent"); break;
                case "Variables": variables = VariableReader.Read(context, child, owner); break;
                case "DocumentMapLabel": documentMapLabel = context.Expression(child, owner + ".DocumentMapLabel"); break;
                default: context.Unknown(child, owner); break;
            }
        }
        return new GroupDefinition(name, expressions.ToImmutable(), context.LocationOf(element))
        {
            PageBreak = pageBreak,
            PageName = pageName,
            Filters = filters,
            Parent = parent,
            Variables = variables,
            DocumentMapLabel = documentMapLabel,
        };
    }

    private bool ReadDirection(XElement element, string site)
    {
        var text = element.Value.Trim();
        if (text.Equals("Ascending", StringComparison.OrdinalIgnoreCase)) return false;
        if (text.Equals("Descending", StringComparison.OrdinalIgnoreCase)) return true;
        context.Error(RdlDiagnosticCodes.InvalidValue, $"'{text}' is not a valid Direction in {site}: use Ascending or Descending.", element, site);
        return false;
    }

    private string? ReadKeepWithGroup(XElement element, string owner)
    {
        var text = element.Value.Trim();
        foreach (var known in new[] { "None", "Before", "After" })
        {
            if (!text.Equals(known, StringComparison.OrdinalIgnoreCase)) continue;
            return known == "None" ? null : known;
        }
        context.Error(RdlDiagnosticCodes.InvalidValue, $"'{text}' is not a valid KeepWithGroup in {owner}: use None, Before or After.", element, owner);
        return null;
    }
}
