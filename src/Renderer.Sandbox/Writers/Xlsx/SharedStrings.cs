using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

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

    public void WriteTo(Stream part)
    {
        using var writer = OpenXmlWriter.Create(part, XlsxPackage.Utf8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new SharedStringTable(), [
            new OpenXmlAttribute("count", string.Empty, ReferenceCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("uniqueCount", string.Empty, UniqueCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        var item = new SharedStringItem();
        var text = new Text();
        OpenXmlAttribute[] preserve = [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
        foreach (var s in _strings)
        {
            writer.WriteStartElement(item);
            var escaped = Escape(s);
            writer.WriteStartElement(text, NeedsPreserve(escaped) ? preserve : []);
            writer.WriteString(escaped);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Close();
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
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' ? IsEscapeSequence(text, i) : IsInvalidXmlChar(c) && !IsValidPair(text, i))
            {
                return true;
            }
        }

        return false;
    }

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
