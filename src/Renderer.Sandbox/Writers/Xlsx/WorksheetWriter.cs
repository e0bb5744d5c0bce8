using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Streams one worksheet part with <see cref="OpenXmlWriter"/>: columns, then rows one at a time, then merged
/// ranges. No sheet DOM is built; element templates and attribute lists are reused for every cell.
/// </summary>
internal sealed class WorksheetWriter : IDisposable
{
    /// <summary>Excel's row limit.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Passed instead of the template's declarations so the writer does not look them up per cell.</summary>
    private static readonly KeyValuePair<string, string>[] NoNamespaces = [];

    private readonly OpenXmlWriter _writer;
    private readonly SharedStrings _sharedStrings;
    private readonly string[] _columnNames;

    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly AttributeBuffer _attributes = new();
    private readonly List<string> _styleTexts = [];
    private readonly OpenXmlAttribute _customHeight = new("customHeight", string.Empty, "1");
    private readonly OpenXmlAttribute _sharedStringType = new("t", string.Empty, "s");
    private readonly OpenXmlAttribute _booleanType = new("t", string.Empty, "b");
    private readonly OpenXmlAttribute[] _outlineLevels = [.. Enumerable.Range(0, SheetGrid.MaxOutline + 1)
        .Select(l => new OpenXmlAttribute("outlineLevel", string.Empty, l.ToString(CultureInfo.InvariantCulture)))];
    private int _lastRowNumber;

