using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Layout;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Runtime;
using Renderer.Sandbox.Tests.Layout;
using Renderer.Sandbox.Writers.Html;

namespace Renderer.Sandbox.Tests.Writers.Html;

/// <summary>A report processed and paginated for the HTML format (InteractiveHeight, viewer drillthrough links), then written as HTML.</summary>
internal sealed record HtmlRun(PaginatedDocument Document, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public static HtmlRun Render(string rdl, object?[][] rows, string? serverUrl = null, string[]? columns = null, IExpressionEvaluator? evaluator = null)
    {
        var run = TestReportProcessing.Process(rdl, "Report", evaluator ?? new MiniEvaluator(), columns ?? PagingRdl.Columns, rows, serverUrl, format: "html");
        var processor = run.Processor;
        var placer = new ItemPlacer(new TextLayout(SkiaTextMeasurer.Shared));
        var pages = ReportLayout.Compose(run.Report, run.Processed, processor.Context!, processor.Items!, placer, interactive: true).ComposeAll();
        var document = new PaginatedDocument("Report <&> \"1\"", pages) { DocumentMap = processor.Items!.Links.DocumentMap(pages), Language = "en-US" };
        return new HtmlRun(document, run.ReadDiagnostics.AddRange(run.ProcessDiagnostics));
    }

    /// <summary>The standalone HTML document.</summary>
    public string Html() => Write(Document);

    public static string Write(PaginatedDocument document)
    {
        using var output = new MemoryStream();
        new HtmlDocumentWriter().Write(document, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The streamed render: each page's fragment as the sink got it, then the JSON summary.</summary>
    public static (List<(int Index, int Count, string Html)> Pages, JsonElement Summary) Stream(PaginatedDocument document)
    {
        var pages = new List<(int, int, string)>();
        using var output = new MemoryStream();
        new HtmlDocumentWriter().WriteStreamed(document, (index, count, content) => pages.Add((index, count, Encoding.UTF8.GetString(content.Span))), output);
        return (pages, JsonDocument.Parse(output.ToArray()).RootElement.Clone());
    }
}
