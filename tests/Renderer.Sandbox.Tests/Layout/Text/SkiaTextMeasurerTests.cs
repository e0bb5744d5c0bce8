using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Tests.Layout.Text;

public class SkiaTextMeasurerTests
{
    private const string Sentence = "The quick brown fox jumps over the lazy dog";

    private static readonly TextStyle Style = TextStyle.Default;

    private readonly ITextMeasurer measurer = new SkiaTextMeasurer();

    [Test]
    public void MeasureWidth_GrowsWithTextSizeAndWeight()
    {
        var regular = measurer.MeasureWidth("Hello", Style);

        Assert.Multiple(() =>
        {
            Assert.That(regular, Is.GreaterThan(15).And.LessThan(35), "10pt 'Hello' in Liberation Sans is about 23pt wide");
            Assert.That(measurer.MeasureWidth("Hello Hello", Style), Is.GreaterThan(2 * regular));
            Assert.That(measurer.MeasureWidth("Hello", Style with { FontSize = 20 }), Is.EqualTo(2 * regular).Within(0.01));
            Assert.That(measurer.MeasureWidth("Hello", Style with { Bold = true }), Is.GreaterThan(regular));
            Assert.That(measurer.MeasureWidth(string.Empty, Style), Is.Zero);
        });
    }

    [Test]
    public void MeasureWidth_MonospaceGivesEqualWidths()
    {
        var mono = Style with { FontFamily = "Courier New" };

        Assert.That(measurer.MeasureWidth("iiiii", mono), Is.EqualTo(measurer.MeasureWidth("WWWWW", mono)).Within(0.001));
    }

    [Test]
    public void GetMetrics_AreInPointsForTheFontSize()
    {
        var ten = measurer.GetMetrics(Style);
        var twenty = measurer.GetMetrics(Style with { FontSize = 20 });

        Assert.Multiple(() =>
        {
            Assert.That(ten.Ascent, Is.GreaterThan(8).And.LessThan(10));
            Assert.That(ten.Descent, Is.GreaterThan(1.5).And.LessThan(3));
            Assert.That(ten.LineHeight, Is.GreaterThanOrEqualTo(ten.Ascent + ten.Descent).And.LessThan(13));
            Assert.That(ten.UnderlineThickness, Is.GreaterThan(0));
            Assert.That(twenty.LineHeight, Is.EqualTo(2 * ten.LineHeight).Within(0.01));
        });
    }

    [Test]
    public void BreakLines_KeepsFittingTextOnOneLine()
    {
        var lines = measurer.BreakLines(Sentence, Style, 1000);

        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Is.SameAs(Sentence));
    }

    [Test]
    public void BreakLines_WrapsAtWordBoundariesWithinWidth()
    {
        var maxWidth = measurer.MeasureWidth("The quick brown", Style) + 1;

        var lines = measurer.BreakLines(Sentence, Style, maxWidth);

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("The quick brown"));
            Assert.That(lines, Has.Count.GreaterThan(2));
            Assert.That(lines.Select(l => measurer.MeasureWidth(l, Style)), Is.All.LessThanOrEqualTo(maxWidth));
            Assert.That(lines, Is.All.Not.StartWith(" ").And.Not.EndWith(" "));
            Assert.That(string.Join(" ", lines), Is.EqualTo(Sentence), "no word is split or lost");
        });
    }

    [Test]
    public void BreakLines_KeepsTextMeasuredToExactlyTheWidthOnOneLine()
    {
        var lines = measurer.BreakLines(Sentence, Style, measurer.MeasureWidth(Sentence, Style));

        Assert.That(lines, Is.EqualTo(new[] { Sentence }));
    }

    [TestCase("first\nsecond", new[] { "first", "second" })]
    [TestCase("first\r\nsecond\rthird", new[] { "first", "second", "third" })]
    [TestCase("first\n\nthird", new[] { "first", "", "third" })]
    [TestCase("trailing\n", new[] { "trailing", "" })]
    [TestCase("", new[] { "" })]
    public void BreakLines_HonoursNewLines(string text, string[] expected)
    {
        Assert.That(measurer.BreakLines(text, Style, 1000), Is.EqualTo(expected));
    }

    [Test]
    public void BreakLines_WrapsEachParagraphSeparately()
    {
        var maxWidth = measurer.MeasureWidth("The quick brown", Style) + 1;

        var lines = measurer.BreakLines("Short\n" + Sentence, Style, maxWidth);

        Assert.That(lines[0], Is.EqualTo("Short"));
        Assert.That(lines[1], Is.EqualTo("The quick brown"));
    }

    [Test]
    public void BreakLines_BreaksAnOverLongWordByCharacters()
    {
        const string word = "Supercalifragilisticexpialidocious";
        var maxWidth = measurer.MeasureWidth("Supercali", Style);

        var lines = measurer.BreakLines(word, Style, maxWidth);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.GreaterThan(2));
            Assert.That(string.Concat(lines), Is.EqualTo(word));
            Assert.That(lines.Select(l => measurer.MeasureWidth(l, Style)), Is.All.LessThanOrEqualTo(maxWidth + 0.001));
        });
    }

    [Test]
    public void BreakLines_MovesALongWordToItsOwnLineBeforeSplittingIt()
    {
        var maxWidth = measurer.MeasureWidth("Supercalifragilistic", Style);

        var lines = measurer.BreakLines("a Supercalifragilistic b", Style, maxWidth);

        Assert.That(lines, Is.EqualTo(new[] { "a", "Supercalifragilistic", "b" }));
    }

    [Test]
    public void BreakLines_WithoutWidthOnlyHonoursNewLines()
    {
        Assert.That(measurer.BreakLines(Sentence + "\nx", Style, 0), Is.EqualTo(new[] { Sentence, "x" }));
    }

    [Test]
    public void BreakLines_AlwaysProgressesWhenNotEvenOneCharacterFits()
    {
        var lines = measurer.BreakLines("WWW", Style, 1);

        Assert.That(lines, Is.EqualTo(new[] { "W", "W", "W" }));
    }

    [Test]
    public void Measurer_GivesTheSameResultsFromManyThreads()
    {
        var styles = new[] { Style, Style with { Bold = true }, Style with { FontFamily = "Calibri", FontSize = 11 } };
        var expected = styles.Select(s => measurer.MeasureWidth(Sentence, s)).ToArray();
        var results = new double[300];

        Parallel.For(0, results.Length, i => results[i] = measurer.MeasureWidth(Sentence, styles[i % 3]) - expected[i % 3]);

        Assert.That(results, Is.All.EqualTo(0));
    }
}
