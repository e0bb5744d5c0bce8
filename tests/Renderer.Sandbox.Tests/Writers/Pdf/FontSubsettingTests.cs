using System.Collections.Immutable;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Renderer.Sandbox.Tests.Writers.Pdf;

/// <summary>Fonts are reduced to the glyphs a document uses, so PDFs stay small while text stays extractable.</summary>
public sealed class FontSubsettingTests
{
    private static byte[] FontBytes(SKTypeface typeface)
    {
        using var stream = typeface.OpenStream(out _);
        var bytes = new byte[stream.Length];
        stream.Read(bytes, bytes.Length);
        return bytes;
    }

    [Test]
    public void Subset_keeps_used_glyph_outlines_and_ids_and_empties_the_rest()
    {
        var full = FontLibrary.Shared.Resolve("Arial", false, false);
        using var fullFont = new SKFont(full, 12);
        var used = fullFont.GetGlyphs("Total 123");
        var unused = fullFont.GetGlyphs("Q")[0];

        var subsetBytes = TrueTypeSubsetter.Subset(FontBytes(full), used);
        Assert.That(subsetBytes, Is.Not.Null);
        Assert.That(subsetBytes!.Length, Is.LessThan(FontBytes(full).Length / 4), "most of the font is gone");

        using var subset = SKTypeface.FromData(SKData.CreateCopy(subsetBytes));
        Assert.That(subset, Is.Not.Null, "Skia reads the subset font");
        using var subsetFont = new SKFont(subset, 12);
        Assert.That(subsetFont.GetGlyphs("Total 123"), Is.EqualTo(used), "glyph ids are unchanged");
        Assert.That(subsetFont.MeasureText("Total 123"), Is.EqualTo(fullFont.MeasureText("Total 123")).Within(0.001), "advances are unchanged");
        using var kept = subsetFont.GetGlyphPath(used[0]);
        using var dropped = subsetFont.GetGlyphPath(unused);
        Assert.That(kept.IsEmpty, Is.False);
        Assert.That(dropped is null || dropped.IsEmpty, Is.True);
    }

    [Test]
    public void One_page_pdf_with_two_faces_stays_under_100_KB_and_its_text_is_extractable()
    {
        var regular = new TextStyle("Arial", 10, false, false, false, Rgba.Black, TextAlignment.Left, VerticalAlignment.Top);
        var bold = regular with { Bold = true };
        TextItem Text(double y, string text, TextStyle style) =>
            new(new Bounds(40, y, 300, 14), PageRegion.Body, text, text, null, style, BoxStyle.None, [new TextLine(0, 10, 0, text)]);
        var page = new Page(1, 595, 842, [Text(40, "Sales by Region 2024", bold), Text(60, "East 1,234.50", regular), Text(80, "Grand Total 9,876.00", bold)]);
        using var output = new MemoryStream();
        new PdfDocumentWriter().Write(new PaginatedDocument("Small", [page]), output);

        Assert.That(output.Length, Is.LessThan(100 * 1024));
        using var pdf = PdfDocument.Open(output.ToArray());
        Assert.That(pdf.GetPage(1).Text, Does.Contain("East 1,234.50").And.Contain("Grand Total 9,876.00"));
        Assert.That(pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().Count(), Is.EqualTo(2));
    }
}
