using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads the RDL 2003/2005 grouping vocabulary shared by Table, List and Matrix: &lt;Grouping&gt; (Name, GroupExpressions,
/// PageBreakAtStart/End, Filters, Parent) as a <see cref="GroupDefinition"/> and &lt;Sorting&gt;/&lt;SortBy&gt; as sort expressions.
/// </summary>
internal sealed class LegacyGroupingReader(ReadContext context, DataReader data)
{
    public GroupDefinition ReadGrouping(XElement element, string fallbackName)
    {
        var name = element.Attribute(RdlElementNames.NameAttribute)?.Value.Trim();
        if (string.IsNullOrEmpty(name)) name = fallbackName;
        var owner = $"Group '{name}'";
        var expressions = ImmutableArray.CreateBuilder<ExpressionText>();
        var filters = ImmutableArray<FilterDefinition>.Empty;
        ExpressionText? parent = null;
        bool atStart = false, atEnd = false;
        PageBreakDefinition? pageBreak = null;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "GroupExpressions":
                    foreach (var expression in context.Children(child))
                    {
                        if (expression.Name.LocalName == "GroupExpression")
                            expressions.Add(context.Expression(expression, $"{owner}.GroupExpressions[{expressions.Count}]"));
                        else context.Unknown(expression, owner + ".GroupExpressions");
                    }
                    break;
                case "PageBreakAtStart": atStart = context.Bool(child, owner); break;
                case "PageBreakAtEnd": atEnd = context.Bool(child, owner); break;
                case "PageBreak": pageBreak = ReadPageBreak(child, owner); break;
                case "Filters": filters = data.ReadFilters(child, owner); break;
                case "Parent": parent = context.Expression(child, owner + ".Parent"); break;
                default: context.Unknown(child, owner); break;
            }
        }
        return new GroupDefinition(name, expressions.ToImmutable(), context.LocationOf(element))
        {
            PageBreak = pageBreak ?? ItemReader.LegacyPageBreak(atStart, atEnd),
            Filters = filters,
            Parent = parent,
        };
    }

    /// <summary>Reads &lt;Sorting&gt;: SortBy/{SortExpression, Direction}.</summary>
    public ImmutableArray<SortExpression> ReadSorting(XElement element, string owner)
    {
        var list = ImmutableArray.CreateBuilder<SortExpression>();
        foreach (var sortBy in context.Children(element))
        {
            if (sortBy.Name.LocalName != "SortBy")
            {
                context.Unknown(sortBy, owner + ".Sorting");
                continue;
            }
            var site = $"{owner}.Sorting[{list.Count}]";
            ExpressionText? value = null;
            var descending = false;
            foreach (var property in context.Children(sortBy))
            {
                switch (property.Name.LocalName)
                {
                    case "SortExpression": value = context.Expression(property, site); break;
                    case "Direction": descending = property.Value.Trim().Equals("Descending", StringComparison.OrdinalIgnoreCase); break;
                    default: context.Unknown(property, site); break;
                }
            }
            if (value is null)
            {
                context.Warning(RdlDiagnosticCodes.MissingRequired, $"{site} has no SortExpression; it is ignored.", sortBy, owner);
                continue;
            }
            list.Add(new SortExpression(value, descending));
        }
        return list.ToImmutable();
    }

    /// <summary>A 2008-style &lt;PageBreak&gt; inside a legacy grouping (some converted reports mix the two).</summary>
    private PageBreakDefinition ReadPageBreak(XElement element, string owner)
    {
        var location = BreakLocation.None;
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName == "BreakLocation") location = context.Enum(child, owner + ".PageBreak", BreakLocation.None);
            else context.Unknown(child, owner + ".PageBreak");
        }
        return new PageBreakDefinition(location);
    }
}
