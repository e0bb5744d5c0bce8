using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using SkiaSharp;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// Writes a <see cref="PaginatedDocument"/> as PDF through Skia's PDF backend. Coordinates are points with the origin
/// top-left, as in the page model (Skia flips to PDF space itself). Text is drawn with the shipped fonts, which Skia
/// embeds with ToUnicode maps, so it stays selectable and extractable. Hyperlinks, drillthroughs and bookmark links become
/// link annotations (<see cref="PdfLinkPainter"/>), and the document map becomes the outline (<see cref="PdfOutlineWriter"/>).
/// Output is deterministic for a given document
/// and timestamp. Thread-safe: each <see cref="Write"/> call uses its own canvas and paints.
/// </summary>
internal sealed class PdfDocumentWriter
{
    /// <summary>Creation/modification date written when none is given, so identical input gives identical bytes.</summary>
    public static readonly DateTime DefaultTimestamp = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly SkiaFontCache fonts;
    private readonly DateTime timestamp;

    public PdfDocumentWriter()
        : this(SkiaFontCache.Shared, null)
    {
    }

    /// <param name="fonts">Font cache (and through it the font library) to draw with; the shared one by default.</param>
    /// <param name="timestamp">CreationDate/ModDate of the document; <see cref="DefaultTimestamp"/> when null.</param>
    public PdfDocumentWriter(SkiaFontCache? fonts, DateTime? timestamp)
    {
        this.fonts = fonts ?? SkiaFontCache.Shared;
        this.timestamp = timestamp ?? DefaultTimestamp;
    }

    public void Write(PaginatedDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        // The document map becomes the PDF outline, appended to Skia's finished file (see PdfOutlineWriter).
        var outline = PdfOutlineEntry.From(document);
        if (outline.IsEmpty)
        {
            WritePages(document, output);
        }
        else
        {
            using var buffer = new MemoryStream();
            WritePages(document, buffer);
            var bytes = buffer.ToArray();
            try
            {
                bytes = PdfOutlineWriter.Append(bytes, outline);
            }
            catch (InvalidDataException)
            {
                // Not a file layout the outline writer understands: keep the PDF without an outline.
            }

            output.Write(bytes);
        }

        output.Flush();
    }

    private void WritePages(PaginatedDocument document, Stream output)
    {
        var links = new PdfLinkPainter();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title ?? string.Empty,
            Creator = "Renderer",
            Producer = "Renderer (SkiaSharp PDF)",
            RasterDpi = 300,
            EncodingQuality = 101,
            Creation = timestamp,
            Modified = timestamp,
        };