    public WorksheetWriter(Stream part, SharedStrings sharedStrings, int columnCount)
    {
        _writer = OpenXmlWriter.Create(part, XlsxPackage.Utf8);
        _sharedStrings = sharedStrings;
        _columnNames = new string[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            _columnNames[c] = ColumnName(c);
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

    /// <summary>Writes everything before the first row: dimension, sheet view and column widths (characters).</summary>
    public void WriteStart(int rowCount, IReadOnlyList<double> columnWidths) => WriteStart(rowCount, columnWidths, default);

    /// <summary>
    /// Writes everything before the first row: outline settings, dimension, sheet view (with the top
    /// <see cref="SheetLayout.FrozenRows"/> rows frozen), row outline depth and column widths (characters).
    /// </summary>
    public void WriteStart(int rowCount, IReadOnlyList<double> columnWidths, SheetLayout layout)
    {
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        if (layout.MaxOutlineLevel > 0)
        {
            _writer.WriteElement(new SheetProperties(new OutlineProperties { SummaryBelow = layout.SummaryBelow }));
        }

        if (rowCount > 0 && columnWidths.Count > 0)
        {
            var reference = "A1:" + _columnNames[^1] + Math.Min(rowCount, MaxRows).ToString(CultureInfo.InvariantCulture);
            _writer.WriteElement(new SheetDimension { Reference = reference });
        }

        var view = new SheetView { WorkbookViewId = 0U };
        if (layout.FrozenRows > 0 && layout.FrozenRows < MaxRows)
        {
            var topLeft = "A" + (layout.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
            view.Append(
                new Pane { VerticalSplit = layout.FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }

        _writer.WriteElement(new SheetViews(view));
        var format = new SheetFormatProperties { DefaultRowHeight = 15 };
        if (layout.MaxOutlineLevel > 0)
        {
            format.OutlineLevelRow = (byte)Math.Min(layout.MaxOutlineLevel, SheetGrid.MaxOutline);
        }

        _writer.WriteElement(format);
        if (columnWidths.Count > 0)
        {
            _writer.WriteStartElement(new Columns());
            var column = new Column();
            for (var c = 0; c < columnWidths.Count; c++)
            {
                var index = (c + 1).ToString(CultureInfo.InvariantCulture);
                _writer.WriteStartElement(column, [
                    new OpenXmlAttribute("min", string.Empty, index),
                    new OpenXmlAttribute("max", string.Empty, index),
                    new OpenXmlAttribute("width", string.Empty, columnWidths[c].ToString(CultureInfo.InvariantCulture)),
                    new OpenXmlAttribute("customWidth", string.Empty, "1"),
                ]);
                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>Writes row <paramref name="rowNumber"/> (1-based, increasing) with its height in points and cells.</summary>
    public void WriteRow(int rowNumber, double height, XlsxCell[]? cells) => WriteRow(rowNumber, height, cells, 0);

    /// <summary>As <see cref="WriteRow(int, double, XlsxCell[])"/>, with the row's outline level (0: none, at most 7).</summary>
    public void WriteRow(int rowNumber, double height, XlsxCell[]? cells, int outlineLevel)
    {
        if (rowNumber <= _lastRowNumber || rowNumber > MaxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(rowNumber), rowNumber, "Rows must be written in increasing order within Excel's limit.");
        }

        _lastRowNumber = rowNumber;
        var rowText = rowNumber.ToString(CultureInfo.InvariantCulture);
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, rowText));
        _attributes.Add(new OpenXmlAttribute("ht", string.Empty, height.ToString(CultureInfo.InvariantCulture)));
        _attributes.Add(_customHeight);
        if (outlineLevel > 0)
        {
            _attributes.Add(_outlineLevels[Math.Min(outlineLevel, SheetGrid.MaxOutline)]);
        }

        _writer.WriteStartElement(_row, _attributes, NoNamespaces);
        if (cells is not null)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].HasContent)
                {
                    WriteCell(string.Concat(_columnNames[c], rowText), in cells[c]);
                }
            }
        }

        _writer.WriteEndElement();
    }

    /// <summary>Closes the sheet data and writes the merged ranges (clipped to Excel's row limit).</summary>
    public void WriteEnd(IReadOnlyList<MergeRange> merges) => WriteEnd(merges, []);

    /// <summary>Closes the sheet data and writes the merged ranges (clipped to Excel's row limit) and hyperlinks.</summary>
    public void WriteEnd(IReadOnlyList<MergeRange> merges, IReadOnlyList<SheetHyperlink> hyperlinks)
    {
        _writer.WriteEndElement(); // sheetData
        var valid = merges
            .Where(m => m.FirstRow < MaxRows)
            .Select(m => m with { LastRow = Math.Min(m.LastRow, MaxRows - 1) })
            .Where(m => m.LastRow > m.FirstRow || m.LastColumn > m.FirstColumn)
            .ToList();
        if (valid.Count > 0)
        {
            _writer.WriteStartElement(new MergeCells(), [
                new OpenXmlAttribute("count", string.Empty, valid.Count.ToString(CultureInfo.InvariantCulture)),
            ]);
            var mergeCell = new MergeCell();
            foreach (var m in valid)
            {
                var reference = string.Concat(
                    _columnNames[m.FirstColumn],
                    (m.FirstRow + 1).ToString(CultureInfo.InvariantCulture),
                    ":",
                    _columnNames[m.LastColumn] + (m.LastRow + 1).ToString(CultureInfo.InvariantCulture));
                _writer.WriteStartElement(mergeCell, [new OpenXmlAttribute("ref", string.Empty, reference)]);
                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        var links = hyperlinks.Where(h => h.Row < MaxRows && h.Column < _columnNames.Length).ToList();
        if (links.Count > 0)
        {
            _writer.WriteStartElement(new Hyperlinks());
            foreach (var link in links)
            {
                var hyperlink = new Hyperlink { Reference = _columnNames[link.Column] + (link.Row + 1).ToString(CultureInfo.InvariantCulture) };
                if (link.RelationshipId is not null)
                {
                    hyperlink.Id = link.RelationshipId;
                }

                if (link.Location is not null)
                {
                    hyperlink.Location = link.Location;
                }

                if (link.Display is not null)
                {
                    hyperlink.Display = SharedStrings.Escape(link.Display);
                }

                _writer.WriteElement(hyperlink);
            }

            _writer.WriteEndElement();
        }

        _writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        if (DrawingRelationshipId is { } drawing)
        {
            _writer.WriteElement(new Drawing { Id = drawing });
        }

        _writer.WriteEndElement(); // worksheet
        _writer.Close();
    }

    /// <summary>Relationship id of the sheet's drawing (charts as pictures), written after the page margins; null for none.</summary>
    public string? DrawingRelationshipId { get; set; }

    public void Dispose() => _writer.Dispose();

    private void WriteCell(string reference, in XlsxCell cell)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, reference));
        if (cell.Style != 0)
        {
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, StyleText(cell.Style)));
        }

        string? valueText = null;
        switch (cell.Value.Kind)
        {
            case ExcelValueKind.Blank:
                break;
            case ExcelValueKind.Text:
                _attributes.Add(_sharedStringType);
                valueText = _sharedStrings.GetIndex(cell.Value.Text!).ToString(CultureInfo.InvariantCulture);
                break;
            case ExcelValueKind.Boolean:
                _attributes.Add(_booleanType);
                valueText = cell.Value.FormatNumber();
                break;
            default:
                valueText = cell.Value.FormatNumber(); // numbers and dates: no t attribute (Number).
                break;
        }

        _writer.WriteStartElement(_cell, _attributes, NoNamespaces);
        if (valueText is not null)
        {
            _writer.WriteStartElement(_value);
            _writer.WriteString(valueText);
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
    }

    private string StyleText(uint style)
    {
        while (_styleTexts.Count <= style)
        {
            _styleTexts.Add(_styleTexts.Count.ToString(CultureInfo.InvariantCulture));
        }

        return _styleTexts[(int)style];
    }

    /// <summary>
    /// A reusable attribute list that is its own enumerator, so handing it to <see cref="OpenXmlWriter"/> for every
    /// cell allocates nothing (a List would box a new enumerator per element). Enumerate one at a time only.
    /// </summary>
    private sealed class AttributeBuffer : IEnumerable<OpenXmlAttribute>, IEnumerator<OpenXmlAttribute>
    {
        private readonly OpenXmlAttribute[] _items = new OpenXmlAttribute[4];
        private int _count;
        private int _position = -1;

        public OpenXmlAttribute Current => _items[_position];

        object System.Collections.IEnumerator.Current => Current;

        public void Clear() => _count = 0;

        public void Add(OpenXmlAttribute attribute) => _items[_count++] = attribute;

        public IEnumerator<OpenXmlAttribute> GetEnumerator()
        {
            _position = -1;
            return this;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public bool MoveNext() => ++_position < _count;

        public void Reset() => _position = -1;

        public void Dispose()
        {
        }
    }
}

/// <summary>Sheet-level settings written before the rows.</summary>
internal readonly record struct SheetLayout(int FrozenRows, int MaxOutlineLevel, bool SummaryBelow);

/// <summary>
/// A hyperlink on the cell at (<see cref="Row"/>, <see cref="Column"/>), 0-based: external through a relationship
/// (<see cref="RelationshipId"/>) or to a place in the workbook (<see cref="Location"/>, e.g. <c>'Sheet 1'!A5</c>).
/// </summary>
internal readonly record struct SheetHyperlink(int Row, int Column, string? RelationshipId, string? Location, string? Display);
