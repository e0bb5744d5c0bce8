using System.Text;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Streams one worksheet part as UTF-8 XML through <see cref="Utf8XmlWriter"/>: columns, then rows one at a time,
/// then merged ranges, hyperlinks and page setup. No sheet DOM is built and a cell costs no allocation: cell
/// references are written from per-column letter bytes and the row number's digits, values are formatted straight
/// into the write buffer.
/// </summary>
internal sealed class WorksheetWriter : IDisposable
{
    /// <summary>Excel's row limit.</summary>
    public const int MaxRows = 1_048_576;

    private readonly Utf8XmlWriter _xml;
    private readonly SharedStrings _sharedStrings;
    private readonly string[] _columnNames;
    private readonly byte[][] _columnBytes;

    /// <summary>The current row number's digits, copied after the column letters of every cell reference.</summary>
    private readonly byte[] _rowDigits = new byte[16];
    private int _rowDigitCount;
    private int _lastRowNumber;

    public WorksheetWriter(Stream part, SharedStrings sharedStrings, int columnCount)
    {
        _xml = new Utf8XmlWriter(part);
        _sharedStrings = sharedStrings;
        _columnNames = new string[columnCount];
        _columnBytes = new byte[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            _columnNames[c] = ColumnName(c);
            _columnBytes[c] = Encoding.ASCII.GetBytes(_columnNames[c]);
        }
    }

    /// <summary>Excel's column letters for a 0-based column index (0 = A, 26 = AA).</summary>
    public static string ColumnName(int column)
    {
        Span<char> buffer = stackalloc char[4];
        var pos = buffer.Length;
        var n = column + 1;
        while (n > 0)
        {
            var rem = (n - 1) % 26;
            buffer[--pos] = (char)('A' + rem);
            n = (n - 1) / 26;
        }

        return new string(buffer[pos..]);
    }

    /// <summary>Relationship id of the sheet's drawing (charts as pictures), written after the page margins; null for none.</summary>
    public string? DrawingRelationshipId { get; set; }

    /// <summary>Writes everything before the first row: dimension, sheet view and column widths (characters).</summary>
    public void WriteStart(int rowCount, IReadOnlyList<double> columnWidths) => WriteStart(rowCount, columnWidths, default);

    /// <summary>
    /// Writes everything before the first row: outline settings, dimension, sheet view (with the top
    /// <see cref="SheetLayout.FrozenRows"/> rows frozen), row outline depth and column widths (characters).
    /// </summary>
    public void WriteStart(int rowCount, IReadOnlyList<double> columnWidths, SheetLayout layout)
    {
        _xml.WriteRaw(XmlDeclaration);
        _xml.WriteRaw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"u8);
        var fit = Print is { FitToWidth: true };
        if (layout.MaxOutlineLevel > 0 || fit)
        {
            // CT_SheetPr: outlinePr, then pageSetUpPr.
            _xml.WriteRaw("<sheetPr>"u8);
            if (layout.MaxOutlineLevel > 0)
            {
                _xml.WriteRaw(layout.SummaryBelow ? "<outlinePr summaryBelow=\"1\"/>"u8 : "<outlinePr summaryBelow=\"0\"/>"u8);
            }

            if (fit)
            {
                _xml.WriteRaw("<pageSetUpPr fitToPage=\"1\"/>"u8);
            }

            _xml.WriteRaw("</sheetPr>"u8);
        }

        if (rowCount > 0 && columnWidths.Count > 0 && _columnBytes.Length > 0)
        {
            _xml.WriteRaw("<dimension ref=\"A1:"u8);
            _xml.WriteRaw(_columnBytes[^1]);
            _xml.WriteNumber(Math.Min(rowCount, MaxRows));
            _xml.WriteRaw("\"/>"u8);
        }

        _xml.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\""u8);
        if (layout.FrozenRows > 0 && layout.FrozenRows < MaxRows)
        {
            var topLeft = layout.FrozenRows + 1;
            _xml.WriteRaw("><pane ySplit=\""u8);
            _xml.WriteNumber(layout.FrozenRows);
            _xml.WriteRaw("\" topLeftCell=\"A"u8);
            _xml.WriteNumber(topLeft);
            _xml.WriteRaw("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A"u8);
            _xml.WriteNumber(topLeft);
            _xml.WriteRaw("\" sqref=\"A"u8);
            _xml.WriteNumber(topLeft);
            _xml.WriteRaw("\"/></sheetView></sheetViews>"u8);
        }
        else
        {
            _xml.WriteRaw("/></sheetViews>"u8);
        }