        using (var pdf = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document."))
        using (var painter = new PdfStrokePainter())
        using (var textPaint = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true })
        using (var subsets = new PdfFontSubsets(fonts, links.Scanning(document.EnumeratePages())))
        {
            var pageIndex = 0;
            foreach (var page in document.EnumeratePages())
            {
                var canvas = pdf.BeginPage((float)page.Width, (float)page.Height);
                foreach (var item in page.Items)
                {
                    DrawItem(canvas, item, painter, textPaint, subsets);
                }

                links.Annotate(canvas, page, pageIndex++);
                pdf.EndPage();
            }

            if (document.PageCount == 0)
            {
                // A PDF needs at least one page; write a blank A4 page rather than an invalid file.
                pdf.BeginPage(595.276f, 841.89f);
                pdf.EndPage();
            }

            pdf.Close();
        }
    }

    private static void DrawItem(SKCanvas canvas, PageItem item, PdfStrokePainter painter, SKPaint textPaint, PdfFontSubsets subsets)
    {
        switch (item)
        {
            case TextItem text:
                painter.DrawBox(canvas, text.Bounds, text.Box);
                DrawText(canvas, text, textPaint, subsets);
                break;
            case RectangleItem rectangle:
                painter.DrawBox(canvas, rectangle.Bounds, rectangle.Box);
                break;
            case LineItem line:
                painter.DrawLine(canvas, line.Bounds, line.Stroke);
                break;
            case ImageItem image:
                PdfImagePainter.Draw(canvas, image);
                break;
            case ChartItem chart:
                Charts.ChartPainter.Draw(canvas, chart, subsets.Get, new PdfChartText(subsets));
                break;
        }
    }

    private static void DrawText(SKCanvas canvas, TextItem item, SKPaint paint, PdfFontSubsets subsets)
    {
        if (item.Lines.IsDefaultOrEmpty || (item.Style.Color.IsTransparent && item.Rich is null))
        {
            return;
        }

        if (item.Rich is not null)
        {
            DrawRichText(canvas, item, paint, subsets);
            return;
        }

        var bounds = item.Bounds;
        var font = subsets.Get(item.Style, out var face);
        paint.Color = PdfStrokePainter.ToColor(item.Style.Color);
        var underline = item.Style.Underline ? SkiaTextMeasurer.ReadMetrics(font) : (FontMetrics?)null;

        canvas.Save();
        canvas.ClipRect(new SKRect((float)bounds.X, (float)bounds.Y, (float)bounds.Right, (float)bounds.Bottom));
        foreach (var line in item.Lines)
        {
            if (string.IsNullOrEmpty(line.Text))
            {
                continue;
            }

            var x = (float)(bounds.X + line.X);
            var baseline = (float)(bounds.Y + line.Baseline);
            float width;
            if (subsets.Shaper.Fallback.IsSimple(line.Text, face))
            {
                var text = line.Text.Contains('\t') ? line.Text.Replace('\t', ' ') : line.Text;
                canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
                width = line.Width > 0 ? (float)line.Width : font.MeasureText(text);
            }
            else
            {
                var shaped = subsets.Shape(line.Text, item.Style);
                DrawShaped(canvas, shaped, x, baseline, item.Style, paint, subsets);
                width = line.Width > 0 ? (float)line.Width : shaped.Width;
            }

            if (underline is { } metrics)
            {
                var top = baseline + (float)metrics.UnderlinePosition;
                canvas.DrawRect(new SKRect(x, top, x + width, top + (float)metrics.UnderlineThickness), paint);
            }
        }

        canvas.Restore();
    }

    /// <summary>Draws the lines of a rich-text item segment by segment, each in its own style (font, colour, underline, strike).</summary>
    private static void DrawRichText(SKCanvas canvas, TextItem item, SKPaint paint, PdfFontSubsets subsets)
    {
        var bounds = item.Bounds;
        canvas.Save();
        canvas.ClipRect(new SKRect((float)bounds.X, (float)bounds.Y, (float)bounds.Right, (float)bounds.Bottom));
        foreach (var line in item.Lines)
        {
            if (line.Segments.IsDefault) continue;
            var baseline = (float)(bounds.Y + line.Baseline);
            foreach (var segment in line.Segments)
            {
                if (segment.Text.Length == 0 || segment.Style.Color.IsTransparent) continue;
                var font = subsets.Get(segment.Style, out var face);
                paint.Color = PdfStrokePainter.ToColor(segment.Style.Color);
                var x = (float)(bounds.X + segment.X);
                if (subsets.Shaper.Fallback.IsSimple(segment.Text, face)) canvas.DrawText(segment.Text, x, baseline, SKTextAlign.Left, font, paint);
                else DrawShaped(canvas, subsets.Shape(segment.Text, segment.Style), x, baseline, segment.Style, paint, subsets);
                if (!segment.Style.Underline && !segment.Style.LineThrough) continue;
                var metrics = SkiaTextMeasurer.ReadMetrics(font);
                var width = (float)segment.Width;
                if (segment.Style.Underline)
                {
                    var top = baseline + (float)metrics.UnderlinePosition;
                    canvas.DrawRect(new SKRect(x, top, x + width, top + (float)metrics.UnderlineThickness), paint);
                }
                if (segment.Style.LineThrough)
                {
                    var top = baseline - (float)(metrics.Ascent * 0.3);
                    canvas.DrawRect(new SKRect(x, top, x + width, top + (float)metrics.UnderlineThickness), paint);
                }
            }
        }

        canvas.Restore();
    }

    /// <summary>Draws a shaped line with the document's subset fonts (see <see cref="Charts.ShapedTextDrawer"/>).</summary>
    internal static void DrawShaped(SKCanvas canvas, ShapedLine line, float x, float baseline, TextStyle style, SKPaint paint, PdfFontSubsets subsets) =>
        Charts.ShapedTextDrawer.Draw(canvas, line, x, baseline, paint, typeface => subsets.Get(typeface, style));
}
