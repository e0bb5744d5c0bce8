using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Renderer.Sandbox.Pages;
using PageBorderStyle = Renderer.Sandbox.Pages.BorderStyle;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Collects the cell formats the sheet needs and builds the styles part. Fonts, fills, borders, number formats and
/// cell formats are each deduplicated, so a million cells with five looks produce five cell formats.
/// Font 0 is Calibri 11: column widths (<see cref="SheetGrid.PointsPerCharacter"/>) are measured in its digits.
/// </summary>
internal sealed class StylesheetBuilder
{
    /// <summary>First id Excel leaves for custom number formats.</summary>
    private const uint FirstCustomNumberFormatId = 164;

    private const string DefaultFontName = "Calibri";
    private const double DefaultFontSize = 11;

    private readonly Dictionary<(TextStyle? Text, BoxStyle Box, string? Format, bool Wrap), uint> _cache = [];
    private readonly Dictionary<FontKey, int> _fonts = [];
    private readonly Dictionary<string, int> _fills = new(StringComparer.Ordinal);
    private readonly Dictionary<BorderKey, int> _borders = [];
    private readonly Dictionary<string, uint> _numberFormats = new(StringComparer.Ordinal);
    private readonly Dictionary<XfKey, uint> _cellFormats = [];

    private readonly List<FontKey> _fontList = [new(DefaultFontName, DefaultFontSize, false, false, false, null)];
    private readonly List<string?> _fillList = [null, null]; // 0: none, 1: gray125 (both required by Excel).
    private readonly List<BorderKey> _borderList = [default];
    private readonly List<XfKey> _cellFormatList = [DefaultCellFormat];

    public StylesheetBuilder()
    {
        _fonts[_fontList[0]] = 0;
        _borders[default] = 0;
        _cellFormats[DefaultCellFormat] = 0;
    }

    private static XfKey DefaultCellFormat => new(0, 0, 0, 0, TextAlignment.General, VerticalAlignment.Bottom, false);

    /// <summary>Number of cell formats so far (index 0 is the default format).</summary>
    public int CellFormatCount => _cellFormatList.Count;

    /// <summary>
    /// The cell format index for a cell with the given text style (null: default font, for rectangles), box (fill and
    /// borders), Excel number format code (null: General) and wrapping.
    /// </summary>
    public uint GetStyleIndex(TextStyle? text, BoxStyle box, string? numberFormat, bool wrap)
    {
        var cacheKey = (text, box, numberFormat, wrap);
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var key = new XfKey(
            text is null ? 0 : GetFontId(text),
            GetFillId(box.Background),
            GetBorderId(box),
            GetNumberFormatId(numberFormat),
            text?.Align ?? TextAlignment.General,
            text?.VerticalAlign ?? VerticalAlignment.Bottom,
            wrap);
        if (!_cellFormats.TryGetValue(key, out var index))
        {
            index = (uint)_cellFormatList.Count;
            _cellFormatList.Add(key);
            _cellFormats[key] = index;
        }

        _cache[cacheKey] = index;
        return index;
    }

    /// <summary>The number format id for a code: built-in ids where Excel has one, custom ids from 164 otherwise.</summary>
    public uint GetNumberFormatId(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return 0;
        }

        if (ExcelNumberFormat.TryGetBuiltInId(code, out var builtIn))
        {
            return builtIn;
        }

        if (!_numberFormats.TryGetValue(code, out var id))
        {
            id = FirstCustomNumberFormatId + (uint)_numberFormats.Count;
            _numberFormats[code] = id;
        }

