using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Issue 17 item 12: RDL FontWeight values as CSS weights (numeric 700 used to be drawn regular).</summary>
public sealed class FontWeightsTests
{
    [TestCase(null, 400)]
    [TestCase("Default", 400)]
    [TestCase("Normal", 400)]
    [TestCase("Thin", 100)]
    [TestCase("ExtraLight", 200)]
    [TestCase("Light", 300)]
    [TestCase("Medium", 500)]
    [TestCase("SemiBold", 600)]
    [TestCase("semibold", 600)]
    [TestCase("Bold", 700)]
    [TestCase("bold", 700)]
    [TestCase("ExtraBold", 800)]
    [TestCase("Heavy", 900)]
    [TestCase("Black", 900)]
    [TestCase("700", 700)]
    [TestCase(" 900 ", 900)]
    [TestCase("5000", 400)]
    [TestCase("nonsense", 400)]
    public void Parse_gives_the_css_weight(string? weight, int expected) => Assert.That(FontWeights.Parse(weight), Is.EqualTo(expected));
}
