using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using L = Rdl.Model.Reading.LegacyElementNames;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads an RDL 2003/2005 &lt;Table&gt; as the <see cref="TablixDefinition"/> a 2010 designer would have written:
/// one static column member per TableColumn; a row hierarchy of the table header rows (static, KeepWithGroup After),
/// the TableGroups nested outer to inner (each [its header rows, the next level, its footer rows]) around the Details
/// member, then the table footer rows (static, KeepWithGroup Before). A cell spanning n columns is followed by n-1
/// covered cells.
/// </summary>
internal sealed class LegacyTableReader(ReadContext context, ItemReader items, DataReader data)
{
    private readonly ReadContext _context = context;
    private readonly ItemReader _items = items;
    private readonly DataReader _data = data;
    private readonly LegacyGroupingReader _grouping = new(context, data);

    public TablixDefinition Read(XElement element)
    {
        var name = _context.RequiredName(element, "Table", "Table");
        var owner = $"Table '{name}'";
        var common = new ItemCommon();
        var columns = new List<(ReportSize Width, (ExpressionText? Hidden, string? Toggle) Visibility, SourceLocation Location)>();
        Section? header = null, footer = null;
        var groups = new List<XElement>();
        XElement? details = null;
        string? dataSetName = null;
        ExpressionText? noRows = null;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        var sorts = ImmutableArray<SortExpression>.Empty;
        bool atStart = false, atEnd = false;
        foreach (var child in _context.Children(element))
        {
            if (_items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case L.TableColumns: ReadColumns(child, owner, columns); break;
                case L.Header: header = ReadSection(child, owner + ".Header"); break;
                case L.Footer: footer = ReadSection(child, owner + ".Footer"); break;
                case L.TableGroups:
                    foreach (var group in _context.Children(child))
                    {
                        if (group.Name.LocalName == L.TableGroup) groups.Add(group);
                        else _context.Unknown(group, owner + ".TableGroups");
                    }
                    break;
                case L.Details: details = child; break;
                case N.DataSetName: dataSetName = ReadContext.Text(child); break;
                case L.NoRows: noRows = _context.Expression(child, owner + ".NoRows"); break;
                case N.Filters: filters = _data.ReadFilters(child, owner); break;
                case L.Sorting: sorts = _grouping.ReadSorting(child, owner); break;
                case N.PageBreakAtStart: atStart = _context.Bool(child, owner); break;
                case N.PageBreakAtEnd: atEnd = _context.Bool(child, owner); break;
                default:
                    if (!L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, owner);
                    break;
            }
        }

        var build = new Builder(this, name, owner, columns.Count);
        var rowHierarchy = ImmutableArray.CreateBuilder<TablixMember>();
        if (header is not null) rowHierarchy.AddRange(build.Statics(header, "After"));
        if (build.Level(groups, 0, details) is { } body) rowHierarchy.Add(body);
        if (footer is not null) rowHierarchy.AddRange(build.Statics(footer, "Before"));

        var columnHierarchy = columns.Select(c => new TablixMember(null, [], [], c.Location) { Hidden = c.Visibility.Hidden, ToggleItem = c.Visibility.Toggle }).ToImmutableArray();
        return new TablixDefinition(name, common.Bounds, common.Style, _context.LocationOf(element), dataSetName,
            columns.Select(c => c.Width).ToImmutableArray(), build.Rows.ToImmutable(), rowHierarchy.ToImmutable(), columnHierarchy)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            NoRowsMessage = noRows,
            SortExpressions = sorts,
            Filters = filters,
            PageBreak = ItemReader.LegacyPageBreak(atStart, atEnd),
        };
    }

    /// <summary>Reads the single report item of a cell's &lt;ReportItems&gt;; null when it is empty or not supported.</summary>
    internal ReportItem? ReadCellItem(XElement reportItems, string owner)
    {
        var read = _items.ReadItems(reportItems, owner);
        if (read.Length > 1)
        {
            _context.Warning(RdlDiagnosticCodes.UnsupportedFeature,
                $"A cell of {owner} holds {read.Length} report items; only the first ('{read[0].Name}') is used.", reportItems, owner);
        }
        return read.IsDefaultOrEmpty ? null : read[0];
    }

    private void ReadColumns(XElement element, string owner, List<(ReportSize, (ExpressionText?, string?), SourceLocation)> columns)
    {
        foreach (var column in _context.Children(element))
        {
            if (column.Name.LocalName != L.TableColumn)
            {
                _context.Unknown(column, owner + ".TableColumns");
                continue;
            }
            var where = $"{owner}.TableColumns[{columns.Count}]";
            var width = ReportSize.Zero;
            (ExpressionText?, string?) visibility = default;
            foreach (var property in _context.Children(column))
            {
                switch (property.Name.LocalName)
                {
                    case N.Width: width = _context.Size(property, where); break;
                    case L.Visibility: visibility = _items.ReadVisibility(property, where); break;
                    default:
                        if (!L.Ignored.Contains(property.Name.LocalName)) _context.Unknown(property, where);
                        break;
                }
            }
            columns.Add((width, visibility, _context.LocationOf(column)));
        }
    }

    /// <summary>Reads a Header, Footer or Details: its TableRows and RepeatOnNewPage (other children are left to the caller).</summary>
    private Section ReadSection(XElement element, string where, params string[] handledByCaller)
    {
        var rows = new List<RawRow>();
        var repeat = false;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case L.TableRows: ReadRows(child, where, rows); break;
                case L.RepeatOnNewPage: repeat = _context.Bool(child, where); break;
                default:
                    if (!handledByCaller.Contains(child.Name.LocalName) && !L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, where);
                    break;
            }
        }
        return new Section(rows, repeat);
    }

    private void ReadRows(XElement element, string where, List<RawRow> rows)
    {
        foreach (var row in _context.Children(element))
        {
            if (row.Name.LocalName != L.TableRow)
            {
                _context.Unknown(row, where + ".TableRows");
                continue;
            }
            var rowWhere = $"{where}.TableRows[{rows.Count}]";
            var height = ReportSize.Zero;
            (ExpressionText? Hidden, string? Toggle) visibility = default;
            var cells = new List<(ReportItem? Item, int Span)>();
            foreach (var property in _context.Children(row))
            {
                switch (property.Name.LocalName)
                {
                    case N.Height: height = _context.Size(property, rowWhere); break;
                    case L.Visibility: visibility = _items.ReadVisibility(property, rowWhere); break;
                    case L.TableCells: ReadCells(property, rowWhere, cells); break;
                    default:
                        if (!L.Ignored.Contains(property.Name.LocalName)) _context.Unknown(property, rowWhere);
                        break;
                }
            }
            rows.Add(new RawRow(height, visibility.Hidden, visibility.Toggle, cells, row));
        }
    }

    private void ReadCells(XElement element, string rowWhere, List<(ReportItem?, int)> cells)
    {
        foreach (var cell in _context.Children(element))
        {
            if (cell.Name.LocalName != L.TableCell)
            {
                _context.Unknown(cell, rowWhere + ".TableCells");
                continue;
            }
            var where = $"{rowWhere}.TableCells[{cells.Count}]";
            ReportItem? item = null;
            var span = 1;
            foreach (var property in _context.Children(cell))
            {
                switch (property.Name.LocalName)
                {
                    case L.ReportItems: item = ReadCellItem(property, where); break;
                    case L.ColSpan: span = Math.Max(1, _context.Int(property, where, 1)); break;
                    default:
                        if (!L.Ignored.Contains(property.Name.LocalName)) _context.Unknown(property, where);
                        break;
                }
            }
            cells.Add((item, span));
        }
    }

    private sealed record RawRow(ReportSize Height, ExpressionText? Hidden, string? Toggle, List<(ReportItem? Item, int Span)> Cells, XElement Element);

    private sealed record Section(List<RawRow> Rows, bool RepeatOnNewPage);

    /// <summary>Builds members and body rows together, so the body rows come out in leaf order.</summary>
    private sealed class Builder(LegacyTableReader reader, string tableName, string owner, int columnCount)
    {
        public ImmutableArray<TablixRow>.Builder Rows { get; } = ImmutableArray.CreateBuilder<TablixRow>();

        public List<TablixMember> Statics(Section section, string? keepWithGroup) =>
            section.Rows.Select(row => new TablixMember(null, [], [], reader._context.LocationOf(row.Element))
            {
                KeepWithGroup = keepWithGroup,
                RepeatOnNewPage = keepWithGroup is not null && section.RepeatOnNewPage,
                Hidden = AddRow(row),
                ToggleItem = row.Toggle,
            }).ToList();

        /// <summary>The member for TableGroups[level] (or the details when past the last group); null when it has no rows.</summary>
        public TablixMember? Level(List<XElement> groups, int level, XElement? details)
        {
            if (level == groups.Count) return details is null ? null : Details(details);
            var element = groups[level];
            var where = $"{owner}.TableGroups[{level}]";
            GroupDefinition? group = null;
            var sorts = ImmutableArray<SortExpression>.Empty;
            (ExpressionText? Hidden, string? Toggle) visibility = default;
            Section? header = null, footer = null;
            foreach (var child in reader._context.Children(element))
            {
                switch (child.Name.LocalName)
                {
                    case L.Grouping: group = reader._grouping.ReadGrouping(child, $"{tableName}_Group{level + 1}"); break;
                    case L.Sorting: sorts = reader._grouping.ReadSorting(child, where); break;
                    case L.Visibility: visibility = reader._items.ReadVisibility(child, where); break;
                    case L.Header: header = reader.ReadSection(child, where + ".Header"); break;
                    case L.Footer: footer = reader.ReadSection(child, where + ".Footer"); break;
                    default:
                        if (!L.Ignored.Contains(child.Name.LocalName)) reader._context.Unknown(child, where);
                        break;
                }
            }
            if (group is null)
            {
                reader._context.Error(RdlDiagnosticCodes.MissingRequired, $"{where} has no Grouping.", element, owner);
                group = new GroupDefinition($"{tableName}_Group{level + 1}", [], reader._context.LocationOf(element));
            }
            var children = new List<TablixMember>();
            if (header is not null) children.AddRange(Statics(header, "After"));
            if (Level(groups, level + 1, details) is { } inner) children.Add(inner);
            if (footer is not null) children.AddRange(Statics(footer, "Before"));
            if (children.Count == 0)
            {
                reader._context.Warning(RdlDiagnosticCodes.UnsupportedFeature,
                    $"{where} ('{group.Name}') has no header, footer or details rows; it is left out.", element, owner);
                return null;
            }
            return new TablixMember(group, sorts, [.. children], reader._context.LocationOf(element)) { Hidden = visibility.Hidden, ToggleItem = visibility.Toggle };
        }

        private TablixMember? Details(XElement element)
        {
            var where = owner + ".Details";
            var section = reader.ReadSection(element, where, L.Grouping, L.Sorting, L.Visibility);
            GroupDefinition? group = null;
            var sorts = ImmutableArray<SortExpression>.Empty;
            (ExpressionText? Hidden, string? Toggle) visibility = default;
            foreach (var child in reader._context.Children(element))
            {
                switch (child.Name.LocalName)
                {
                    case L.Grouping: group = reader._grouping.ReadGrouping(child, $"{tableName}_Details_Group"); break;
                    case L.Sorting: sorts = reader._grouping.ReadSorting(child, where); break;
                    case L.Visibility: visibility = reader._items.ReadVisibility(child, where); break;
                }
            }
            group ??= new GroupDefinition($"{tableName}_Details_Group", [], reader._context.LocationOf(element));
            if (section.Rows.Count == 0) return null;
            var location = reader._context.LocationOf(element);
            if (section.Rows.Count == 1 && section.Rows[0].Hidden is null && section.Rows[0].Toggle is null)
            {
                AddRow(section.Rows[0]);
                return new TablixMember(group, sorts, [], location) { Hidden = visibility.Hidden, ToggleItem = visibility.Toggle };
            }
            return new TablixMember(group, sorts, [.. Statics(section, keepWithGroup: null)], location) { Hidden = visibility.Hidden, ToggleItem = visibility.Toggle };
        }

        /// <summary>Adds the body row (cells expanded for ColSpan, padded or cut to the column count); returns the row's Hidden.</summary>
        private ExpressionText? AddRow(RawRow row)
        {
            var cells = ImmutableArray.CreateBuilder<TablixCell>();
            foreach (var (item, span) in row.Cells)
            {
                if (cells.Count >= columnCount) break;
                var fitted = Math.Min(span, columnCount - cells.Count);
                cells.Add(new TablixCell(item, fitted));
                for (var i = 1; i < fitted; i++) cells.Add(new TablixCell(null));
            }
            var declared = row.Cells.Sum(c => c.Span);
            if (declared != columnCount)
            {
                reader._context.Warning(RdlDiagnosticCodes.TablixCellCount,
                    $"A TableRow of {owner} has cells for {declared} columns but the table has {columnCount}; "
                    + (declared < columnCount ? "the row is padded with empty cells." : "the extra cells are dropped."), row.Element, owner);
            }
            while (cells.Count < columnCount) cells.Add(new TablixCell(null));
            Rows.Add(new TablixRow(row.Height, cells.ToImmutable()) { Location = reader._context.LocationOf(row.Element) });
            return row.Hidden;
        }
    }
}
