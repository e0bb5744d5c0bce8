using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>Turns evaluated items into page items at a fixed position (used for rectangles, headers, footers, cells).</summary>
internal sealed class ItemPlacer(TextLayout text)
{
    public TextLayout Text => text;

    /// <summary>
    /// While set, textboxes are emitted as outlines: the same bounds, region and cell as their real text item, without
    /// lines, text or value (a writer's grid pass needs only where items are, not what they say).
    /// </summary>
    public bool OutlineOnly { get; set; }

    private Dictionary<string, int>? _logicalRows;

    /// <summary>
    /// The first logical row (see <see cref="LogicalCell.Row"/>) for one rendering of tablix <paramref name="tablixName"/>
    /// with <paramref name="rowCount"/> rows. A tablix nested in a list cell is rendered once per list instance: each
    /// rendering gets rows of its own, so the CSV and DOCX writers never merge the rows of two instances into one.
    /// </summary>
    public int ReserveLogicalRows(string tablixName, int rowCount)
    {
        _logicalRows ??= new(StringComparer.Ordinal);
        _logicalRows.TryGetValue(tablixName, out var first);
        _logicalRows[tablixName] = first + rowCount;
        return first;
    }

    /// <summary>The height an item takes when laid out (textboxes with CanGrow may grow).</summary>
    public double MeasureHeight(ItemInstance item, double width) => item switch
    {
        TextboxInstance t => TextLayout.HeightFor(text.Measure(t, width), t.Height),
        TablixInstance x => x.Rows.Sum(r => RowHeight(x, r)),
        ImageInstance image => ImagePlacement.MeasureHeight(image),
        Processing.Subreports.SubreportInstance or RectangleInstance when SubreportFlow.Applies(item) => SubreportFlow.Measure(this, item),
        _ => item.Height,
    };

    public void Emit(ItemInstance item, double x, double y, double width, double height, PageRegion region, List<PageItem> sink, LogicalCell? cell = null)
    {
        var bounds = new Bounds(x, y, width, height);
        switch (item)
        {
            case TextboxInstance t when OutlineOnly:
                sink.Add(new TextItem(bounds, region, string.Empty, null, null, t.Style.Text, t.Style.Box, []) { Cell = cell, Name = t.Textbox.Name });
                break;
            case TextboxInstance t:
                sink.Add(text.Place(text.Measure(t, width), bounds, region, cell));
                break;
            case Processing.Subreports.SubreportInstance or RectangleInstance when SubreportFlow.Applies(item):
                SubreportFlow.Emit(this, item, bounds, region, sink);
                break;
            case RectangleInstance r:
                sink.Add(new RectangleItem(bounds, region, r.Box));
                foreach (var child in r.Items.OrderBy(c => c.Top))
                    Emit(child, x + child.Left, y + child.Top, child.Width, child.Height, region, sink);
                break;
            case LineInstance l:
                sink.Add(new LineItem(new Bounds(x, y, l.Width, l.Height), region, l.Stroke));
                break;
            case ImageInstance image:
                ImagePlacement.Emit(image, bounds, region, sink);
                break;
            case Processing.Charts.ChartInstance chart:
                Charts.ChartPlacement.Emit(chart, bounds, region, sink);
                break;
            case Processing.Gauges.GaugeInstance gauge:
                Gauges.GaugePlacementEmitter.Emit(gauge, bounds, region, sink);
                break;
            case Processing.Maps.MapInstance map:
                Maps.MapLayout.Emit(map, bounds, region, sink);
                break;
            case TablixInstance tablix:
                double rowTop = y;
                foreach (var row in tablix.Rows)
                {
                    double h = RowHeight(tablix, row);
                    EmitRow(tablix, row, x, rowTop, h, region, sink, -1, false);
                    rowTop += h;
                }
                break;
        }
    }

    public double RowHeight(TablixInstance tablix, TablixRowInstance row)
    {
        double height = row.Height;
        foreach (var slot in row.Cells)
        {
            if (slot is not { } cell || cell.IsContinuation) continue;
            height = Math.Max(height, MeasureHeight(cell.Content, SpanWidth(tablix, cell)));
        }
        return height;
    }

    public void EmitRow(TablixInstance tablix, TablixRowInstance row, double x, double y, double height, PageRegion region, List<PageItem> sink, int logicalRow, bool isRepeat)
    {
        double left = x;
        for (int c = 0; c < tablix.ColumnWidths.Length; c++)
        {
            if (row.Cells[c] is { } cell)
            {
                double w = SpanWidth(tablix, cell);
                var logical = logicalRow < 0 ? null : new LogicalCell(tablix.Tablix.Name, logicalRow, c, 1, cell.ColumnSpan)
                {
                    IsRepeat = isRepeat,
                    IsFixedHeader = row.IsColumnHeader && tablix.Tablix.RepeatColumnHeaders,
                    OutlineLevel = row.OutlineLevel,
                    IsHidden = row.HiddenLevel > 0,
                };
                Emit(cell.Content, left, y, w, height, region, sink, logical);
            }
            left += tablix.ColumnWidths[c];
        }
    }

    public static double SpanWidth(TablixInstance tablix, in CellInstance cell)
    {
        double w = 0;
        for (int i = cell.Column; i < Math.Min(tablix.ColumnWidths.Length, cell.Column + cell.ColumnSpan); i++) w += tablix.ColumnWidths[i];
        return w;
    }
}
