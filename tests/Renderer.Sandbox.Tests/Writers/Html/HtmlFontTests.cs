using Renderer.Contracts.Formats;
using Renderer.Sandbox.Layout.Text;

namespace Renderer.Sandbox.Tests.Writers.Html;

/// <summary>The font files the HTML format names are the ones the sandbox ships and the PDF draws with.</summary>
public sealed class HtmlFontTests
{
    [Test]
    public void The_shipped_font_list_matches_the_fonts_in_the_sandbox()
    {
        var embedded = typeof(FontFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".ttf", StringComparison.Ordinal)).Select(n => n["Renderer.Sandbox.Fonts.".Length..]);

        Assert.That(ShippedFonts.All.Select(f => f.FileName), Is.EquivalentTo(embedded));
        Assert.That(ShippedFonts.IsShipped("LiberationSans-Regular.ttf"), Is.True);
        Assert.That(ShippedFonts.IsShipped("../appsettings.json"), Is.False);
        Assert.That(ShippedFonts.IsShipped("liberationsans-regular.ttf"), Is.False);
    }

    [TestCase("Arial", 400, false, "LiberationSans-Regular.ttf")]
    [TestCase("Arial", 700, true, "LiberationSans-BoldItalic.ttf")]
    [TestCase("Arial", 600, false, "LiberationSans-Bold.ttf")]
    [TestCase("Segoe UI Semibold", 400, false, "NotoSans-SemiBold.ttf")]
    [TestCase("Segoe UI", 300, true, "NotoSans-LightItalic.ttf")]
    [TestCase("Times New Roman", 400, false, "LiberationSerif-Regular.ttf")]
    [TestCase("Calibri", 700, false, "Carlito-Bold.ttf")]
    [TestCase("Some Unknown Font", 400, false, "LiberationSans-Regular.ttf")]
    public void A_report_family_maps_to_the_face_the_pdf_embeds(string family, int weight, bool italic, string file)
    {
        Assert.That(FontFiles.For(family, weight, italic).FileName, Is.EqualTo(file));
        var face = FontLibrary.Shared.Resolve(family, weight, italic);
        var shipped = FontFiles.For(family, weight, italic);
        Assert.That(face.FamilyName, Does.StartWith(shipped.Family));
    }

    [Test]
    public void Html_text_names_the_resolved_family_and_weight()
    {
        var style = Pages.TextStyle.Default with { FontFamily = "Segoe UI Semibold", Italic = true };
        var item = new Pages.TextItem(new Pages.Bounds(0, 0, 100, 20), Pages.PageRegion.Body, "x", "x", null, style, Pages.BoxStyle.None, [new Pages.TextLine(0, 12, 5, "x")]);
        var html = HtmlRun.Write(new Pages.PaginatedDocument("Fonts", [new Pages.Page(1, 100, 100, [item])]));

        Assert.That(html, Does.Contain("font-family:'Noto Sans',var(--rpt-fallback);font-weight:600;font-style:italic\""));
    }
}
