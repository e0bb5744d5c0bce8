using System.Collections.Immutable;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Pdf;
using UglyToad.PdfPig;
using Letter = UglyToad.PdfPig.Content.Letter;
using PdfPage = UglyToad.PdfPig.Content.Page;

namespace Renderer.Sandbox.Tests.Writers.Pdf;

public class PdfDocumentWriterTests
{
    private const double A4Width = 595;
    private const double A4Height = 842;

    private static readonly Rgba Red = new(255, 0, 0);
    private static readonly Rgba LightBlue = new(200, 220, 255);

    [Test]
    public void Write_ProducesPagesOfTheModelSize()
    {
        using var pdf = PdfDocument.Open(Render(SampleDocument()));

        Assert.That(pdf.NumberOfPages, Is.EqualTo(2));
        foreach (var page in pdf.GetPages())
        {
            Assert.That(page.Width, Is.EqualTo(A4Width).Within(0.5));
            Assert.That(page.Height, Is.EqualTo(A4Height).Within(0.5));
        }
    }

    [Test]
    public void Write_TextIsExtractable()
    {
        using var pdf = PdfDocument.Open(Render(SampleDocument()));

        Assert.Multiple(() =>
        {
            Assert.That(pdf.GetPage(1).Text, Does.Contain("Hello Report").And.Contain("Total 1,234.50"));
            Assert.That(pdf.GetPage(2).Text, Does.Contain("Second page").And.Contain("wrapped line one").And.Contain("wrapped line two"));
            Assert.That(pdf.GetPage(1).Text, Does.Not.Contain("Second page"));
        });
    }

    [Test]
    public void Write_PlacesTextAtTheLineBaseline()
    {
        using var pdf = PdfDocument.Open(Render(SampleDocument()));

        var hello = FirstLetterOf(pdf.GetPage(1), "Hello Report");
        var total = FirstLetterOf(pdf.GetPage(1), "Total 1,234.50");
        var second = FirstLetterOf(pdf.GetPage(2), "wrapped line two");

        Assert.Multiple(() =>
        {
            // PDF y grows upwards from the bottom of the page.
            Assert.That(hello.StartBaseLine.X, Is.EqualTo(72 + 2).Within(2));
            Assert.That(hello.StartBaseLine.Y, Is.EqualTo(A4Height - (100 + 12)).Within(2));
            Assert.That(total.StartBaseLine.X, Is.EqualTo(300 + 10).Within(2));
            Assert.That(total.StartBaseLine.Y, Is.EqualTo(A4Height - (200 + 14)).Within(2));
            Assert.That(second.StartBaseLine.X, Is.EqualTo(100 + 2).Within(2));
            Assert.That(second.StartBaseLine.Y, Is.EqualTo(A4Height - (400 + 26)).Within(2));
            Assert.That(hello.PointSize, Is.EqualTo(10).Within(0.1));
        });
    }

