using System.Collections.Immutable;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Xlsx;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Renderer.Sandbox.Tests.Charts;

public class ChartXlsxTests
{
    [Test]
    public void The_chart_is_a_picture_anchored_at_its_cell()
    {
        var run = ChartRun.Render(ChartRdl.Modern(), ChartRdl.Columns, ChartRdl.Rows);
        var page = run.Document.Pages[0];
        // A textbox above the chart: the chart starts on the second sheet row.
        var title = new TextItem(new Bounds(20, 10, 100, 10), PageRegion.Body, "Report", "Report", null, TextStyle.Default, BoxStyle.None, []);
        var document = run.Document with { Pages = [page with { Items = [title, .. page.Items] }] };
        using var output = new MemoryStream();
        new XlsxDocumentWriter().Write(document, output);
        output.Position = 0;

        using var book = SpreadsheetDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(book).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
        var sheet = book.WorkbookPart!.WorksheetParts.Single();
        var drawing = sheet.DrawingsPart;
        Assert.That(drawing, Is.Not.Null);
        var anchor = drawing!.WorksheetDrawing!.Elements<Xdr.OneCellAnchor>().Single();
        Assert.That(anchor.FromMarker!.RowId!.Text, Is.EqualTo("1"));
        Assert.That(anchor.FromMarker!.ColumnId!.Text, Is.EqualTo("0"));
        Assert.That(anchor.Extent!.Cx!.Value, Is.EqualTo(360 * 12700));
        var image = drawing.ImageParts.Single();
        Assert.That(image.ContentType, Is.EqualTo("image/png"));
        using var png = image.GetStream();
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.That(bitmap.Width, Is.EqualTo(720));
    }

    [Test]
    public void Sheets_without_charts_get_no_drawing()
    {
        var text = new TextItem(new Bounds(20, 10, 100, 10), PageRegion.Body, "Only text", "Only text", null, TextStyle.Default, BoxStyle.None, []);
        var document = new PaginatedDocument("Plain", [new Page(1, 300, 300, ImmutableArray.Create<PageItem>(text))]);
        using var output = new MemoryStream();
        new XlsxDocumentWriter().Write(document, output);
        output.Position = 0;

        using var book = SpreadsheetDocument.Open(output, false);
        Assert.That(book.WorkbookPart!.WorksheetParts.Single().DrawingsPart, Is.Null);
    }
}
