using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;

namespace Rdl.Model.Expressions;

/// <summary>
/// The scopes a report declares, by name (case-insensitive): datasets, data regions (tablixes, wherever they sit, and
/// charts through their <see cref="ChartDefinition.DataRegion"/>) and
/// groups with their data region and enclosing groups. The expression compiler checks aggregate scopes against it;
/// processing uses it for nested aggregates and group variables.
/// </summary>
public sealed class ReportScopes
{
    private readonly Dictionary<string, TablixDefinition> _regions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ScopedGroup> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _dataSets = new(StringComparer.OrdinalIgnoreCase);

    private ReportScopes()
    {
    }

    public static ReportScopes Empty { get; } = new();

    public IReadOnlyDictionary<string, TablixDefinition> DataRegions => _regions;

    public IReadOnlyDictionary<string, ScopedGroup> Groups => _groups;

    public IReadOnlySet<string> DataSets => _dataSets;

    public bool Contains(string name) => _dataSets.Contains(name) || _regions.ContainsKey(name) || _groups.ContainsKey(name);

    public static ReportScopes Of(ReportDefinition report)
    {
        var scopes = new ReportScopes();
        foreach (var dataSet in report.DataSets) scopes._dataSets.Add(dataSet.Name);
        foreach (var section in report.Sections)
        {
            scopes.AddItems(section.Body.Items);
            foreach (var page in new[] { section.Page.Header, section.Page.Footer })
                if (page is not null) scopes.AddItems(page.Items);
        }
        return scopes;
    }

    /// <summary>Every data region in or below <paramref name="items"/> (tablixes inside rectangles and tablix cells included).</summary>
    public static IEnumerable<TablixDefinition> RegionsIn(IEnumerable<ReportItem> items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case RectangleItem r:
                    foreach (var inner in RegionsIn(r.Items)) yield return inner;
                    break;
                case ChartDefinition chart:
                    yield return chart.DataRegion;
                    break;
                case Definitions.Gauges.GaugePanelDefinition gauge:
                    yield return gauge.DataRegion;
                    break;
                case Definitions.Maps.MapDefinition map:
                    foreach (var region in map.DataRegions) yield return region;
                    break;
                case TablixDefinition t:
                    yield return t;
                    foreach (var inner in RegionsIn(CellContents(t))) yield return inner;
                    break;
            }
        }
    }

    /// <summary>Every item of type <typeparamref name="T"/> in a report: body, page header and footer, rectangles, and tablix cells, headers and corners.</summary>
    public static IEnumerable<T> ItemsOf<T>(ReportDefinition report) where T : ReportItem =>
        report.Sections.SelectMany(s => ItemsOf<T>(s.Body.Items.Concat(s.Page.Header?.Items ?? []).Concat(s.Page.Footer?.Items ?? [])));

    /// <summary>Every item of type <typeparamref name="T"/> in or below <paramref name="items"/> (inside rectangles and tablix cells).</summary>
    public static IEnumerable<T> ItemsOf<T>(IEnumerable<ReportItem> items) where T : ReportItem
    {
        foreach (var item in items)
        {
            if (item is T found) yield return found;
            IEnumerable<ReportItem> inner = item switch
            {
                RectangleItem rectangle => rectangle.Items,
                TablixDefinition tablix => CellContents(tablix),
                _ => [],
            };
            foreach (var nested in ItemsOf<T>(inner)) yield return nested;
        }
    }

    /// <summary>The report items in a tablix's cells, headers and corner.</summary>
    public static IEnumerable<ReportItem> CellContents(TablixDefinition tablix)
    {
        foreach (var row in tablix.Rows)
            foreach (var cell in row.Cells)
                if (cell.Contents is { } c) yield return c;
        foreach (var row in tablix.CornerRows.IsDefault ? [] : tablix.CornerRows)
            foreach (var cell in row)
                if (cell.Contents is { } c) yield return c;
        foreach (var header in Headers(tablix.RowHierarchy).Concat(Headers(tablix.ColumnHierarchy)))
            yield return header;
    }

    private static IEnumerable<ReportItem> Headers(ImmutableArray<TablixMember> members)
    {
        foreach (var member in members.IsDefault ? [] : members)
        {
            if (member.Header?.Cell.Contents is { } c) yield return c;
            foreach (var inner in Headers(member.Children)) yield return inner;
        }
    }

    private void AddItems(IEnumerable<ReportItem> items)
    {
        foreach (var region in RegionsIn(items))
        {
            _regions.TryAdd(region.Name, region);
            AddMembers(region, region.RowHierarchy, []);
            AddMembers(region, region.ColumnHierarchy, []);
        }
    }

    private void AddMembers(TablixDefinition region, ImmutableArray<TablixMember> members, ImmutableArray<GroupDefinition> ancestors)
    {
        foreach (var member in members.IsDefault ? [] : members)
        {
            var path = ancestors;
            if (member.Group is { } group)
            {
                _groups.TryAdd(group.Name, new ScopedGroup(group, region, ancestors));
                path = ancestors.Add(group);
            }
            AddMembers(region, member.Children, path);
        }
    }
}

/// <summary>A group, its data region, and the groups that enclose it in its hierarchy (outermost first).</summary>
public sealed record ScopedGroup(GroupDefinition Group, TablixDefinition DataRegion, ImmutableArray<GroupDefinition> Ancestors);