    [Test]
    public void Write_EmbedsTheShippedFonts()
    {
        using var pdf = PdfDocument.Open(Render(SampleDocument()));

        var hello = FirstLetterOf(pdf.GetPage(1), "Hello Report");
        var total = FirstLetterOf(pdf.GetPage(1), "Total 1,234.50");
        var serif = FirstLetterOf(pdf.GetPage(2), "Second page");

        Assert.Multiple(() =>
        {
            Assert.That(hello.FontName, Does.Contain("LiberationSans"));
            Assert.That(total.FontName, Does.Contain("LiberationSans-Bold"));
            Assert.That(serif.FontName, Does.Contain("LiberationSerif"));
            Assert.That(pdf.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.FontName), Is.All.Contain("Liberation"));
        });
    }

    [Test]
    public void Write_DrawsBackgroundsBordersAndLines()
    {
        using var pdf = PdfDocument.Open(Render(SampleDocument()));
        var paths = pdf.GetPage(1).Paths;

        static bool HasColor(UglyToad.PdfPig.Graphics.Colors.IColor? color, Rgba expected)
        {
            if (color is null)
            {
                return false;
            }

            var (r, g, b) = color.ToRGBValues();
            return Math.Abs((r * 255) - expected.R) < 2 && Math.Abs((g * 255) - expected.G) < 2 && Math.Abs((b * 255) - expected.B) < 2;
        }

        Assert.Multiple(() =>
        {
            Assert.That(paths.Any(p => p.IsFilled && HasColor(p.FillColor, LightBlue)), "text box background");
            Assert.That(paths.Any(p => (p.IsStroked && HasColor(p.StrokeColor, Red)) || (p.IsFilled && HasColor(p.FillColor, Red))), "red borders");
            Assert.That(paths.Count(p => p.IsStroked || p.IsFilled), Is.GreaterThanOrEqualTo(6));
        });
    }

    [Test]
    public void Write_WritesMetadata()
    {
        using var pdf = PdfDocument.Open(Render(SampleDocument()));

        Assert.That(pdf.Information.Title, Is.EqualTo("Sales Report"));
        Assert.That(pdf.Information.Creator, Is.EqualTo("Renderer"));
    }

    [Test]
    public void Write_IsDeterministic()
    {
        Assert.That(Render(SampleDocument()), Is.EqualTo(Render(SampleDocument())));
    }

    [Test]
    public void Write_LeavesTheOutputStreamOpen()
    {
        using var stream = new MemoryStream();

        new PdfDocumentWriter().Write(SampleDocument(), stream);

        Assert.That(stream.CanWrite, Is.True);
        Assert.That(stream.Length, Is.GreaterThan(0));
    }

    [Test]
    public void Write_EmptyDocumentGivesAValidPdf()
    {
        using var pdf = PdfDocument.Open(Render(new PaginatedDocument("Empty", [])));

        Assert.That(pdf.NumberOfPages, Is.EqualTo(1));
    }

    [Test]
    public void Write_OnePageWithTwoFaces_SizeIsReported()
    {
        var style = TextStyle.Default;
        var page = new Page(1, A4Width, A4Height,
        [
            Text(new Bounds(72, 72, 200, 20), "Regular face", style),
            Text(new Bounds(72, 100, 200, 20), "Bold face", style with { Bold = true }),
        ]);

        var bytes = Render(new PaginatedDocument("Size", [page]));

        // Skia embeds each TrueType face it uses (no subsetting in this SkiaSharp build): ~210 KB per Liberation Sans face.
        TestContext.Out.WriteLine($"One page, two faces: {bytes.Length:N0} bytes");
        using var pdf = PdfDocument.Open(bytes);
        Assert.That(pdf.GetPage(1).Text, Does.Contain("Regular face").And.Contain("Bold face"));
    }

    private static byte[] Render(PaginatedDocument document)
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(document, stream);
        return stream.ToArray();
    }

    private static Letter FirstLetterOf(PdfPage page, string text)
    {
        var letters = page.Letters;
        for (var i = 0; i + text.Length <= letters.Count; i++)
        {
            if (Enumerable.Range(0, text.Length).All(k => letters[i + k].Value == text[k].ToString()))
            {
                return letters[i];
            }
        }

        Assert.Fail($"'{text}' not found on page {page.Number}: {page.Text}");
        throw new InvalidOperationException();
    }

    private static TextItem Text(Bounds bounds, string text, TextStyle style, BoxStyle? box = null, double x = 2, double baseline = 12) =>
        new(bounds, PageRegion.Body, text, text, null, style, box ?? BoxStyle.None,
            [new TextLine(x, baseline, SkiaTextMeasurer.Shared.MeasureWidth(text, style), text)]);

    private static PaginatedDocument SampleDocument()
    {
        var redSolid = new BorderSide(BorderStyle.Solid, Red, 1);
        var boxed = new BoxStyle(LightBlue, redSolid, redSolid, redSolid, redSolid, new Padding(2, 2, 2, 2));
        var mixed = new BoxStyle(
            Rgba.Transparent,
            new BorderSide(BorderStyle.Dashed, Rgba.Black, 1),
            new BorderSide(BorderStyle.Dotted, Rgba.Black, 1),
            new BorderSide(BorderStyle.Double, Rgba.Black, 3),
            new BorderSide(BorderStyle.Solid, new Rgba(0, 128, 0), 2),
            Padding.None);
        var bold = TextStyle.Default with { Bold = true, Underline = true, FontSize = 12 };

        var page1 = new Page(1, A4Width, A4Height,
        [
            Text(new Bounds(72, 100, 200, 20), "Hello Report", TextStyle.Default),
            Text(new Bounds(300, 200, 150, 20), "Total 1,234.50", bold, boxed, x: 10, baseline: 14),
            new RectangleItem(new Bounds(72, 300, 300, 100), PageRegion.Body, mixed),
            new LineItem(new Bounds(72, 450, 400, 0), PageRegion.Body, new BorderSide(BorderStyle.Solid, Rgba.Black, 0.5)),
            new LineItem(new Bounds(72, 460, 400, 40), PageRegion.Body, new BorderSide(BorderStyle.Dashed, Red, 1)),
        ]);

        var serif = TextStyle.Default with { FontFamily = "Times New Roman", FontSize = 14 };
        var wrapped = new TextItem(
            new Bounds(100, 400, 200, 40),
            PageRegion.Body,
            "wrapped line one wrapped line two",
            null,
            null,
            TextStyle.Default,
            BoxStyle.None,
            [new TextLine(2, 12, 80, "wrapped line one"), new TextLine(2, 26, 80, "wrapped line two")]);
        var page2 = new Page(2, A4Width, A4Height,
        [
            Text(new Bounds(72, 72, 300, 24), "Second page", serif, baseline: 16),
            wrapped,
        ]);

        return new PaginatedDocument("Sales Report", [page1, page2]);
    }
}
