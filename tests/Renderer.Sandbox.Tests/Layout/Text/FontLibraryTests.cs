using Renderer.Sandbox.Layout.Text;
using SkiaSharp;

namespace Renderer.Sandbox.Tests.Layout.Text;

public class FontLibraryTests
{
    [TestCase("Arial", "Liberation Sans")]
    [TestCase("Helvetica", "Liberation Sans")]
    [TestCase("Arial Narrow", "Liberation Sans")]
    [TestCase("Verdana", "Liberation Sans")]
    [TestCase("Tahoma", "Liberation Sans")]
    [TestCase("Segoe UI", "Noto Sans")]
    [TestCase("Segoe UI Semibold", "Noto Sans")]
    [TestCase("Calibri Light", "Carlito")]
    [TestCase("Microsoft Sans Serif", "Liberation Sans")]
    [TestCase("Times New Roman", "Liberation Serif")]
    [TestCase("Times", "Liberation Serif")]
    [TestCase("Georgia", "Liberation Serif")]
    [TestCase("Courier New", "Liberation Mono")]
    [TestCase("Consolas", "Liberation Mono")]
    [TestCase("Lucida Console", "Liberation Mono")]
    [TestCase("Calibri", "Carlito")]
    [TestCase("Cambria", "Caladea")]
    [TestCase("Liberation Serif", "Liberation Serif")]
    [TestCase("times new roman", "Liberation Serif")]
    [TestCase("CALIBRI", "Carlito")]
    [TestCase("No Such Font", "Liberation Sans")]
    [TestCase("", "Liberation Sans")]
    [TestCase("Wingdings, 'Courier New', monospace", "Liberation Mono")]
    public void Resolve_MapsReportFamilyToShippedFamily(string family, string expected)
    {
        var typeface = FontLibrary.Shared.Resolve(family, bold: false, italic: false);

        Assert.That(typeface.FamilyName, Is.EqualTo(expected));
        Assert.That(FontLibrary.ResolveFamilyName(family), Is.EqualTo(expected));
    }

    [TestCase("Arial")]
    [TestCase("Times New Roman")]
    [TestCase("Courier New")]
    [TestCase("Calibri")]
    [TestCase("Cambria")]
    [TestCase("Segoe UI")]
    public void Resolve_BoldAndItalicGiveMatchingFaces(string family)
    {
        var library = FontLibrary.Shared;

        var regular = library.Resolve(family, bold: false, italic: false);
        var bold = library.Resolve(family, bold: true, italic: false);
        var italic = library.Resolve(family, bold: false, italic: true);
        var boldItalic = library.Resolve(family, bold: true, italic: true);

        Assert.Multiple(() =>
        {
            Assert.That(regular.FontStyle.Weight, Is.EqualTo((int)SKFontStyleWeight.Normal));
            Assert.That(regular.FontStyle.Slant, Is.EqualTo(SKFontStyleSlant.Upright));
            Assert.That(bold.FontStyle.Weight, Is.EqualTo((int)SKFontStyleWeight.Bold));
            Assert.That(bold.FontStyle.Slant, Is.EqualTo(SKFontStyleSlant.Upright));
            Assert.That(italic.FontStyle.Weight, Is.EqualTo((int)SKFontStyleWeight.Normal));
            Assert.That(italic.FontStyle.Slant, Is.EqualTo(SKFontStyleSlant.Italic));
            Assert.That(boldItalic.FontStyle.Weight, Is.EqualTo((int)SKFontStyleWeight.Bold));
            Assert.That(boldItalic.FontStyle.Slant, Is.EqualTo(SKFontStyleSlant.Italic));
            Assert.That(new[] { bold, italic, boldItalic }.Select(t => t.FamilyName), Is.All.EqualTo(regular.FamilyName));
        });
    }

    [TestCase("Segoe UI", 300, "Noto Sans Light", 300)]
    [TestCase("Segoe UI", 400, "Noto Sans", 400)]
    [TestCase("Segoe UI", 500, "Noto Sans", 400)]
    [TestCase("Segoe UI", 600, "Noto Sans SemiBold", 600)]
    [TestCase("Segoe UI", 700, "Noto Sans", 700)]
    [TestCase("Segoe UI", 900, "Noto Sans", 700)]
    [TestCase("Segoe UI", 100, "Noto Sans Light", 300)]
    [TestCase("Segoe UI Light", 400, "Noto Sans Light", 300)]
    [TestCase("Segoe UI Semibold", 400, "Noto Sans SemiBold", 600)]
    [TestCase("Segoe UI Semibold", 700, "Noto Sans", 700)]
    [TestCase("Arial", 300, "Liberation Sans", 400)]
    [TestCase("Arial", 600, "Liberation Sans", 700)]
    [TestCase("Arial Black", 400, "Liberation Sans", 700)]
    [TestCase("Calibri Light", 400, "Carlito", 400)]
    public void Resolve_PicksTheFaceNearestTheWeight(string family, int weight, string expectedFamily, int expectedWeight)
    {
        var typeface = FontLibrary.Shared.Resolve(family, weight, italic: false);

        Assert.That(typeface.FontStyle.Weight, Is.EqualTo(expectedWeight));
        Assert.That(typeface.FamilyName, Does.StartWith(expectedFamily.Split(' ')[0]));
        Assert.That(FontLibrary.ResolveWeight(family, weight), Is.EqualTo(expectedWeight));
    }

    [TestCase(300)]
    [TestCase(400)]
    [TestCase(600)]
    [TestCase(700)]
    public void Resolve_NotoSansHasAnItalicFaceAtEachWeight(int weight)
    {
        var italic = FontLibrary.Shared.Resolve("Segoe UI", weight, italic: true);

        Assert.That(italic.FontStyle.Slant, Is.EqualTo(SKFontStyleSlant.Italic));
        Assert.That(italic.FontStyle.Weight, Is.EqualTo(weight));
    }

    [Test]
    public void Resolve_ReturnsTheSameLoadedTypefaceEachTime()
    {
        var library = new FontLibrary();

        Assert.That(library.Resolve("Arial", true, false), Is.SameAs(library.Resolve("HELVETICA", true, false)));
    }

    [Test]
    public void Resolve_IsSafeFromManyThreads()
    {
        var library = new FontLibrary();
        var names = new string[64];

        Parallel.For(0, names.Length, i => names[i] = library.Resolve(i % 2 == 0 ? "Calibri" : "Cambria", i % 3 == 0, i % 5 == 0).FamilyName);

        Assert.That(names.Distinct(), Is.EquivalentTo(new[] { "Carlito", "Caladea" }));
    }
}
