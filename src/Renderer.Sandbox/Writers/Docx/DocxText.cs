using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using TextAlignment = Renderer.Sandbox.Pages.TextAlignment;
using TextItem = Renderer.Sandbox.Pages.TextItem;

namespace Renderer.Sandbox.Writers.Docx;

/// <summary>Paragraphs and runs for text items: font, size, weight, slant, underline, color, alignment, line breaks.</summary>
internal static class DocxText
{
    public static Paragraph Paragraph(TextItem item)
    {
        var paragraph = new Paragraph(Properties(item));
        var lines = Clean(item.Text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var run = new Run(RunProperties(item.Style));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>Paragraph properties without space after (Word's default adds 8 pt below each paragraph).</summary>
    public static ParagraphProperties CompactSpacing() => new(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto });

    private static ParagraphProperties Properties(TextItem item)
    {
        var properties = CompactSpacing();
        var align = item.Style.Align;
        if (align == TextAlignment.General)
        {
            align = item.Value is string or null or bool ? TextAlignment.Left : TextAlignment.Right;
        }

        properties.Append(new Justification
        {
            Val = align switch
            {
                TextAlignment.Right => JustificationValues.Right,
                TextAlignment.Center => JustificationValues.Center,
                _ => JustificationValues.Left,
            },
        });
        return properties;
    }

    private static RunProperties RunProperties(TextStyle style)
    {
        // Child order follows CT_RPr: rFonts, b, i, color, sz, u.
        var properties = new RunProperties(new RunFonts { Ascii = style.FontFamily, HighAnsi = style.FontFamily, ComplexScript = style.FontFamily });
        if (style.Bold)
        {
            properties.Append(new Bold());
        }

        if (style.Italic)
        {
            properties.Append(new Italic());
        }

        if (!style.Color.IsTransparent)
        {
            properties.Append(new Color { Val = style.Color.ToHex() });
        }

        properties.Append(new FontSize { Val = Math.Max(2, (int)Math.Round(style.FontSize * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (style.Underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return properties;
    }

    /// <summary>Drops characters XML cannot carry (control characters other than tab and line breaks).</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
