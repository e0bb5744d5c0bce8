using System.Collections.Immutable;
using DocumentFormat.OpenXml;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Pages;
using PageItem = Renderer.Sandbox.Pages.PageItem;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Writes a paginated document as an XLSX workbook, mapping positioned items to a cell grid like SSRS's Excel
/// renderer (simplified): one worksheet named after the document title holding all pages one below the other;
/// the first page's header on top; later headers, all footers and repeated table headers left out.
/// Sheet data is streamed with <see cref="OpenXmlWriter"/>, page by page, straight into the zip (<see cref="XlsxPackage"/>);
/// only the workbook and styles are DOM parts.
/// </summary>
internal sealed class XlsxDocumentWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    public void Write(PaginatedDocument document, Stream output) => WriteWithDiagnostics(document, output);

    /// <summary>Writes <paramref name="document"/> and returns warnings about content Excel could not hold.</summary>
    public ImmutableArray<RdlDiagnostic> WriteWithDiagnostics(PaginatedDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var diagnostics = ImmutableArray.CreateBuilder<RdlDiagnostic>();
        var styles = new StylesheetBuilder();
        var sharedStrings = new SharedStrings();
        var sheetName = new SheetNames().GetUniqueName(document.Title);

        using (var package = new XlsxPackage(output, [sheetName], document.Title))
        {
            using (var sheet = package.CreateWorksheet())
            {
                WriteSheet(document, sheet, styles, sharedStrings, diagnostics);
            }

            using (var strings = package.CreateSharedStrings())
            {
                sharedStrings.WriteTo(strings);
            }

            package.WriteStyles(styles.Build());
        }

        return diagnostics.ToImmutable();
    }

    private static void WriteSheet(
        PaginatedDocument document,
        Stream part,
        StylesheetBuilder styles,
        SharedStrings sharedStrings,
        ImmutableArray<RdlDiagnostic>.Builder diagnostics)
    {
        var grid = SheetGrid.Build(document);
        var widths = new double[grid.ColumnCount];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = grid.GetColumnWidthCharacters(c);
        }

        using var sheet = new WorksheetWriter(part, sharedStrings, grid.ColumnCount);
        sheet.WriteStart((int)Math.Min(grid.RowCount, WorksheetWriter.MaxRows), widths);
        var assembler = new RowAssembler(styles, grid.ColumnCount);
        var sheetRow = 0;
        var outsideGrid = 0;
        for (var p = 0; p < document.Pages.Length && sheetRow < WorksheetWriter.MaxRows; p++)
        {
            var page = document.Pages[p];
            var rows = PageRows.Build(page, p);
            assembler.BeginPage(sheetRow);
            var next = 0;
            for (var r = 0; r < rows.Count && sheetRow + r < WorksheetWriter.MaxRows; r++)
            {
                var key = rows.GetKey(r);
                for (; next < rows.ItemCount && rows.GetItemKey(next) == key; next++)
                {
                    var index = rows.GetItemIndex(next);
                    if (!Place(page.Items[index], index, r, rows, grid, assembler))
                    {
                        outsideGrid++;
                    }
                }

                var cells = assembler.TakeRow(r);
                sheet.WriteRow(sheetRow + r + 1, rows.GetHeight(r), cells);
                if (cells is not null)
                {
                    assembler.Return(cells);
                }
            }

            sheetRow += rows.Count;
        }

        sheet.WriteEnd(assembler.Merges);
        Report(diagnostics, grid, outsideGrid, assembler.DroppedItems);
    }

    private static bool Place(PageItem item, int paintOrder, int row, PageRows rows, SheetGrid grid, RowAssembler assembler)
    {
        if (!grid.TryGetColumnSpan(item.Bounds, out var firstColumn, out var lastColumn))
        {
            return false;
        }

        var lastRow = rows.LastRowOf(row, item.Bounds);
        switch (item)
        {
            case TextItem text:
                assembler.PlaceText(text, paintOrder, row, lastRow, firstColumn, lastColumn);
                break;
            case RectangleItem rectangle:
                assembler.PlaceRectangle(rectangle, paintOrder, row, lastRow, firstColumn, lastColumn);
                break;
        }

        return true;
    }

    private static void Report(ImmutableArray<RdlDiagnostic>.Builder diagnostics, SheetGrid grid, int outsideGrid, int dropped)
    {
        if (grid.RowCount > WorksheetWriter.MaxRows)
        {
            diagnostics.Add(RdlDiagnostic.Warning(
                "XLSX001",
                $"The report needs {grid.RowCount:N0} sheet rows but an Excel worksheet holds {WorksheetWriter.MaxRows:N0}; the rows after that were not written.",
                SourceLocation.None));
        }

        if (outsideGrid > 0)
        {
            diagnostics.Add(RdlDiagnostic.Warning(
                "XLSX002",
                $"{outsideGrid:N0} item(s) lie beyond Excel's {SheetGrid.MaxColumns:N0}-column limit and were not written.",
                SourceLocation.None));
        }

        if (dropped > 0)
        {
            diagnostics.Add(new RdlDiagnostic(
                "XLSX003",
                DiagnosticSeverity.Info,
                $"{dropped:N0} overlapping text item(s) share a cell with another item and were left out of the sheet.",
                SourceLocation.None));
        }
    }
}
