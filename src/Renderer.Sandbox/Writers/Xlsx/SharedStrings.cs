using System.Text;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// The workbook's shared string table, written after the sheet. Chosen over inline strings because report columns
/// repeat the same texts (group labels, codes, headers): each distinct text is stored once, the file is smaller and
/// this is the form Excel itself writes. The table only references strings the page model already holds, so its cost
/// is one dictionary entry per distinct text.
/// </summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private Dictionary<int, Pages.RichText>? _rich; // entries of _strings written as rich text (their plain text is kept for the count)

    /// <summary>Number of cells referring to the table.</summary>
    public int ReferenceCount { get; private set; }

    public int UniqueCount => _strings.Count;

    public int GetIndex(string text)
    {
        ReferenceCount++;
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _strings.Count;
            _strings.Add(text);
            _indexes[text] = index;
        }

        return index;
    }

    /// <summary>A rich-text entry (runs with their own fonts): each is its own entry, not shared with equal plain text.</summary>
    public int GetIndex(Pages.RichText rich)
    {
        ReferenceCount++;
        var index = _strings.Count;
        _strings.Add(rich.PlainText);
        (_rich ??= [])[index] = rich;
        return index;
    }

    /// <summary>Writes the table as the shared strings part (the stream stays open).</summary>
    public void WriteTo(Stream part)
    {
        using var xml = new Utf8XmlWriter(part);
        xml.WriteRaw(WorksheetWriter.XmlDeclaration);
        xml.WriteRaw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""u8);
        xml.WriteNumber(ReferenceCount);
        xml.WriteRaw("\" uniqueCount=\""u8);
        xml.WriteNumber(UniqueCount);
        xml.WriteRaw("\">"u8);
        for (var i = 0; i < _strings.Count; i++)
        {
            var s = _strings[i];
            if (_rich is not null && _rich.TryGetValue(i, out var rich))
            {
                RichStringWriter.Write(xml, rich);
                continue;
            }

            var escaped = Escape(s);
            xml.WriteRaw(NeedsPreserve(escaped) ? "<si><t xml:space=\"preserve\">"u8 : "<si><t>"u8);
            xml.WriteText(escaped);
            xml.WriteRaw("</t></si>"u8);
        }

        xml.WriteRaw("</sst>"u8);
    }

    /// <summary>
    /// Escapes characters XML cannot carry as Excel's <c>_xHHHH_</c> sequences (and protects literal ones with
    /// <c>_x005F_</c>), as ECMA-376 ST_Xstring requires.
    /// </summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsEscapeSequence(text, i))
            {
                sb.Append("_x005F");
                sb.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (IsInvalidXmlChar(c))
            {
                sb.Append("_x").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        // Fast path (vectorized): no underscore, no control character and nothing from the surrogates up.
        var span = text.AsSpan();
        var first = span.IndexOfAny(EscapeCandidates);
        var high = span.IndexOfAnyInRange('\uD800', '\uFFFF');
        if (first < 0 && high < 0)
        {
            return false;
        }

        var start = first < 0 ? high : high < 0 ? first : Math.Min(first, high);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' ? IsEscapeSequence(text, i) : IsInvalidXmlChar(c) && !IsValidPair(text, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ASCII characters that may need an <c>_xHHHH_</c> escape: the underscore and C0 controls but tab, LF, CR.</summary>
    private static readonly System.Buffers.SearchValues<char> EscapeCandidates = System.Buffers.SearchValues.Create(
        "_\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static bool IsValidPair(string text, int i)
        => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
        || char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);

    private static bool IsInvalidXmlChar(char c)
        => c < 0x20 ? c is not ('\t' or '\n' or '\r') : c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    private static bool IsEscapeSequence(string text, int i)
    {
        if (i + 6 >= text.Length || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_')
        {
            return false;
        }

        for (var k = i + 2; k < i + 6; k++)
        {
            if (!char.IsAsciiHexDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsPreserve(string text)
        => text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n') || text.Contains("  ", StringComparison.Ordinal));
}
