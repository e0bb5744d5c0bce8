using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// A placeholder whose MarkupType is HTML, in SSRS's subset (A, FONT, H1-H6, DIV, SPAN, P, LI, OL, UL, B, I, U, S, BR;
/// STRONG, EM and STRIKE too), read into styled paragraphs (<see cref="RichText"/>): block elements (P, DIV, H1-H6, LI,
/// UL, OL) and BR start paragraphs, list items get a bullet (UL) or their number (OL) and an indent per list level, runs
/// of white space collapse to one space, and character references (numeric ones, and <c>amp lt gt quot apos nbsp mdash
/// ndash hellip copy reg euro laquo raquo</c>) are decoded. B, I, U, S, headings, FONT (face, size, color) and the CSS
/// of a <c>style</c> attribute (<see cref="HtmlCss"/>) style the runs; A's href becomes the run's link only when it is an
/// absolute http, https or mailto URL (<see cref="SafeLinks"/>).
/// </summary>
/// <remarks>
/// A small tolerant scanner of our own, not an XML or HTML parser: it never reads a DTD or resolves an entity other
/// than the HTML character references above, and its work is linear in the input, which is bounded
/// (<see cref="MaxLength"/>, <see cref="MaxDepth"/>). Markup it cannot make sense of (a tag left open at the end, a
/// closing tag that matches no open element, a comment or declaration, nesting deeper than <see cref="MaxDepth"/>) makes
/// it give up: <see cref="TryParse"/> returns false and the caller shows the raw value as plain text, with a warning.
/// Elements outside the subset are dropped and their text kept.
/// </remarks>
internal static class HtmlText
{
    /// <summary>Values longer than this (in characters) are not parsed: they are shown as they are, with a warning.</summary>
    public const int MaxLength = 100_000;

    /// <summary>Elements open at once beyond this make the markup malformed.</summary>
    public const int MaxDepth = 64;

