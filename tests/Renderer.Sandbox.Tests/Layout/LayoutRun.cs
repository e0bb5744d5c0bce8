using System.Collections.Immutable;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Layout;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Tests.Writers;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// Reads an RDL text, processes it with <see cref="MiniEvaluator"/> over in-memory rows and paginates it with the real
/// layout (BodyLayout, Paginator, page header/footer), giving the page model to assert on.
/// </summary>
internal sealed class LayoutRun
{
    private LayoutRun(PageComposer composer)
    {
        _composer = composer;
        Document = new PaginatedDocument("Layout", new PaginatedDocument("Layout", composer).Pages);
    }

    private readonly PageComposer _composer;

    /// <summary>Every page composed and held, as a document built by hand would hold them.</summary>
    public PaginatedDocument Document { get; }

    public ImmutableArray<Page> Pages => Document.Pages;

    public static LayoutRun Render(string rdl, string[] columns, params object?[][] rows) => Render(rdl, columns, horizontalPages: false, rows);

    /// <summary>As <see cref="Render(string, string[], object[][])"/>, with content wider than the page continued on horizontal pages (as PDF does).</summary>
    public static LayoutRun RenderWide(string rdl, string[] columns, params object?[][] rows) => Render(rdl, columns, horizontalPages: true, rows);

    private static LayoutRun Render(string rdl, string[] columns, bool horizontalPages, object?[][] rows)
    {
        var run = TestReportProcessing.Process(rdl, "Layout", new MiniEvaluator(), columns, rows);
        Assert.That(run.ProcessDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        var placer = new ItemPlacer(new TextLayout(SkiaTextMeasurer.Shared));
        var composer = ReportLayout.Compose(run.Report, run.Processed, run.Processor.Context!, run.Processor.Items!, placer, horizontalPages);
        return new LayoutRun(composer);
    }

    /// <summary>The document as the sandbox renders it: pages composed on demand (see <see cref="Document"/> for all pages held).</summary>
    public PaginatedDocument Streamed => new("Layout", _composer);

    /// <summary>Texts of the body text items on page <paramref name="number"/> (1-based), top to bottom.</summary>
    public string[] BodyTexts(int number) =>
        Pages[number - 1].Items.OfType<TextItem>().Where(t => t.Region == PageRegion.Body).OrderBy(t => t.Bounds.Y).ThenBy(t => t.Bounds.X).Select(t => t.Text).ToArray();

    /// <summary>Text of the textbox named <paramref name="name"/> on each page where it appears.</summary>
    public string[] TextsOf(string name) =>
        Pages.Select(p => p.Items.OfType<TextItem>().FirstOrDefault(t => t.Name == name)?.Text).OfType<string>().ToArray();

    /// <summary>The 1-based page holding the (first) body item with text <paramref name="text"/>, and the item.</summary>
    public (int Page, TextItem Item) Find(string text)
    {
        foreach (var page in Pages)
            if (page.Items.OfType<TextItem>().FirstOrDefault(t => t.Text == text && !(t.Cell?.IsRepeat ?? false)) is { } item) return (page.Number, item);
        Assert.Fail($"'{text}' is on no page");
        return default;
    }

    public string[] SheetNames()
    {
        using var output = new MemoryStream(OfficeOutput.Xlsx(Document));
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(output, false);
        return workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToArray();
    }
}
