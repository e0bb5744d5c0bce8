using System.Text;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Tests.Layout;
using Renderer.Sandbox.Tests.Layout.Text;
using Renderer.Sandbox.Writers.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Renderer.Sandbox.Tests.Writers.Pdf;

/// <summary>Right-to-left, Arabic and CJK text in PDFs: shaped, ordered, drawn with shipped fallback fonts, kept small.</summary>
public sealed class ShapedTextPdfTests
{
    private static readonly TextStyle Style = TextStyle.Default with { Align = TextAlignment.Left };
    private static readonly TextStyle Rtl = Style with { RightToLeft = true };

    private static TextItem Text(double y, string text, TextStyle style) =>
        new(new Bounds(40, y, 300, 14), PageRegion.Body, text, text, null, style, BoxStyle.None,
            [new TextLine(0, 10, SkiaTextMeasurer.Shared.MeasureWidth(text, style), text)]);

    private static byte[] Render(params TextItem[] items) =>
        PdfTestFiles.Render(new PaginatedDocument("Scripts", [new Renderer.Sandbox.Pages.Page(1, 595, 842, [.. items])]));

    /// <summary>Letters of the line whose baseline is nearest <paramref name="topY"/> + 10 (page coordinates, origin top-left), left to right.</summary>
    private static Letter[] LineAt(UglyToad.PdfPig.Content.Page page, double topY) =>
        page.Letters.Where(l => Math.Abs(page.Height - l.StartBaseLine.Y - (topY + 10)) < 2).OrderBy(l => l.StartBaseLine.X).ToArray();

    private static string Visual(IEnumerable<Letter> letters) => string.Concat(letters.Select(l => l.Value)).Normalize(NormalizationForm.FormKC);

    [Test]
    public void Hebrew_arabic_chinese_and_japanese_text_is_extractable()
    {
        var pdf = Render(
            Text(40, "שלום עולם 2024", Rtl),
            Text(60, "مرحبا بالعالم", Rtl),
            Text(80, "你好世界", Style),
            Text(100, "こんにちは世界", Style));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var hebrew = Visual(LineAt(page, 40));
        var arabic = Visual(LineAt(page, 60));
        Assert.Multiple(() =>
        {
            // Glyphs are in visual order (left to right): the number first, then the words right to left.
            Assert.That(hebrew.Replace(" ", ""), Is.EqualTo("2024םלועםולש"));
            Assert.That(new string(hebrew.Reverse().ToArray()), Does.Contain("שלום עולם"), "read right to left, the words are the logical text");
            // Arabic glyphs map to presentation forms; their compatibility decomposition gives back the letters.
            Assert.That(new string(arabic.Reverse().ToArray()), Is.EqualTo("مرحبا بالعالم"));
            Assert.That(page.Text, Does.Contain("你好世界").And.Contain("こんにちは世界"));
        });
    }

