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
    /// <summary>
    /// The item's text as a paragraph; with <paramref name="fields"/> (the text with <see cref="PageField"/> and
    /// <see cref="TotalPagesField"/> marking page numbers) those become Word's PAGE and NUMPAGES fields.
    /// </summary>
    public static Paragraph Paragraph(TextItem item, string? fields = null)
    {
        var paragraph = new Paragraph(Properties(item));
        var lines = Clean(fields ?? item.Text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var run = new Run(RunProperties(item.Style));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var line = lines[i];
            var start = 0;
            for (var k = 0; fields is not null && k < line.Length; k++)
            {
                if (line[k] is not (PageField or TotalPagesField)) continue;
                if (k > start) run.Append(new Text(line[start..k]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
                paragraph.Append(run);
                paragraph.Append(new SimpleField(new Run(RunProperties(item.Style), new Text("1"))) { Instruction = line[k] == PageField ? " PAGE " : " NUMPAGES " });
                run = new Run(RunProperties(item.Style));
                start = k + 1;
            }

            run.Append(new Text(line[start..]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>
    /// The paragraphs of a rich-text item (<see cref="TextItem.Rich"/>): one Word paragraph per paragraph, with its
    /// alignment, indents (left, first line) and spacing, and one run per styled run (font, size, bold, italic, underline,
    /// strike, colour). A run its markup linked (<c>A href</c>) is a Word hyperlink when <paramref name="link"/> gives it a
    /// relationship id (see <see cref="DocxPictures.Link"/>: http, https and mailto only); otherwise plain text.
    /// </summary>
    public static IEnumerable<Paragraph> RichParagraphs(TextItem item, RichText rich, Func<string?, string?> link)
    {
        foreach (var source in rich.Paragraphs)
        {
            var properties = Properties(item);
            if (source.SpaceBefore > 0 || source.SpaceAfter > 0)
            {
                properties.GetFirstChild<SpacingBetweenLines>()!.Before = Twips(source.SpaceBefore);
                properties.GetFirstChild<SpacingBetweenLines>()!.After = Twips(source.SpaceAfter);
            }

            if (source.LeftIndent != 0 || source.FirstLineIndent != 0)
            {
                var indentation = new Indentation { Left = Twips(source.LeftIndent) };
                if (source.FirstLineIndent > 0) indentation.FirstLine = Twips(source.FirstLineIndent);
                else if (source.FirstLineIndent < 0) indentation.Hanging = Twips(-source.FirstLineIndent);
                properties.InsertBefore(indentation, properties.GetFirstChild<Justification>());
            }

            if (source.Align != TextAlignment.General)
            {
                properties.GetFirstChild<Justification>()!.Val = source.Align switch
                {
                    TextAlignment.Right => JustificationValues.Right,
                    TextAlignment.Center => JustificationValues.Center,
                    _ => JustificationValues.Left,
                };
            }

            var paragraph = new Paragraph(properties);
            foreach (var run in source.Runs)
            {
                var element = new Run(RunProperties(run.Style), new Text(Clean(run.Text)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
                if (run.Link is not null && link(run.Link) is { } id) paragraph.Append(new Hyperlink(element) { Id = id, History = true });
                else paragraph.Append(element);
            }

            yield return paragraph;
        }
    }

    /// <summary>Makes the runs of <paramref name="paragraph"/> one Word hyperlink to relationship <paramref name="id"/> (a textbox's Hyperlink action).</summary>
    public static void Link(Paragraph paragraph, string id)
    {
        var runs = paragraph.Elements<Run>().ToList();
        if (runs.Count == 0) return;
        var hyperlink = new Hyperlink { Id = id, History = true };
        runs[0].InsertBeforeSelf(hyperlink);
        foreach (var run in runs)
        {
            run.Remove();
            hyperlink.Append(run);
        }
    }

    private static string Twips(double points) => Math.Round(points * 20).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Marks Word's PAGE field in a running header's or footer's text (a private-use character).</summary>
    public const char PageField = '\uE000';

    /// <summary>Marks Word's NUMPAGES field in a running header's or footer's text.</summary>
    public const char TotalPagesField = '\uE001';

    /// <summary>An empty paragraph exactly <paramref name="twips"/> tall (a vertical gap of the page, at least 1 twip).</summary>
    public static Paragraph Spacer(int twips, bool pageBreakBefore)
    {
        var properties = new ParagraphProperties();
        if (pageBreakBefore) properties.Append(new PageBreakBefore());
        properties.Append(new SpacingBetweenLines { Before = "0", After = "0", Line = Math.Max(1, twips).ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact });
        properties.Append(new ParagraphMarkRunProperties(new FontSize { Val = "2" }));
        return new Paragraph(properties);
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
        // Child order follows CT_RPr: rFonts, b, i, strike, color, sz, u.
        var properties = new RunProperties(new RunFonts { Ascii = style.FontFamily, HighAnsi = style.FontFamily, ComplexScript = style.FontFamily });
        if (style.Bold)
        {
            properties.Append(new Bold());
        }

        if (style.Italic)
        {
            properties.Append(new Italic());
        }

        if (style.LineThrough)
        {
            properties.Append(new Strike());
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
