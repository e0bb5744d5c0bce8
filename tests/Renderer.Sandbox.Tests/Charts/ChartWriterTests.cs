using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Charts;
using Renderer.Sandbox.Writers.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Renderer.Sandbox.Tests.Charts;

public class ChartWriterTests
{
    [Test]
    public void Pdf_holds_the_chart_text_as_text_and_the_bars_as_vectors()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        using var output = new MemoryStream();
        new PdfDocumentWriter().Write(run.Document, output);

        using var pdf = PdfDocument.Open(output.ToArray());
        var page = pdf.GetPage(1);
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.That(string.Join(" ", words), Does.Contain("Sales by region"));
        Assert.That(words, Is.SupersetOf(new[] { "East", "North", "West", "Region", "2023", "2024", "40" }));
        Assert.That(page.GetImages(), Is.Empty, "the chart is vectors, not a picture");
        Assert.That(page.Paths.Count(p => p.IsFilled), Is.GreaterThanOrEqualTo(5), "one filled path per bar");
    }

    [Test]
    public void Chinese_category_labels_are_drawn_with_the_fallback_font_not_as_missing_glyph_boxes()
    {
        object?[][] rows = [["北京", 2024, 10], ["上海", 2024, 20], ["East", 2024, 30]];
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, rows);
        using var output = new MemoryStream();
        new PdfDocumentWriter().Write(run.Document, output);

        using var pdf = PdfDocument.Open(output.ToArray());
        var page = pdf.GetPage(1);
        Assert.That(page.Text, Does.Contain("北京").And.Contain("上海").And.Contain("East"));
        var fonts = page.Letters.Where(l => l.Value is "北" or "上").Select(l => l.FontName).Distinct().ToList();
        Assert.That(fonts, Has.Count.GreaterThan(0));
        Assert.That(fonts, Has.All.Contain("DroidSansFallback"), "CJK labels come from the shipped fallback font");
    }

    [Test]
    public void Chart_pictures_shape_cjk_labels_with_the_fallback_face_and_leave_latin_labels_plain()
    {
        var fonts = Renderer.Sandbox.Layout.Text.SkiaFontCache.Shared;
        var text = new Renderer.Sandbox.Writers.Charts.RasterChartText(fonts);
        var style = Renderer.Sandbox.Pages.TextStyle.Default;

        Assert.That(text.Shape("East", style), Is.Null);
        var shaped = text.Shape("北京", style);
        Assert.That(shaped, Is.Not.Null);
        Assert.That(shaped!.Runs.Select(r => r.Typeface.FamilyName), Has.All.Contains("Droid"));
        Assert.That(shaped.Runs.SelectMany(r => r.Glyphs), Has.None.EqualTo((ushort)0), "no missing-glyph boxes");
    }

    [Test]
    public void Rasterized_chart_is_a_png_of_twice_the_size()
    {
        var run = ChartRun.Render(ChartRdl.Modern("Shape", "Pie", seriesGroup: false), ChartRdl.Columns, ChartRdl.Rows);
        var chart = run.ChartItem("Sales");

        var png = ChartRasterizer.ToPng(chart);

        Assert.That(png, Is.Not.Null);
        using var bitmap = SKBitmap.Decode(png);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo(((int)Math.Ceiling(chart.Bounds.Width * 2), (int)Math.Ceiling(chart.Bounds.Height * 2))));
        var center = bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2);
        Assert.That(center, Is.Not.EqualTo(SKColors.White), "the pie is drawn in the middle");
        if (Environment.GetEnvironmentVariable("CHART_PNG_DIR") is { Length: > 0 } dir)
        {
            File.WriteAllBytes(Path.Combine(dir, "pie.png"), png!);
            var column = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows).ChartItem("Sales");
            File.WriteAllBytes(Path.Combine(dir, "column.png"), ChartRasterizer.ToPng(column)!);
            var legacy = ChartRun.Render(ChartRdl.Legacy("Bar"), ChartRdl.Columns, ChartRdl.Rows).ChartItem("Legacy");
            File.WriteAllBytes(Path.Combine(dir, "bar.png"), ChartRasterizer.ToPng(legacy)!);
        }
    }
}
