using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Tests.Layout.Text;

/// <summary>HarfBuzz shaping, bidi ordering and font fallback as layout measures text.</summary>
public sealed class TextShapingTests
{
    internal const string LongArabic =
        "هذا نص عربي طويل لاختبار التفاف الأسطر داخل المربع وهو يحتوي على كلمات كثيرة متصلة الحروف "
        + "ويجب أن يبقى كل سطر ضمن عرض المربع دون أن يتجاوزه عند الرسم في ملف بي دي إف";

    private static readonly TextStyle Style = TextStyle.Default with { Align = TextAlignment.Left };
    private static readonly TextStyle Rtl = Style with { RightToLeft = true };

    private readonly SkiaTextMeasurer measurer = SkiaTextMeasurer.Shared;

    [Test]
    public void Shaped_AV_is_narrower_than_the_sum_of_its_unshaped_advances()
    {
        using var font = new SKFont(FontLibrary.Shared.Resolve("Arial", false, false), 20) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None };
        var unshaped = font.MeasureText("A") + font.MeasureText("V");

        var shaped = TextShaper.Shared.Shape("AV", Style with { FontSize = 20 });

        Assert.That(shaped.Width, Is.LessThan(unshaped - 0.5), "the AV kerning pair pulls the letters together");
    }

    [Test]
    public void Arabic_letters_take_their_joined_forms_and_lam_alef_ligature()
    {
        const string word = "بيت";
        var shaped = TextShaper.Shared.Shape(word, Rtl);
        var run = shaped.Runs.Single();
        using var font = new SKFont(run.Typeface, 10);
        var isolated = font.GetGlyphs(word);

        Assert.Multiple(() =>
        {
            Assert.That(run.Typeface.FamilyName, Is.EqualTo("Noto Sans Arabic"), "Liberation Sans has no Arabic: the shipped fallback draws it");
            Assert.That(run.RightToLeft, Is.True);
            Assert.That(run.Glyphs.Length, Is.EqualTo(3));
            Assert.That(run.Glyphs.Reverse(), Is.Not.EqualTo(isolated), "initial/medial/final forms replace the isolated ones");
            Assert.That(run.Glyphs.Last(), Is.Not.EqualTo(isolated[0]), "the first letter (drawn rightmost) is an initial form");
            Assert.That(TextShaper.Shared.Shape("سلام", Rtl).Runs.Single().Glyphs.Length, Is.EqualTo(3), "lam and alef form one ligature glyph");
        });
    }

    [Test]
    public void Cjk_text_falls_back_to_Droid_Sans_Fallback_and_measures_as_drawn()
    {
        const string text = "合计 Total 你好世界";
        var shaped = TextShaper.Shared.Shape(text, Style);

        Assert.Multiple(() =>
        {
            Assert.That(shaped.Runs.Select(r => r.Typeface.FamilyName), Is.EqualTo(new[] { "Droid Sans Fallback", "Liberation Sans", "Droid Sans Fallback" }));
            Assert.That(measurer.MeasureWidth(text, Style), Is.EqualTo(shaped.Width).Within(0.001));
            Assert.That(measurer.MeasureWidth("你好世界", Style), Is.EqualTo(40).Within(0.5), "four ideographs at 10pt are about one em each");
        });
    }

    [Test]
    public void Plain_latin_keeps_the_unshaped_fast_path()
    {
        var face = FontLibrary.Shared.Resolve("Arial", false, false);
        var fallback = TextShaper.Shared.Fallback;

        Assert.Multiple(() =>
        {
            Assert.That(fallback.IsSimple("Grand Total: 1,234.50 €", face), Is.True);
            Assert.That(fallback.IsSimple("Ελληνικά Кириллица", face), Is.True);
            Assert.That(fallback.IsSimple("שלום", face), Is.False);
            Assert.That(fallback.IsSimple("你好", face), Is.False);
            Assert.That(fallback.IsSimple("e\u0301", face), Is.False, "combining marks are positioned by the shaper");
        });
    }

    [Test]
    public void Rtl_paragraph_orders_words_right_to_left_and_keeps_numbers_left_to_right()
    {
        var shaped = TextShaper.Shared.Shape("שלום 123 עולם", Rtl);

        Assert.That(shaped.Runs.Select(r => r.Text.Trim()), Is.EqualTo(new[] { "עולם", "123", "שלום" }), "visual order, left to right");
        Assert.That(shaped.Runs.Select(r => r.RightToLeft), Is.EqualTo(new[] { true, false, true }));
        var x = shaped.Runs.Select(r => r.Positions[0].X).ToArray();
        Assert.That(x, Is.Ordered.Ascending);
    }

    [Test]
    public void Bidi_levels_follow_the_rules_for_numbers_and_neutrals()
    {
        Assert.Multiple(() =>
        {
            // LTR paragraph: the Hebrew word is level 1, the spaces between L and R take the base level.
            Assert.That(BidiResolver.ResolveLevels("ab אב cd", false), Is.EqualTo(new byte[] { 0, 0, 0, 1, 1, 0, 0, 0 }));
            // RTL paragraph: "12.5%" stays one left-to-right number (W4, W5), Latin is level 2.
            Assert.That(BidiResolver.ResolveLevels("אב 12.5% x", true), Is.EqualTo(new byte[] { 1, 1, 1, 2, 2, 2, 2, 2, 1, 2 }));
            // Arabic letters turn following European digits into Arabic numbers (W2), still level 2.
            Assert.That(BidiResolver.ResolveLevels("ب 12", true), Is.EqualTo(new byte[] { 1, 1, 2, 2 }));
            // Trailing whitespace resets to the paragraph level (L1).
            Assert.That(BidiResolver.ResolveLevels("abc ", true), Is.EqualTo(new byte[] { 2, 2, 2, 1 }));
            Assert.That(BidiResolver.VisualOrder([1, 2, 1]), Is.EqualTo(new[] { 2, 1, 0 }));
            Assert.That(BidiResolver.VisualOrder([0, 1, 1, 0, 2]), Is.EqualTo(new[] { 0, 2, 1, 3, 4 }));
        });
    }

    [Test]
    public void Long_arabic_paragraph_wraps_within_the_width()
    {
        const double width = 150;

        var lines = measurer.BreakLines(LongArabic, Rtl, width);

        Assert.That(lines.Count, Is.GreaterThan(3));
        Assert.That(lines.Select(l => measurer.MeasureWidth(l, Rtl)), Is.All.LessThanOrEqualTo(width + 0.01));
        Assert.That(string.Join(" ", lines).Split(' '), Is.EqualTo(LongArabic.Split(' ')), "lines break between words, nothing is lost");
    }

    [Test]
    public void Hebrew_and_numbers_measure_the_same_as_they_are_shaped()
    {
        const string text = "סה\"כ 1,234.50 ש\"ח";
        Assert.That(measurer.MeasureWidth(text, Rtl), Is.EqualTo(TextShaper.Shared.Shape(text, Rtl).Width).Within(0.001));
        Assert.That(measurer.MeasureWidth(text, Rtl), Is.GreaterThan(30));
    }
}
