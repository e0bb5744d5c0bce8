using System.Globalization;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Writes a rich-text shared string (<c>&lt;si&gt;&lt;r&gt;&lt;rPr&gt;...&lt;/rPr&gt;&lt;t&gt;...&lt;/t&gt;&lt;/r&gt;...&lt;/si&gt;</c>):
/// one run per styled run with its font, size, colour, bold, italic, underline and strike; paragraphs are separated by
/// a line break at the start of the next paragraph's first run. Excel has no paragraph alignment or indents in a cell.
/// </summary>
internal static class RichStringWriter
{
    public static void Write(Utf8XmlWriter xml, RichText rich)
    {
        xml.WriteRaw("<si>"u8);
        for (var p = 0; p < rich.Paragraphs.Length; p++)
        {
            var runs = rich.Paragraphs[p].Runs;
            if (runs.IsEmpty)
            {
                if (p > 0) WriteRun(xml, "\n", null);
                continue;
            }

            for (var r = 0; r < runs.Length; r++)
            {
                WriteRun(xml, p > 0 && r == 0 ? "\n" + runs[r].Text : runs[r].Text, runs[r].Style);
            }
        }

        xml.WriteRaw("</si>"u8);
    }

    private static void WriteRun(Utf8XmlWriter xml, string text, TextStyle? style)
    {
        xml.WriteRaw("<r>"u8);
        if (style is not null)
        {
            // CT_RPrElt children in schema order: rFont, b, i, strike, u, sz, color.
            xml.WriteRaw("<rPr><rFont val=\""u8);
            xml.WriteAttributeValue(SharedStrings.Escape(string.IsNullOrWhiteSpace(style.FontFamily) ? "Arial" : style.FontFamily.Trim('\'', '"', ' ')));
            xml.WriteRaw("\"/>"u8);
            if (style.Bold) xml.WriteRaw("<b/>"u8);
            if (style.Italic) xml.WriteRaw("<i/>"u8);
            if (style.LineThrough) xml.WriteRaw("<strike/>"u8);
            if (style.Underline) xml.WriteRaw("<u/>"u8);
            xml.WriteRaw("<sz val=\""u8);
            xml.WriteText(Math.Clamp(Math.Round(style.FontSize, 2), 1, 409).ToString(CultureInfo.InvariantCulture));
            xml.WriteRaw("\"/><color rgb=\"FF"u8);
            xml.WriteText(style.Color.ToHex());
            xml.WriteRaw("\"/></rPr>"u8);
        }

        xml.WriteRaw("<t xml:space=\"preserve\">"u8);
        xml.WriteText(SharedStrings.Escape(text));
        xml.WriteRaw("</t></r>"u8);
    }
}