    /// <summary>Indent of each list level, in points (SSRS indents list items by about a quarter inch).</summary>
    public const double ListIndent = 18;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol" };

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase) { "a", "font", "span", "b", "i", "u", "s", "strong", "em", "strike" };

    /// <summary>The plain text of <paramref name="html"/>; false (and <paramref name="text"/> = the input) when the markup is malformed.</summary>
    public static bool TryConvert(string html, out string text)
    {
        if (TryParse(html, TextStyle.Default, out var rich))
        {
            text = rich.PlainText;
            return true;
        }
        text = html;
        return false;
    }

    /// <summary>
    /// The styled paragraphs of <paramref name="html"/>, its runs styled from <paramref name="style"/> (the placeholder's
    /// own style); false when the markup is malformed or too long.
    /// </summary>
    public static bool TryParse(string html, TextStyle style, out RichText rich)
    {
        rich = new RichText([]);
        if (html.Length > MaxLength) return false;
        var parser = new Parser(style);
        if (!parser.Run(html)) return false;
        rich = parser.Result();
        return true;
    }

    /// <summary>An element open while scanning: its name, the style its content takes, and its paragraph layout.</summary>
    private sealed record Open(string Name, TextStyle Style, Block Block, string? Link);

    /// <summary>The paragraph layout inside a block element (inherited by nested blocks; indents add up).</summary>
    private sealed record Block(TextAlignment Align, double LeftIndent, double FirstLineIndent, double SpaceBefore, double SpaceAfter);

    private sealed class Parser(TextStyle start)
    {
        private readonly TextStyle baseStyle = start;
        private readonly List<Open> _open = [];
        private readonly List<(bool Ordered, int Next)> _lists = [];
        private readonly List<RichParagraph> _paragraphs = [];
        private readonly List<RichRun> _runs = [];
        private readonly StringBuilder _run = new();
        private TextStyle _runStyle = start;
        private string? _runLink;
        private Block _paragraphBlock = new(TextAlignment.General, 0, 0, 0, 0);
        private bool _pendingSpace;
        private TextStyle _spaceStyle = start;
        private string? _spaceLink;
        private bool _hasText;

        private TextStyle Style => _open.Count > 0 ? _open[^1].Style : baseStyle;

        private Block CurrentBlock => _open.Count > 0 ? _open[^1].Block : new(TextAlignment.General, 0, 0, 0, 0);

        private string? Link => _open.Count > 0 ? _open[^1].Link : null;

        public bool Run(string html)
        {
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
                    if (!Tag(tag)) return false;
                    continue;
                }
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    if (!_pendingSpace) (_spaceStyle, _spaceLink) = (Style, Link);
                    _pendingSpace = true;
                    i++;
                    continue;
                }
                if (_pendingSpace && _hasText && !EndsWithSpace()) Append(" ", _spaceStyle, _spaceLink);
                _pendingSpace = false;
                if (c == '&') i = AppendReference(html, i);
                else
                {
                    Append(html.AsSpan(i, 1));
                    i++;
                }
            }
            EndParagraph(force: false);
            return true;
        }

        public RichText Result()
        {
            while (_paragraphs.Count > 0 && _paragraphs[^1].Runs.IsEmpty) _paragraphs.RemoveAt(_paragraphs.Count - 1);
            while (_paragraphs.Count > 0 && _paragraphs[0].Runs.IsEmpty) _paragraphs.RemoveAt(0);
            return new RichText([.. _paragraphs]);
        }

        private bool Tag(ReadOnlySpan<char> tag)
        {
            if (tag.Length == 0 || tag[0] == '!' || tag[0] == '?') return false;
            bool closing = tag[0] == '/';
            if (closing) tag = tag[1..].TrimStart();
            bool selfClosing = !closing && tag.Length > 0 && tag[^1] == '/';
            if (selfClosing) tag = tag[..^1];
            int nameEnd = 0;
            while (nameEnd < tag.Length && char.IsAsciiLetterOrDigit(tag[nameEnd])) nameEnd++;
            if (nameEnd == 0) return false;
            var name = tag[..nameEnd].ToString().ToLowerInvariant();
            if (name == "br")
            {
                EndParagraph(force: true);
                return true;
            }
            bool block = Blocks.Contains(name);
            if (!block && !Inline.Contains(name)) return true; // outside SSRS's subset: dropped, its text kept
            if (closing)
            {
                int index = _open.FindLastIndex(o => o.Name == name);
                if (index < 0) return false;
                for (int k = _open.Count - 1; k >= index; k--)
                {
                    if (_open[k].Name is "ul" or "ol" && _lists.Count > 0) _lists.RemoveAt(_lists.Count - 1);
                    _open.RemoveAt(k);
                }
                if (block)
                {
                    EndParagraph(force: false);
                    _pendingSpace = false;
                }
                return true;
            }
            if (selfClosing) return true;
            if (_open.Count >= MaxDepth) return false;
            var attributes = HtmlCss.Attributes(tag[nameEnd..]);
            var style = ElementStyle(name, Style, attributes);
            var outer = CurrentBlock;
            var blockStyle = outer;
            string? link = Link;
            if (name == "a" && attributes.TryGetValue("href", out var href)) link = SafeLinks.Normalize(href);
            if (block)
            {
                EndParagraph(force: false);
                _pendingSpace = false;
                blockStyle = BlockLayout(name, outer, attributes, style);
            }
            _open.Add(new Open(name, style, blockStyle, link));
            if (name is "ul" or "ol") _lists.Add((name == "ol", 1));
            else if (name == "li") StartListItem();
            return true;
        }

        /// <summary>The style of an element's content: its tag's meaning (bold, heading size, FONT attributes) and its CSS.</summary>
        private static TextStyle ElementStyle(string name, TextStyle outer, Dictionary<string, string> attributes)
        {
            var style = name switch
            {
                "b" or "strong" => outer with { Bold = true, Weight = 0 },
                "i" or "em" => outer with { Italic = true },
                "u" => outer with { Underline = true },
                "s" or "strike" => outer with { LineThrough = true },
                "h1" => outer with { FontSize = outer.FontSize * 2, Bold = true, Weight = 0 },
                "h2" => outer with { FontSize = outer.FontSize * 1.5, Bold = true, Weight = 0 },
                "h3" => outer with { FontSize = outer.FontSize * 1.17, Bold = true, Weight = 0 },
                "h4" => outer with { Bold = true, Weight = 0 },
                "h5" => outer with { FontSize = outer.FontSize * 0.83, Bold = true, Weight = 0 },
                "h6" => outer with { FontSize = outer.FontSize * 0.67, Bold = true, Weight = 0 },
                _ => outer,
            };
            if (name == "font")
            {
                if (attributes.TryGetValue("face", out var face) && face.Trim().Length > 0) style = style with { FontFamily = face.Trim() };
                if (attributes.TryGetValue("size", out var size) && HtmlCss.FontTagSize(size, style.FontSize) is { } points) style = style with { FontSize = points };
                if (attributes.TryGetValue("color", out var color) && HtmlCss.Color(color) is { } rgba) style = style with { Color = rgba };
            }
            return attributes.TryGetValue("style", out var css) ? HtmlCss.ApplyText(css, style) : style;
        }

        /// <summary>The paragraph layout inside a block element: its CSS (text-align, text-indent, padding) and list indents.</summary>
        private static Block BlockLayout(string name, Block outer, Dictionary<string, string> attributes, TextStyle style)
        {
            var block = outer with { FirstLineIndent = 0, SpaceBefore = 0, SpaceAfter = 0 };
            if (name is "ul" or "ol") block = block with { LeftIndent = block.LeftIndent + ListIndent };
            if (attributes.TryGetValue("align", out var align) && HtmlCss.Align(align) is { } a) block = block with { Align = a };
            if (!attributes.TryGetValue("style", out var css)) return block;
            foreach (var (property, value) in HtmlCss.Declarations(css))
            {
                switch (property)
                {
                    case "text-align" when HtmlCss.Align(value) is { } textAlign: block = block with { Align = textAlign }; break;
                    case "text-indent" when HtmlCss.Length(value, style.FontSize) is { } indent: block = block with { FirstLineIndent = indent }; break;
                    case "padding-left" when HtmlCss.Length(value, style.FontSize) is { } left: block = block with { LeftIndent = outer.LeftIndent + left }; break;
                    case "padding-top" when HtmlCss.Length(value, style.FontSize) is { } top: block = block with { SpaceBefore = top }; break;
                    case "padding-bottom" when HtmlCss.Length(value, style.FontSize) is { } bottom: block = block with { SpaceAfter = bottom }; break;
                    case "padding" when HtmlCss.Padding(value, style.FontSize) is { } padding:
                        block = block with { SpaceBefore = padding.Top, LeftIndent = outer.LeftIndent + padding.Left, SpaceAfter = padding.Bottom };
                        break;
                }
            }
            return block;
        }

        private void StartListItem()
        {
            string marker;
            if (_lists.Count > 0 && _lists[^1].Ordered)
            {
                var (ordered, next) = _lists[^1];
                _lists[^1] = (ordered, next + 1);
                marker = next.ToString(CultureInfo.InvariantCulture) + ". ";
            }
            else
            {
                marker = "\u2022 ";
            }
            Append(marker);
        }

        private bool EndsWithSpace() => _run.Length > 0 ? _run[^1] == ' ' : _runs.Count > 0 && _runs[^1].Text.EndsWith(' ');

        private void Append(ReadOnlySpan<char> text) => Append(text, Style, Link);

        private void Append(ReadOnlySpan<char> text, TextStyle style, string? link)
        {
            if (!_hasText) _paragraphBlock = CurrentBlock;
            if (_run.Length > 0 && (!Equals(style, _runStyle) || link != _runLink)) FlushRun();
            _runStyle = style;
            _runLink = link;
            _run.Append(text);
            _hasText = true;
        }

        private void FlushRun()
        {
            if (_run.Length == 0) return;
            _runs.Add(new RichRun(_run.ToString(), _runStyle) { Link = _runLink });
            _run.Clear();
        }

        /// <summary>Ends the paragraph being built: always for BR (an empty line), else only when it has text.</summary>
        private void EndParagraph(bool force)
        {
            if (!_hasText && !force) return;
            FlushRun();
            while (_runs.Count > 0 && _runs[^1].Text.EndsWith(' '))
            {
                var trimmed = _runs[^1].Text.TrimEnd(' ');
                if (trimmed.Length == 0) _runs.RemoveAt(_runs.Count - 1);
                else _runs[^1] = _runs[^1] with { Text = trimmed };
            }
            var block = _hasText ? _paragraphBlock : CurrentBlock;
            _paragraphs.Add(new RichParagraph([.. _runs])
            {
                Align = block.Align,
                LeftIndent = block.LeftIndent,
                FirstLineIndent = block.FirstLineIndent,
                SpaceBefore = block.SpaceBefore,
                SpaceAfter = block.SpaceAfter,
            });
            _runs.Clear();
            _hasText = false;
            _pendingSpace = false;
        }

        /// <summary>Appends the character reference at <paramref name="start"/> (or a literal '&amp;'); returns the index after it.</summary>
        private int AppendReference(string html, int start)
        {
            int end = html.IndexOf(';', start + 1);
            if (end < 0 || end - start > 10)
            {
                Append("&");
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
                Append("&");
                return start + 1;
            }
            Append(value);
            return end + 1;
        }
    }
}