        _xml.WriteRaw("<sheetFormatPr defaultRowHeight=\"15\""u8);
        if (layout.MaxOutlineLevel > 0)
        {
            _xml.WriteRaw(" outlineLevelRow=\""u8);
            _xml.WriteNumber(Math.Min(layout.MaxOutlineLevel, SheetGrid.MaxOutline));
            _xml.WriteRaw((byte)'"');
        }

        _xml.WriteRaw("/>"u8);
        if (columnWidths.Count > 0)
        {
            _xml.WriteRaw("<cols>"u8);
            for (var c = 0; c < columnWidths.Count; c++)
            {
                _xml.WriteRaw("<col min=\""u8);
                _xml.WriteNumber(c + 1);
                _xml.WriteRaw("\" max=\""u8);
                _xml.WriteNumber(c + 1);
                _xml.WriteRaw("\" width=\""u8);
                _xml.WriteNumber(columnWidths[c]);
                _xml.WriteRaw("\" customWidth=\"1\"/>"u8);
            }

            _xml.WriteRaw("</cols>"u8);
        }

        _xml.WriteRaw("<sheetData>"u8);
    }

    /// <summary>Writes row <paramref name="rowNumber"/> (1-based, increasing) with its height in points and cells.</summary>
    public void WriteRow(int rowNumber, double height, XlsxCell[]? cells) => WriteRow(rowNumber, height, cells, default);

    /// <summary>As <see cref="WriteRow(int, double, XlsxCell[])"/>, with the row's outline level (0: none, at most 7) and state.</summary>
    public void WriteRow(int rowNumber, double height, XlsxCell[]? cells, RowOutline outline)
    {
        var outlineLevel = outline.Level;
        if (rowNumber <= _lastRowNumber || rowNumber > MaxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(rowNumber), rowNumber, "Rows must be written in increasing order within Excel's limit.");
        }

        _lastRowNumber = rowNumber;
        rowNumber.TryFormat(_rowDigits, out _rowDigitCount, default, System.Globalization.CultureInfo.InvariantCulture);
        _xml.WriteRaw("<row r=\""u8);
        _xml.WriteRaw(RowDigits);
        _xml.WriteRaw("\" ht=\""u8);
        _xml.WriteNumber(height);
        _xml.WriteRaw("\" customHeight=\"1\""u8);
        if (outlineLevel > 0)
        {
            _xml.WriteRaw(" outlineLevel=\""u8);
            _xml.WriteNumber(Math.Min(outlineLevel, SheetGrid.MaxOutline));
            _xml.WriteRaw((byte)'"');
        }

        if (outline.Hidden)
        {
            _xml.WriteRaw(" hidden=\"1\""u8);
        }

        if (outline.Collapsed)
        {
            _xml.WriteRaw(" collapsed=\"1\""u8);
        }

        var empty = true;
        if (cells is not null)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].HasContent)
                {
                    if (empty)
                    {
                        _xml.WriteRaw((byte)'>');
                        empty = false;
                    }

                    WriteCell(c, in cells[c]);
                }
            }
        }

        _xml.WriteRaw(empty ? "/>"u8 : "</row>"u8);
    }

    /// <summary>Closes the sheet data and writes the merged ranges (clipped to Excel's row limit).</summary>
    public void WriteEnd(IReadOnlyList<MergeRange> merges) => WriteEnd(merges, []);

    /// <summary>Closes the sheet data and writes the merged ranges (clipped to Excel's row limit) and hyperlinks.</summary>
    public void WriteEnd(IReadOnlyList<MergeRange> merges, IReadOnlyList<SheetHyperlink> hyperlinks)
    {
        _xml.WriteRaw("</sheetData>"u8);
        var mergeCount = 0;
        for (var i = 0; i < merges.Count; i++)
        {
            mergeCount += IsWritable(merges[i]) ? 1 : 0;
        }

        if (mergeCount > 0)
        {
            _xml.WriteRaw("<mergeCells count=\""u8);
            _xml.WriteNumber(mergeCount);
            _xml.WriteRaw("\">"u8);
            for (var i = 0; i < merges.Count; i++)
            {
                var m = merges[i];
                if (IsWritable(m))
                {
                    _xml.WriteRaw("<mergeCell ref=\""u8);
                    WriteReference(m.FirstColumn, m.FirstRow + 1);
                    _xml.WriteRaw((byte)':');
                    WriteReference(m.LastColumn, Math.Min(m.LastRow, MaxRows - 1) + 1);
                    _xml.WriteRaw("\"/>"u8);
                }
            }

            _xml.WriteRaw("</mergeCells>"u8);
        }

        var links = hyperlinks.Where(h => h.Row < MaxRows && h.Column < _columnNames.Length).ToList();
        if (links.Count > 0)
        {
            _xml.WriteRaw("<hyperlinks>"u8);
            foreach (var link in links)
            {
                _xml.WriteRaw("<hyperlink ref=\""u8);
                WriteReference(link.Column, link.Row + 1);
                _xml.WriteRaw((byte)'"');
                WriteOptionalAttribute(" r:id=\""u8, link.RelationshipId);
                WriteOptionalAttribute(" location=\""u8, link.Location);
                WriteOptionalAttribute(" display=\""u8, link.Display is null ? null : SharedStrings.Escape(link.Display));
                _xml.WriteRaw("/>"u8);
            }

            _xml.WriteRaw("</hyperlinks>"u8);
        }

        WritePrint();
        if (DrawingRelationshipId is { } drawing)
        {
            _xml.WriteRaw("<drawing r:id=\""u8);
            _xml.WriteAttributeValue(drawing);
            _xml.WriteRaw("\"/>"u8);
        }

        _xml.WriteRaw("</worksheet>"u8);
        _xml.Flush();
    }

    /// <summary>How the sheet prints (page setup, margins, footer); null for Excel's defaults. Set before <see cref="WriteStart(int, IReadOnlyList{double}, SheetLayout)"/>.</summary>
    public SheetPrint? Print { get; set; }

    /// <summary>pageMargins, pageSetup and headerFooter, in the order CT_Worksheet wants them.</summary>
    private void WritePrint()
    {
        if (Print is not { } print)
        {
            _xml.WriteRaw("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"u8);
            return;
        }

        var setup = print.Setup;
        _xml.WriteRaw("<pageMargins left=\""u8);
        _xml.WriteAttributeValue(SheetPrint.Inches(setup.LeftMargin));
        _xml.WriteRaw("\" right=\""u8);
        _xml.WriteAttributeValue(SheetPrint.Inches(setup.RightMargin));
        _xml.WriteRaw("\" top=\""u8);
        _xml.WriteAttributeValue(SheetPrint.Inches(setup.TopMargin));
        _xml.WriteRaw("\" bottom=\""u8);
        _xml.WriteAttributeValue(SheetPrint.Inches(setup.BottomMargin + setup.FooterHeight));
        _xml.WriteRaw("\" header=\""u8);
        _xml.WriteAttributeValue(SheetPrint.Inches(setup.TopMargin));
        _xml.WriteRaw("\" footer=\""u8);
        _xml.WriteAttributeValue(SheetPrint.Inches(setup.BottomMargin));
        _xml.WriteRaw("\"/><pageSetup"u8);
        if (print.PaperSize is { } paper)
        {
            _xml.WriteRaw(" paperSize=\""u8);
            _xml.WriteNumber(paper);
            _xml.WriteRaw((byte)'"');
        }

        if (print.FitToWidth)
        {
            _xml.WriteRaw(" fitToWidth=\"1\" fitToHeight=\"0\""u8);
        }

        _xml.WriteRaw(print.Landscape ? " orientation=\"landscape\"/>"u8 : " orientation=\"portrait\"/>"u8);
        if (print.Footer is { } footer)
        {
            _xml.WriteRaw("<headerFooter><oddFooter>"u8);
            _xml.WriteText(SharedStrings.Escape(footer));
            _xml.WriteRaw("</oddFooter></headerFooter>"u8);
        }
    }

    /// <summary>Flushes what was written; the part stream stays open (its owner disposes it).</summary>
    public void Dispose() => _xml.Dispose();

    /// <summary>The XML declaration that starts every part written by <see cref="Utf8XmlWriter"/>.</summary>
    internal static ReadOnlySpan<byte> XmlDeclaration => "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>"u8;

    private ReadOnlySpan<byte> RowDigits => _rowDigits.AsSpan(0, _rowDigitCount);

    private void WriteCell(int column, in XlsxCell cell)
    {
        _xml.WriteRaw("<c r=\""u8);
        _xml.WriteRaw(_columnBytes[column]);
        _xml.WriteRaw(RowDigits);
        _xml.WriteRaw((byte)'"');
        if (cell.Style != 0)
        {
            _xml.WriteRaw(" s=\""u8);
            _xml.WriteNumber(cell.Style);
            _xml.WriteRaw((byte)'"');
        }

        switch (cell.Value.Kind)
        {
            case ExcelValueKind.Blank:
                _xml.WriteRaw("/>"u8);
                return;
            case ExcelValueKind.Text:
                _xml.WriteRaw(" t=\"s\"><v>"u8);
                _xml.WriteNumber(cell.Value.Rich is { } rich ? _sharedStrings.GetIndex(rich) : _sharedStrings.GetIndex(cell.Value.Text!));
                break;
            case ExcelValueKind.Boolean:
                _xml.WriteRaw(cell.Value.Number != 0 ? " t=\"b\"><v>1"u8 : " t=\"b\"><v>0"u8);
                break;
            default:
                _xml.WriteRaw("><v>"u8); // numbers and dates: no t attribute (Number).
                _xml.WriteNumber(cell.Value.Number);
                break;
        }

        _xml.WriteRaw("</v></c>"u8);
    }

    /// <summary>A merged range that still spans two cells once clipped to Excel's row limit.</summary>
    private static bool IsWritable(MergeRange m)
        => m.FirstRow < MaxRows && (Math.Min(m.LastRow, MaxRows - 1) > m.FirstRow || m.LastColumn > m.FirstColumn);

    /// <summary>Writes a cell reference such as <c>AB12</c> (0-based column, 1-based row).</summary>
    private void WriteReference(int column, int rowNumber)
    {
        _xml.WriteRaw(_columnBytes[column]);
        _xml.WriteNumber(rowNumber);
    }

    private void WriteOptionalAttribute(ReadOnlySpan<byte> nameAndQuote, string? value)
    {
        if (value is not null)
        {
            _xml.WriteRaw(nameAndQuote);
            _xml.WriteAttributeValue(value);
            _xml.WriteRaw((byte)'"');
        }
    }
}

/// <summary>Sheet-level settings written before the rows.</summary>
internal readonly record struct SheetLayout(int FrozenRows, int MaxOutlineLevel, bool SummaryBelow);

/// <summary>A row's outline: its level (0: none), whether a collapsed drilldown hides it, whether it is a collapsed group's summary row.</summary>
internal readonly record struct RowOutline(int Level, bool Hidden = false, bool Collapsed = false);

/// <summary>
/// A hyperlink on the cell at (<see cref="Row"/>, <see cref="Column"/>), 0-based: external through a relationship
/// (<see cref="RelationshipId"/>) or to a place in the workbook (<see cref="Location"/>, e.g. <c>'Sheet 1'!A5</c>).
/// </summary>
internal readonly record struct SheetHyperlink(int Row, int Column, string? RelationshipId, string? Location, string? Display);