    [Test]
    public void Cjk_text_uses_the_embedded_fallback_subset_and_the_pdf_stays_small()
    {
        var pdf = Render(
            Text(40, "销售报表 2024 年度汇总", Style),
            Text(60, "東京都の売上合計", Style),
            Text(80, "Region East 1,234.50", Style));

        TestContext.Out.WriteLine($"PDF with CJK and Latin text: {pdf.Length} bytes");
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var cjkFonts = LineAt(page, 40).Concat(LineAt(page, 60)).Where(l => l.Value != " " && !char.IsAsciiDigit(l.Value[0])).Select(l => l.FontName).Distinct().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(cjkFonts, Has.Length.EqualTo(1));
            Assert.That(cjkFonts[0], Does.EndWith("+DroidSansFallback"), "a subset (tagged name) of the shipped fallback font");
            Assert.That(LineAt(page, 80).Select(l => l.FontName).Distinct(), Has.All.EndWith("+LiberationSans"));
            Assert.That(page.Text, Does.Contain("销售报表").And.Contain("東京都の売上合計"));
            // The fallback font is about 4 MB; embedded whole the file would be megabytes.
            Assert.That(pdf.Length, Is.LessThan(40 * 1024), "well under the 100 KB bar for a one-page PDF");
        });
    }

    [TestCase(0, "Noto Sans Hebrew", "שלום")]
    [TestCase(1, "Noto Sans Arabic", "سلام")]
    [TestCase(2, "Droid Sans Fallback", "你好世界")]
    public void Each_fallback_font_is_a_TrueType_font_the_subsetter_reduces(int index, string family, string sample)
    {
        foreach (var bold in new[] { false, true })
        {
            var face = FontLibrary.Shared.GetFallback(index, bold);
            using var stream = face.OpenStream(out _);
            var bytes = new byte[stream.Length];
            stream.Read(bytes, bytes.Length);
            using var font = new SkiaSharp.SKFont(face, 12);
            var glyphs = font.GetGlyphs(sample);

            var subset = TrueTypeSubsetter.Subset(bytes, glyphs);

            Assert.That(face.FamilyName, Is.EqualTo(family));
            Assert.That(glyphs, Has.None.EqualTo(0), "the fallback has every sample character");
            Assert.That(subset, Is.Not.Null, "TrueType outlines, so the subsetter handles it");
            using var compressed = new MemoryStream();
            using (var deflate = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                deflate.Write(subset!);
            Assert.That(compressed.Length, Is.LessThan(Math.Min(bytes.Length / 4, 60 * 1024)), "as embedded (deflated), the subset is small");
            using var reloaded = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.FromData(SkiaSharp.SKData.CreateCopy(subset)), 12);
            Assert.That(reloaded.GetGlyphs(sample), Is.EqualTo(glyphs), "glyph ids are unchanged");
        }
    }

    [Test]
    public void Rtl_textbox_is_right_aligned_and_a_long_arabic_paragraph_wraps_inside_its_box()
    {
        const string style = "<Style><Direction>RTL</Direction><PaddingLeft>2pt</PaddingLeft><PaddingRight>2pt</PaddingRight></Style>";
        string Box(string name, string value, double top, double height, string extra) =>
            $"<Textbox Name=\"{name}\"><CanGrow>true</CanGrow><Paragraphs><Paragraph><TextRuns><TextRun><Value>{PagingRdl.X(value)}</Value></TextRun></TextRuns></Paragraph></Paragraphs>"
            + $"{extra}<Top>{top}pt</Top><Left>0pt</Left><Height>{height}pt</Height><Width>180pt</Width></Textbox>";
        var rdl = PagingRdl.Report(Box("Rtl", "שלום עולם", 0, 20, style) + Box("Ltr", "Hello", 30, 20, "") + Box("Para", TextShapingTests.LongArabic, 60, 20, style));
        var run = LayoutRun.Render(rdl, PagingRdl.Columns);
        var rtl = run.Find("שלום עולם").Item;
        var ltr = run.Find("Hello").Item;
        var para = run.Find(TextShapingTests.LongArabic).Item;

        var pdf = PdfTestFiles.Render(run.Document);
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Letter[] In(TextItem item) => page.Letters
            .Where(l => l.Value != " " && page.Height - l.StartBaseLine.Y > item.Bounds.Y && page.Height - l.StartBaseLine.Y < item.Bounds.Bottom).ToArray();
        var rtlLetters = In(rtl);
        var ltrLetters = In(ltr);
        var paraLetters = In(para);

        Assert.Multiple(() =>
        {
            Assert.That(rtl.Style.RightToLeft, Is.True, "Direction RTL reaches the page model");
            Assert.That(rtlLetters.Max(l => l.EndBaseLine.X), Is.EqualTo(rtl.Bounds.Right - 2).Within(0.5), "General alignment is right for RTL text");
            Assert.That(rtlLetters.Min(l => l.StartBaseLine.X), Is.GreaterThan(rtl.Bounds.X + 100));
            Assert.That(ltrLetters.Min(l => l.StartBaseLine.X), Is.EqualTo(ltr.Bounds.X).Within(0.5), "LTR text stays left-aligned (no padding)");
            Assert.That(para.Lines.Length, Is.GreaterThan(3), "the paragraph wraps");
            Assert.That(para.Bounds.Height, Is.GreaterThan(para.Lines.Length * 10), "CanGrow made room for every line");
            Assert.That(paraLetters.Length, Is.GreaterThan(100));
            Assert.That(paraLetters.Min(l => l.StartBaseLine.X), Is.GreaterThanOrEqualTo(para.Bounds.X + 2 - 0.5));
            Assert.That(paraLetters.Max(l => l.EndBaseLine.X), Is.LessThanOrEqualTo(para.Bounds.Right - 2 + 0.5));
            Assert.That(para.Lines.Select(l => l.X + l.Width), Is.All.EqualTo(para.Bounds.Width - 2).Within(0.01), "every line is right-aligned");
        });
    }
}
