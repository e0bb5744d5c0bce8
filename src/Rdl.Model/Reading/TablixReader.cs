using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>Reads a Tablix: body (columns, rows, cells), hierarchies, data set, sorting, filters and page break.</summary>
internal sealed class TablixReader
{
    private readonly ReadContext _context;
    private readonly ItemReader _items;
    private readonly DataReader _data;
    private readonly TablixMemberReader _members;
    private readonly TablixCellReader _cells;

    public TablixReader(ReadContext context, ItemReader items, DataReader data)
    {
        _context = context;
        _items = items;
        _data = data;
        _cells = new TablixCellReader(context, items);
        _members = new TablixMemberReader(context, items, data, _cells);
    }

    public TablixDefinition Read(XElement element)
    {
        var name = _context.RequiredName(element, "Tablix", "Tablix");
        var owner = $"Tablix '{name}'";
        var common = new ItemCommon();
        var columns = ImmutableArray<ReportSize>.Empty;
        var rows = ImmutableArray<TablixRow>.Empty;
        var rowHierarchy = ImmutableArray<TablixMember>.Empty;
        var columnHierarchy = ImmutableArray<TablixMember>.Empty;
        string? dataSetName = null;
        ExpressionText? noRows = null;
        var sorts = ImmutableArray<SortExpression>.Empty;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        PageBreakDefinition? pageBreak = null;
        ExpressionText? pageName = null;
        bool keepTogether = false;
        var corner = ImmutableArray<ImmutableArray<TablixCell>>.Empty;
        bool repeatColumnHeaders = false, repeatRowHeaders = false;
        foreach (var child in _context.Children(element))
        {
            if (_items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case N.TablixBody: (columns, rows) = ReadBody(child, owner); break;
                case N.TablixRowHierarchy: rowHierarchy = _members.ReadHierarchy(child, owner + ".TablixRowHierarchy"); break;
                case N.TablixColumnHierarchy: columnHierarchy = _members.ReadHierarchy(child, owner + ".TablixColumnHierarchy"); break;
                case N.DataSetName: dataSetName = ReadContext.Text(child); break;
                case N.NoRowsMessage: noRows = _context.Expression(child, owner + ".NoRowsMessage"); break;
                case N.SortExpressions: sorts = _members.ReadSortExpressions(child, owner); break;
                case N.Filters: filters = _data.ReadFilters(child, owner); break;
                case N.PageBreak: pageBreak = _items.ReadPageBreak(child, owner); break;
                case "PageName": pageName = _items.ReadPageName(child, owner); break;
                case N.KeepTogether: keepTogether = _context.Bool(child, owner); break;
                case N.TablixCorner: corner = ReadCorner(child, owner); break;
                case N.RepeatColumnHeaders: repeatColumnHeaders = _context.Bool(child, owner); break;
                case N.RepeatRowHeaders: repeatRowHeaders = _context.Bool(child, owner); break;
                default: _context.Unknown(child, owner); break;
            }
        }
        return new TablixDefinition(name, common.Bounds, common.Style, _context.LocationOf(element), dataSetName, columns, rows, rowHierarchy, columnHierarchy)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            NoRowsMessage = noRows,
            SortExpressions = sorts,
            Filters = filters,
            PageBreak = pageBreak,
            PageName = pageName,
            KeepTogether = keepTogether,
            CornerRows = corner,
            RepeatColumnHeaders = repeatColumnHeaders,
            RepeatRowHeaders = repeatRowHeaders,
        };
    }

    private (ImmutableArray<ReportSize> Columns, ImmutableArray<TablixRow> Rows) ReadBody(XElement body, string owner)
    {
        var columns = ImmutableArray<ReportSize>.Empty;
        var rows = ImmutableArray<TablixRow>.Empty;
        var where = owner + ".TablixBody";
        foreach (var child in _context.Children(body))
        {
            switch (child.Name.LocalName)
            {
                case N.TablixColumns: columns = ReadColumns(child, where); break;
                case N.TablixRows: rows = ReadRows(child, owner, where); break;
                default: _context.Unknown(child, where); break;
            }
        }
        return (columns, rows);
    }

    private ImmutableArray<ReportSize> ReadColumns(XElement element, string where)
    {
        var list = ImmutableArray.CreateBuilder<ReportSize>();
        foreach (var column in _context.Children(element))
        {
            if (column.Name.LocalName != N.TablixColumn)
            {
                _context.Unknown(column, where + ".TablixColumns");
                continue;
            }
            var width = ReportSize.Zero;
            var columnWhere = $"{where}.TablixColumns[{list.Count}]";
            var found = false;
            foreach (var property in _context.Children(column))
            {
                if (property.Name.LocalName == N.Width)
                {
                    width = _context.Size(property, columnWhere);
                    found = true;
                }
                else
                {
                    _context.Unknown(property, columnWhere);
                }
            }
            if (!found) _context.Error(RdlDiagnosticCodes.MissingRequired, $"{columnWhere} has no Width.", column, where);
            list.Add(width);
        }
        return list.ToImmutable();
    }

    private ImmutableArray<TablixRow> ReadRows(XElement element, string owner, string where)
    {
        var list = ImmutableArray.CreateBuilder<TablixRow>();
        foreach (var row in _context.Children(element))
        {
            if (row.Name.LocalName != N.TablixRow)
            {
                _context.Unknown(row, where + ".TablixRows");
                continue;
            }
            var rowWhere = $"{where}.TablixRows[{list.Count}]";
            var height = ReportSize.Zero;
            var cells = ImmutableArray<TablixCell>.Empty;
            foreach (var property in _context.Children(row))
            {
                switch (property.Name.LocalName)
                {
                    case N.Height: height = _context.Size(property, rowWhere); break;
                    case N.TablixCells: cells = ReadCells(property, owner, rowWhere); break;
                    default: _context.Unknown(property, rowWhere); break;
                }
            }
            list.Add(new TablixRow(height, cells) { Location = _context.LocationOf(row) });
        }
        return list.ToImmutable();
    }

    private ImmutableArray<TablixCell> ReadCells(XElement element, string owner, string rowWhere)
    {
        var list = ImmutableArray.CreateBuilder<TablixCell>();
        foreach (var cell in _context.Children(element))
        {
            if (cell.Name.LocalName != N.TablixCell)
            {
                _context.Unknown(cell, rowWhere + ".TablixCells");
                continue;
            }
            list.Add(_cells.ReadCell(cell, owner, $"{rowWhere}.TablixCells[{list.Count}]"));
        }
        return list.ToImmutable();
    }

    /// <summary>Reads TablixCorner: TablixCornerRows of TablixCornerCells.</summary>
    private ImmutableArray<ImmutableArray<TablixCell>> ReadCorner(XElement corner, string owner)
    {
        var where = owner + ".TablixCorner";
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<TablixCell>>();
        foreach (var child in _context.Children(corner))
        {
            if (child.Name.LocalName != N.TablixCornerRows)
            {
                _context.Unknown(child, where);
                continue;
            }
            foreach (var row in _context.Children(child))
            {
                if (row.Name.LocalName != N.TablixCornerRow)
                {
                    _context.Unknown(row, where + ".TablixCornerRows");
                    continue;
                }
                var rowWhere = $"{where}.TablixCornerRows[{rows.Count}]";
                var cells = ImmutableArray.CreateBuilder<TablixCell>();
                foreach (var cell in _context.Children(row))
                {
                    if (cell.Name.LocalName == N.TablixCornerCell) cells.Add(_cells.ReadCell(cell, owner, $"{rowWhere}.TablixCornerCells[{cells.Count}]"));
                    else _context.Unknown(cell, rowWhere);
                }
                rows.Add(cells.ToImmutable());
            }
        }
        return rows.ToImmutable();
    }
}