        return id;
    }

    public Stylesheet Build()
    {
        var stylesheet = new Stylesheet();
        if (_numberFormats.Count > 0)
        {
            var formats = new NumberingFormats { Count = (uint)_numberFormats.Count };
            foreach (var (code, id) in _numberFormats.OrderBy(p => p.Value))
            {
                formats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
            }

            stylesheet.Append(formats);
        }

        var fonts = new Fonts { Count = (uint)_fontList.Count };
        fonts.Append(_fontList.Select(BuildFont));
        var fills = new Fills { Count = (uint)_fillList.Count };
        fills.Append(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        fills.Append(_fillList.Skip(2).Select(rgb => new Fill(new PatternFill(
            new ForegroundColor { Rgb = "FF" + rgb },
            new BackgroundColor { Indexed = 64 })
        { PatternType = PatternValues.Solid })));
        var borders = new Borders { Count = (uint)_borderList.Count };
        borders.Append(_borderList.Select(BuildBorder));
        var cellFormats = new CellFormats { Count = (uint)_cellFormatList.Count };
        cellFormats.Append(_cellFormatList.Select(BuildCellFormat));

        stylesheet.Append(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            new DifferentialFormats { Count = 0 });
        return stylesheet;
    }

    private int GetFontId(TextStyle text)
    {
        var name = string.IsNullOrWhiteSpace(text.FontFamily) ? DefaultFontName : text.FontFamily;
        var size = text.FontSize > 0 ? Math.Clamp(Math.Round(text.FontSize, 2), 1, 409) : DefaultFontSize;
        var color = text.Color.IsTransparent || text.Color == Rgba.Black ? null : text.Color.ToHex();
        var key = new FontKey(name, size, text.Bold, text.Italic, text.Underline, color);
        return GetOrAdd(_fonts, _fontList, key);
    }

    private int GetFillId(Rgba background)
    {
        if (background.IsTransparent)
        {
            return 0;
        }

        var rgb = background.ToHex();
        if (!_fills.TryGetValue(rgb, out var id))
        {
            id = _fillList.Count;
            _fillList.Add(rgb);
            _fills[rgb] = id;
        }

        return id;
    }

    private int GetBorderId(BoxStyle box)
    {
        var key = new BorderKey(ToSide(box.Left), ToSide(box.Right), ToSide(box.Top), ToSide(box.Bottom));
        return key == default ? 0 : GetOrAdd(_borders, _borderList, key);
    }

    private static int GetOrAdd<T>(Dictionary<T, int> map, List<T> list, T key)
        where T : notnull
    {
        if (!map.TryGetValue(key, out var id))
        {
            id = list.Count;
            list.Add(key);
            map[key] = id;
        }

        return id;
    }

    private static SideKey ToSide(BorderSide side)
    {
        if (!side.IsVisible)
        {
            return default;
        }

        var style = side.Style switch
        {
            PageBorderStyle.Dashed => side.Width > 1.5 ? SideStyle.MediumDashed : SideStyle.Dashed,
            PageBorderStyle.Dotted => SideStyle.Dotted,
            PageBorderStyle.Double => SideStyle.Double,
            _ => side.Width <= 1.0 ? SideStyle.Thin : side.Width <= 2.0 ? SideStyle.Medium : SideStyle.Thick,
        };
        return new SideKey(style, side.Color.ToHex());
    }

    private static Font BuildFont(FontKey key)
    {
        // CT_Font children in schema order: b, i, u, sz, color, name.
        var font = new Font();
        if (key.Bold)
        {
            font.Append(new Bold());
        }

        if (key.Italic)
        {
            font.Append(new Italic());
        }

        if (key.Underline)
        {
            font.Append(new Underline());
        }

        font.Append(new FontSize { Val = key.Size });
        if (key.Color is not null)
        {
            font.Append(new Color { Rgb = "FF" + key.Color });
        }

        font.Append(new FontName { Val = key.Name });
        return font;
    }

    private static Border BuildBorder(BorderKey key)
    {
        var border = new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder());
        SetSide((BorderPropertiesType)border.ChildElements[0], key.Left);
        SetSide((BorderPropertiesType)border.ChildElements[1], key.Right);
        SetSide((BorderPropertiesType)border.ChildElements[2], key.Top);
        SetSide((BorderPropertiesType)border.ChildElements[3], key.Bottom);
        return border;
    }

    private static void SetSide(BorderPropertiesType element, SideKey side)
    {
        if (side.Style == SideStyle.None)
        {
            return;
        }

        element.Style = side.Style switch
        {
            SideStyle.Thin => BorderStyleValues.Thin,
            SideStyle.Medium => BorderStyleValues.Medium,
            SideStyle.Thick => BorderStyleValues.Thick,
            SideStyle.Dashed => BorderStyleValues.Dashed,
            SideStyle.MediumDashed => BorderStyleValues.MediumDashed,
            SideStyle.Dotted => BorderStyleValues.Dotted,
            _ => BorderStyleValues.Double,
        };
        element.Color = new Color { Rgb = "FF" + side.Color };
    }

    private static CellFormat BuildCellFormat(XfKey key)
    {
        var format = new CellFormat
        {
            NumberFormatId = key.NumberFormat,
            FontId = (uint)key.Font,
            FillId = (uint)key.Fill,
            BorderId = (uint)key.Border,
            FormatId = 0,
        };
        if (key.NumberFormat != 0)
        {
            format.ApplyNumberFormat = true;
        }

        if (key.Font != 0)
        {
            format.ApplyFont = true;
        }

        if (key.Fill != 0)
        {
            format.ApplyFill = true;
        }

        if (key.Border != 0)
        {
            format.ApplyBorder = true;
        }

        var horizontal = key.Horizontal switch
        {
            TextAlignment.Left => HorizontalAlignmentValues.Left,
            TextAlignment.Center => HorizontalAlignmentValues.Center,
            TextAlignment.Right => HorizontalAlignmentValues.Right,
            _ => (HorizontalAlignmentValues?)null, // General: numbers right, text left, as Excel decides.
        };
        var vertical = key.Vertical switch
        {
            VerticalAlignment.Top => VerticalAlignmentValues.Top,
            VerticalAlignment.Middle => VerticalAlignmentValues.Center,
            _ => (VerticalAlignmentValues?)null, // Bottom is Excel's default.
        };
        if (horizontal is not null || vertical is not null || key.Wrap)
        {
            var alignment = new Alignment();
            if (horizontal is { } h)
            {
                alignment.Horizontal = h;
            }

            if (vertical is { } v)
            {
                alignment.Vertical = v;
            }

            if (key.Wrap)
            {
                alignment.WrapText = true;
            }

            format.Append(alignment);
            format.ApplyAlignment = true;
        }

        return format;
    }

    private readonly record struct FontKey(string Name, double Size, bool Bold, bool Italic, bool Underline, string? Color);

    private enum SideStyle : byte
    {
        None,
        Thin,
        Medium,
        Thick,
        Dashed,
        MediumDashed,
        Dotted,
        Double,
    }

    private readonly record struct SideKey(SideStyle Style, string? Color);

    private readonly record struct BorderKey(SideKey Left, SideKey Right, SideKey Top, SideKey Bottom);

    private readonly record struct XfKey(
        int Font,
        int Fill,
        int Border,
        uint NumberFormat,
        TextAlignment Horizontal,
        VerticalAlignment Vertical,
        bool Wrap);
}
