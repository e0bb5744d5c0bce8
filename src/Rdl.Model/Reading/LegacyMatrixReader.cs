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
/// Reads an RDL 2003/2005 &lt;Matrix&gt; as a <see cref="TablixDefinition"/> with header members, as a 2010 designer writes
/// a matrix: each ColumnGrouping / RowGrouping is a header level (its Height / Width is the header size); a dynamic level is a
/// group member (with a sibling static member for its Subtotal, Before or After), a static level one static member per
/// StaticColumn / StaticRow. The MatrixCells are repeated into every body cell whose static path selects them (subtotal
/// columns and rows reuse the data cells, as in 2005); repeated items get a numbered suffix so item names stay unique.
/// The Corner becomes the TablixCorner.
/// </summary>
internal sealed class LegacyMatrixReader(ReadContext context, ItemReader items, DataReader data)
{
    private readonly ReadContext _context = context;
    private readonly ItemReader _items = items;
    private readonly LegacyGroupingReader _grouping = new(context, data);
    private readonly LegacyTableReader _cells = new(context, items, data);

    public TablixDefinition Read(XElement element)
    {
        var name = _context.RequiredName(element, "Matrix", "Matrix");
        var owner = $"Matrix '{name}'";
        var common = new ItemCommon();
        ReportItem? corner = null;
        var columnLevels = new List<MatrixLevel>();
        var rowLevels = new List<MatrixLevel>();
        var columnWidths = new List<ReportSize>();
        var rows = new List<(ReportSize Height, List<ReportItem?> Cells, XElement Element)>();
        string? dataSetName = null;
        ExpressionText? noRows = null;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        bool atStart = false, atEnd = false;
        foreach (var child in _context.Children(element))
        {
            if (_items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case L.Corner: corner = ReadCorner(child, owner); break;
                case L.ColumnGroupings: ReadLevels(child, L.ColumnGrouping, N.Height, L.DynamicColumns, L.StaticColumns, L.StaticColumn, name, columnLevels); break;
                case L.RowGroupings: ReadLevels(child, L.RowGrouping, N.Width, L.DynamicRows, L.StaticRows, L.StaticRow, name, rowLevels); break;
                case L.MatrixColumns: ReadColumns(child, owner, columnWidths); break;
                case L.MatrixRows: ReadRows(child, owner, rows); break;
                case N.DataSetName: dataSetName = ReadContext.Text(child); break;
                case L.NoRows: noRows = _context.Expression(child, owner + ".NoRows"); break;
                case N.Filters: filters = data.ReadFilters(child, owner); break;
                case N.PageBreakAtStart: atStart = _context.Bool(child, owner); break;
                case N.PageBreakAtEnd: atEnd = _context.Bool(child, owner); break;
                default:
                    if (!L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, owner);
                    break;
            }
        }

        var names = new ItemNames();
        var location = _context.LocationOf(element);
        var columnAxis = new MatrixAxis(columnLevels, rowHierarchy: false, names, location);
        var rowAxis = new MatrixAxis(rowLevels, rowHierarchy: true, names, location);
        var columnHierarchy = columnAxis.Build();
        var rowHierarchy = rowAxis.Build();

        if (columnWidths.Count == 0) columnWidths.Add(ReportSize.Zero);
        if (rows.Count == 0) rows.Add((ReportSize.Zero, [], element));
        var widths = columnAxis.LeafStatics.Select(s => columnWidths[s % columnWidths.Count]).ToImmutableArray();
        var body = ImmutableArray.CreateBuilder<TablixRow>();
        foreach (var rowStatic in rowAxis.LeafStatics)
        {
            var (height, cells, rowElement) = rows[rowStatic % rows.Count];
            var tablixCells = columnAxis.LeafStatics
                .Select(c => new TablixCell(cells.Count == 0 ? null : names.Use(cells[c % cells.Count])))
                .ToImmutableArray();
            body.Add(new TablixRow(height, tablixCells) { Location = _context.LocationOf(rowElement) });
        }

        return new TablixDefinition(name, common.Bounds, common.Style, location, dataSetName, widths, body.ToImmutable(), rowHierarchy, columnHierarchy)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            NoRowsMessage = noRows,
            Filters = filters,
            PageBreak = ItemReader.LegacyPageBreak(atStart, atEnd),
            CornerRows = Corner(names.Use(corner), rowAxis.LevelCount, columnAxis.LevelCount),
        };
    }

    /// <summary>One row of cells per column-header level, one cell per row-header level; the corner item spans them all.</summary>
    private static ImmutableArray<ImmutableArray<TablixCell>> Corner(ReportItem? item, int rowLevels, int columnLevels)
    {
        if (rowLevels == 0 || columnLevels == 0) return [];
        return Enumerable.Range(0, columnLevels)
            .Select(r => Enumerable.Range(0, rowLevels)
                .Select(c => r == 0 && c == 0 ? new TablixCell(item, rowLevels, columnLevels) : new TablixCell(null))
                .ToImmutableArray())
            .ToImmutableArray();
    }

    private ReportItem? ReadCorner(XElement element, string owner)
    {
        ReportItem? item = null;
        foreach (var child in _context.Children(element))
        {
            if (child.Name.LocalName == L.ReportItems) item = _cells.ReadCellItem(child, owner + ".Corner");
            else if (!L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, owner + ".Corner");
        }
        return item;
    }

    private void ReadLevels(XElement element, string levelName, string sizeName, string dynamicName, string staticsName, string staticName,
        string matrixName, List<MatrixLevel> levels)
    {
        var owner = $"Matrix '{matrixName}'";
        foreach (var level in _context.Children(element))
        {
            if (level.Name.LocalName != levelName)
            {
                _context.Unknown(level, $"{owner}.{element.Name.LocalName}");
                continue;
            }
            var where = $"{owner}.{element.Name.LocalName}[{levels.Count}]";
            var size = ReportSize.Zero;
            MatrixLevel? read = null;
            foreach (var child in _context.Children(level))
            {
                var local = child.Name.LocalName;
                if (local == sizeName) size = _context.Size(child, where);
                else if (local == dynamicName) read = ReadDynamic(child, $"{matrixName}_{levelName}{levels.Count + 1}", where);
                else if (local == staticsName) read = ReadStatics(child, staticName, where);
                else if (!L.Ignored.Contains(local)) _context.Unknown(child, where);
            }
            if (read is null)
            {
                _context.Warning(RdlDiagnosticCodes.MissingRequired, $"{where} has neither dynamic nor static members; it is left out.", level, owner);
                continue;
            }
            levels.Add(read with { Size = size });
        }
    }

    private MatrixLevel ReadDynamic(XElement element, string fallbackGroupName, string where)
    {
        GroupDefinition? group = null;
        var sorts = ImmutableArray<SortExpression>.Empty;
        (ExpressionText? Hidden, string? Toggle) visibility = default;
        ReportItem? header = null;
        MatrixSubtotal? subtotal = null;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case L.Grouping: group = _grouping.ReadGrouping(child, fallbackGroupName); break;
                case L.Sorting: sorts = _grouping.ReadSorting(child, where); break;
                case L.Visibility: visibility = _items.ReadVisibility(child, where); break;
                case L.ReportItems: header = _cells.ReadCellItem(child, where); break;
                case L.Subtotal: subtotal = ReadSubtotal(child, where + ".Subtotal"); break;
                default:
                    if (!L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, where);
                    break;
            }
        }
        group ??= new GroupDefinition(fallbackGroupName, [], _context.LocationOf(element));
        return new MatrixLevel(ReportSize.Zero, group, sorts, visibility, header, subtotal, [], _context.LocationOf(element));
    }

    private MatrixSubtotal ReadSubtotal(XElement element, string where)
    {
        ReportItem? item = null;
        var before = false;
        foreach (var child in _context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case L.ReportItems: item = _cells.ReadCellItem(child, where); break;
                case L.Position: before = child.Value.Trim().Equals("Before", StringComparison.OrdinalIgnoreCase); break;
                case N.Style: break; // the subtotal's style override of the data cells is not modelled
                default:
                    if (!L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, where);
                    break;
            }
        }
        return new MatrixSubtotal(item, before, _context.LocationOf(element));
    }

    private MatrixLevel ReadStatics(XElement element, string staticName, string where)
    {
        var statics = new List<ReportItem?>();
        foreach (var member in _context.Children(element))
        {
            if (member.Name.LocalName != staticName)
            {
                _context.Unknown(member, where);
                continue;
            }
            ReportItem? item = null;
            foreach (var child in _context.Children(member))
            {
                if (child.Name.LocalName == L.ReportItems) item = _cells.ReadCellItem(child, $"{where}[{statics.Count}]");
                else if (!L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, where);
            }
            statics.Add(item);
        }
        return new MatrixLevel(ReportSize.Zero, null, [], default, null, null, statics, _context.LocationOf(element));
    }

    private void ReadColumns(XElement element, string owner, List<ReportSize> widths)
    {
        foreach (var column in _context.Children(element))
        {
            if (column.Name.LocalName != L.MatrixColumn)
            {
                _context.Unknown(column, owner + ".MatrixColumns");
                continue;
            }
            var width = ReportSize.Zero;
            foreach (var property in _context.Children(column))
            {
                if (property.Name.LocalName == N.Width) width = _context.Size(property, owner);
                else if (!L.Ignored.Contains(property.Name.LocalName)) _context.Unknown(property, owner + ".MatrixColumn");
            }
            widths.Add(width);
        }
    }

    private void ReadRows(XElement element, string owner, List<(ReportSize, List<ReportItem?>, XElement)> rows)
    {
        foreach (var row in _context.Children(element))
        {
            if (row.Name.LocalName != L.MatrixRow)
            {
                _context.Unknown(row, owner + ".MatrixRows");
                continue;
            }
            var where = $"{owner}.MatrixRows[{rows.Count}]";
            var height = ReportSize.Zero;
            var cells = new List<ReportItem?>();
            foreach (var property in _context.Children(row))
            {
                switch (property.Name.LocalName)
                {
                    case N.Height: height = _context.Size(property, where); break;
                    case L.MatrixCells:
                        foreach (var cell in _context.Children(property))
                        {
                            if (cell.Name.LocalName != L.MatrixCell)
                            {
                                _context.Unknown(cell, where);
                                continue;
                            }
                            ReportItem? item = null;
                            foreach (var child in _context.Children(cell))
                            {
                                if (child.Name.LocalName == L.ReportItems) item = _cells.ReadCellItem(child, where);
                                else if (!L.Ignored.Contains(child.Name.LocalName)) _context.Unknown(child, where);
                            }
                            cells.Add(item);
                        }
                        break;
                    default:
                        if (!L.Ignored.Contains(property.Name.LocalName)) _context.Unknown(property, where);
                        break;
                }
            }
            rows.Add((height, cells, row));
        }
    }
}
