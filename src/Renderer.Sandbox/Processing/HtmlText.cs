using System.Globalization;
using System.Text;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// The text of a placeholder whose MarkupType is HTML, in SSRS's subset (A, FONT, H1-H6, DIV, SPAN, P, LI, OL, UL, B, I,
/// U, S, BR; STRONG and EM too): tags are removed, block elements (P, DIV, H1-H6, LI, UL, OL) and BR start new lines,
/// list items get a bullet (UL) or their number (OL), runs of white space collapse to one space, and character
/// references (numeric ones, and <c>amp lt gt quot apos nbsp mdash ndash hellip copy reg euro laquo raquo</c>) are decoded. Styling (bold, colours, fonts, CSS)
/// is not applied: the textbox draws the text in its own style.
/// </summary>
/// <remarks>
/// A small tolerant scanner of our own, not an XML or HTML parser: it never reads a DTD or resolves an entity other
/// than the HTML character references above, and its work is linear in the input, which is bounded
/// (<see cref="MaxLength"/>). Markup it cannot make sense of (a tag left open at the end, a closing tag that matches no
/// open element, a comment or declaration) makes it give up: <see cref="TryConvert"/> returns false and the caller shows
/// the raw value as plain text, with a warning.
/// </remarks>
internal static class HtmlText
{
    /// <summary>Values longer than this (in characters) are not parsed: they are shown as they are, with a warning.</summary>
    public const int MaxLength = 100_000;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol" };

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase) { "a", "font", "span", "b", "i", "u", "s", "strong", "em" };

    /// <summary>The plain text of <paramref name="html"/>; false (and <paramref name="text"/> = the input) when the markup is malformed.</summary>
    public static bool TryConvert(string html, out string text)
    {
        text = html;
        if (html.Length > MaxLength) return false;
        var output = new StringBuilder(html.Length);
        var open = new Stack<string>();
        var lists = new Stack<(bool Ordered, int Next)>();
        bool pendingSpace = false;
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '<')
            {
                int end = html.IndexOf('>', i + 1);
                if (end < 0) return false;
                var tag = html.AsSpan(i + 1, end - i - 1).Trim();
                i = end + 1;
                if (tag.Length == 0 || tag[0] == '!' || tag[0] == '?') return false;
                bool closing = tag[0] == '/';
                if (closing) tag = tag[1..].TrimStart();
                bool selfClosing = !closing && tag.Length > 0 && tag[^1] == '/';
                int nameEnd = 0;
                while (nameEnd < tag.Length && char.IsAsciiLetterOrDigit(tag[nameEnd])) nameEnd++;
                if (nameEnd == 0) return false;
                var name = tag[..nameEnd].ToString().ToLowerInvariant();
                if (name == "br")
                {
                    output.Append('\n');
                    pendingSpace = false;
                    continue;
                }
                bool block = Blocks.Contains(name);
                if (!block && !Inline.Contains(name)) continue; // outside SSRS's subset: dropped, its text kept
                if (closing)
                {
                    if (!open.Contains(name)) return false;
                    while (open.Pop() != name) { }
                    if (name is "ul" or "ol" && lists.Count > 0) lists.Pop();
                    if (block) NewLine(output);
                    pendingSpace = pendingSpace && !block;
                    continue;
                }
                if (selfClosing) continue;
                open.Push(name);
                if (!block) continue;
                NewLine(output);
                pendingSpace = false;
                if (name is "ul" or "ol") lists.Push((name == "ol", 1));
                else if (name == "li")
                {
                    if (lists.Count > 0 && lists.Peek().Ordered)
                    {
                        var (ordered, next) = lists.Pop();
                        lists.Push((ordered, next + 1));
                        output.Append(next.ToString(CultureInfo.InvariantCulture)).Append(". ");
                    }
                    else
                    {
                        output.Append("\u2022 ");
                    }
                }
                continue;
            }
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                pendingSpace = true;
                i++;
                continue;
            }
            if (pendingSpace && output.Length > 0 && output[^1] != '\n' && output[^1] != ' ') output.Append(' ');
            pendingSpace = false;
            if (c == '&') i = AppendReference(html, i, output);
            else
            {
                output.Append(c);
                i++;
            }
        }
        text = output.ToString().Trim('\n', ' ');
        return true;
    }

    private static void NewLine(StringBuilder output)
    {
        while (output.Length > 0 && output[^1] == ' ') output.Length--;
        if (output.Length > 0 && output[^1] != '\n') output.Append('\n');
    }

    /// <summary>Appends the character reference at <paramref name="start"/> (or a literal '&amp;'); returns the index after it.</summary>
    private static int AppendReference(string html, int start, StringBuilder output)
    {
        int end = html.IndexOf(';', start + 1);
        if (end < 0 || end - start > 10)
        {
            output.Append('&');
            return start + 1;
        }
        var name = html.AsSpan(start + 1, end - start - 1);
        string? value = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u00A0",
            "mdash" => "\u2014",
            "ndash" => "\u2013",
            "hellip" => "\u2026",
            "copy" => "\u00A9",
            "reg" => "\u00AE",
            "euro" => "\u20AC",
            "laquo" => "\u00AB",
            "raquo" => "\u00BB",
            _ => null,
        };
        if (value is null && name.Length > 1 && name[0] == '#')
        {
            bool hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
                value = char.ConvertFromUtf32(code);
        }
        if (value is null)
        {
            output.Append('&');
            return start + 1;
        }
        output.Append(value);
        return end + 1;
    }
}
