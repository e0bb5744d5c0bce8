using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>Reads &lt;CellContents&gt; (one report item plus ColSpan/RowSpan) for body, header and corner cells.</summary>
internal sealed class TablixCellReader(ReadContext context, ItemReader items)
{
    /// <summary>Reads a cell element (TablixCell, TablixCornerCell) whose only child is CellContents.</summary>
    public TablixCell ReadCell(XElement cell, string owner, string cellWhere)
    {
        ReportItem? contents = null;
        int colSpan = 1, rowSpan = 1;
        foreach (var property in context.Children(cell))
        {
            if (property.Name.LocalName == N.CellContents) (contents, colSpan, rowSpan) = ReadContents(property, owner, cellWhere);
            else context.Unknown(property, cellWhere);
        }
        return new TablixCell(contents, colSpan, rowSpan);
    }

    public (ReportItem? Contents, int ColSpan, int RowSpan) ReadContents(XElement element, string owner, string cellWhere)
    {
        ReportItem? contents = null;
        int colSpan = 1, rowSpan = 1;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.ColSpan: colSpan = Span(child, cellWhere); break;
                case N.RowSpan: rowSpan = Span(child, cellWhere); break;
                default:
                    var item = items.ReadItem(child, owner);
                    if (item is not null && contents is not null)
                    {
                        context.Error(RdlDiagnosticCodes.InvalidValue,
                            $"{cellWhere} of {owner} holds more than one report item; a cell holds exactly one.", child, owner);
                    }
                    contents ??= item;
                    break;
            }
        }
        return (contents, colSpan, rowSpan);
    }

    private int Span(XElement element, string where)
    {
        var span = context.Int(element, where, 1);
        if (span >= 1) return span;
        context.Error(RdlDiagnosticCodes.InvalidValue, $"{element.Name.LocalName} in {where} must be at least 1.", element, where);
        return 1;
    }
}
