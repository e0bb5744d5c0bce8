using System.Collections.Immutable;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Rdl.Model.Reading;
using Renderer.Contracts.Formats;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Layout;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Runtime;
using Renderer.Sandbox.Writers;

namespace Renderer.Sandbox;

/// <summary>
/// The sandbox's pipeline for one render: RDL -> model -> compiled expressions -> data (asked of the host) ->
/// processed report -> pages -> PDF, XLSX, CSV, DOCX or HTML bytes (a viewer's HTML render also sends each page as it
/// is written). Failures come back as diagnostics in a failed <see cref="RenderOutput"/>.
/// </summary>
public static class RenderEngine
{
    /// <summary>
    /// Band count (about one per table row) above which pages are streamed to the writer rather than held: held pages
    /// cost roughly 1 KB per table row, streamed ones are composed again for each pass a writer makes.
    /// </summary>
    internal const int StreamPagesAbove = 20_000;

    public static Task<RenderOutput> RenderAsync(RenderInput input, IDataSetProvider data, CancellationToken cancellationToken) =>
        RenderAsync(input, data, cancellationToken, chunkedOutput: false);

    /// <summary>
    /// As <see cref="RenderAsync(RenderInput, IDataSetProvider, CancellationToken)"/>; with <paramref name="chunkedOutput"/>
    /// a PDF, XLSX or CSV output is returned in <see cref="RenderOutput.ContentChunks"/> and never copied into one array.
    /// </summary>
    internal static Task<RenderOutput> RenderAsync(RenderInput input, IDataSetProvider data, CancellationToken cancellationToken, bool chunkedOutput)
    {
        var diagnostics = new DiagnosticBag();
        var trace = RenderTrace.Start();
        var stages = new StageClock();
        var document = Paginate(input, data, diagnostics, cancellationToken, trace, stages);
        if (document is null) return Task.FromResult(Failed(diagnostics));
        var (bytes, chunks, contentType) = Write(document, input, chunkedOutput);
        var output = new RenderOutput(bytes, contentType, document.PageCount, diagnostics.ToImmutable())
        {
            ContentChunks = chunks,
            ProcessingMilliseconds = stages.ProcessingMilliseconds,
            RenderingMilliseconds = stages.SinceProcessedMilliseconds,
        };
        trace?.Mark("write");
        return Task.FromResult(output);
    }

    /// <summary>
    /// Runs everything up to the page model; null when a stage failed (see the diagnostics). With <paramref name="streamed"/>
    /// the pages are composed on demand whatever the report's size (tests compare it with the held pages of a small report).
    /// </summary>
    internal static PaginatedDocument? Paginate(RenderInput input, IDataSetProvider data, DiagnosticBag diagnostics, CancellationToken cancellationToken, RenderTrace? trace = null, StageClock? stages = null, bool streamed = false)
    {
        var read = RdlReader.Read(input.RdlBytes, input.FileName);
        diagnostics.AddRange(read.Diagnostics);
        if (!read.Success || read.Report is null) return null;
        var report = read.Report;

        trace?.Mark("read");
        var evaluator = CompiledExpressionEvaluator.Load(input.AssemblyImage, ExpressionCollector.Collect(report));
        using var wasm = Runtime.Wasm.WasmRuntime.Attach(evaluator, input);
        var processor = new ReportProcessor(report, evaluator, data, input, cancellationToken);
        // VB conversions and Format() read the thread culture: use the report's Language, as SSRS does.
        System.Globalization.CultureInfo.CurrentCulture = processor.Culture;
        Processing.Instances.ProcessedReport? processed;
        try
        {
            processed = processor.Process(diagnostics);
        }
        catch (DataSetRequestException ex)
        {
            diagnostics.Add(RdlDiagnostic.Error(DiagnosticCodes.Data.DataSetNotLoaded, $"Dataset '{ex.DataSetName}' could not be loaded: {ex.Message}", report.FindDataSet(ex.DataSetName)?.Location ?? SourceLocation.None, $"DataSet '{ex.DataSetName}'"));
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var cause = Unwrap(ex);
            diagnostics.Add(ProcessingErrorSite.Diagnostic(DiagnosticCodes.Processing.ProcessingFailed, $"Processing of report '{input.ReportName}' failed: {cause.Message}", cause, input.FileName));
            return null;
        }
        if (processed is null) return null;
        stages?.Processed();
        trace?.Mark("process");

        // Only drawn formats need word-wrapped, measured lines; XLSX/CSV keep values and skip text measuring.
        var measureText = FormatOf(input).MeasuresText;
        var placer = new ItemPlacer(new TextLayout(SkiaTextMeasurer.Shared, measureText));
        // Large reports: pages are composed one at a time while the writer runs (and dropped after), not held all at
        // once. Small ones hold their pages: writers that read pages twice (XLSX column grid, PDF font subsets) then
        // compose each page once, which is cheaper in a cold process.
        // PDF is the hard-page format: content wider than the page continues on horizontal pages there.
        var composer = ReportLayout.Compose(report, processed, processor.Context!, processor.Items!, placer, horizontalPages: FormatOf(input).HorizontalPages, diagnostics,
            interactive: FormatOf(input) == OutputFormats.Html);
        // A render that streams its pages (the viewer) composes each one only when it is written, so page 1 goes out
        // before later pages are composed; its writer keeps the document map entries whose targets it writes.
        var streamsPages = input.StreamPages && FormatOf(input) == OutputFormats.Html;
        // A workbook's held pages come with each sheet's header, evaluated again over the sheet's pages now (SheetHeaders),
        // so that, as for other formats, the pagination can go once the pages are composed.
        var document = composer.PlacementCount > StreamPagesAbove || streamsPages || streamed
            ? new PaginatedDocument(input.ReportName, composer) { Language = processor.Culture.Name }
            : FormatOf(input) == OutputFormats.Xlsx
                ? Writers.Xlsx.SheetHeaders.Held(input.ReportName, composer, composer.ComposeAll()) with { Language = processor.Culture.Name }
                : new PaginatedDocument(input.ReportName, composer.ComposeAll()) { Language = processor.Culture.Name };
        var map = streamsPages ? processor.Items!.Links.DocumentMap(pages: null) : processor.Items!.Links.DocumentMap(document.EnumeratePages());
        document = document with { DocumentMap = map, Setup = PageSetupOf(report.Sections[0]) };
        trace?.Mark("paginate");
        return document;
    }

    private static PageSetup PageSetupOf(Rdl.Model.Definitions.ReportSection section)
    {
        var page = section.Page;
        var columns = Math.Max(1, page.Columns);
        var bodyWidth = (section.Width.Points * columns) + (page.ColumnSpacing.Points * (columns - 1));
        return new PageSetup(
            page.PageWidth.Points,
            page.PageHeight.Points,
            page.LeftMargin.Points,
            page.TopMargin.Points,
            page.RightMargin.Points,
            page.BottomMargin.Points,
            page.Header?.Height.Points ?? 0,
            page.Footer?.Height.Points ?? 0,
            bodyWidth);
    }

    /// <summary>
    /// Writes the document with the format's writer (<see cref="WriterRegistry"/>): PDF, XLSX, CSV and HTML front to back into
    /// blocks (the XLSX zip with data descriptors, as any streamed zip), returned as they are when <paramref name="chunked"/>,
    /// else as one array; DOCX, whose OpenXml package seeks in its output, through a MemoryStream.
    /// </summary>
    private static (byte[] Bytes, IReadOnlyList<ReadOnlyMemory<byte>>? Chunks, string ContentType) Write(PaginatedDocument document, RenderInput input, bool chunked)
    {
        var format = FormatOf(input);
        var output = new ChunkedOutput();
        // A streamed HTML render's output is the JSON summary of the pages it sent.
        var contentType = input.StreamPages && format == OutputFormats.Html ? System.Net.Mime.MediaTypeNames.Application.Json : format.MimeType;
        if (WriterRegistry.For(format)(document, input, output) is { } whole) return (whole, null, contentType);
        return chunked ? ([], output.Chunks, contentType) : (output.ToArray(), null, contentType);
    }

    /// <summary>The render's format; the host accepts only listed ones, anything else is written as the default (PDF).</summary>
    private static OutputFormat FormatOf(RenderInput input) => OutputFormats.Find(input.Format) ?? OutputFormats.Default;

    private static RenderOutput Failed(DiagnosticBag diagnostics) => new([], string.Empty, 0, diagnostics.ToImmutable());

    private static Exception Unwrap(Exception ex) => ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
}

/// <summary>Splits a render's wall time into processing (up to the processed report) and rendering (pagination and writing), for the execution log.</summary>
internal sealed class StageClock
{
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private long _processedAt = -1;

    public long ProcessingMilliseconds => _processedAt < 0 ? _watch.ElapsedMilliseconds : _processedAt;

    public long SinceProcessedMilliseconds => _processedAt < 0 ? 0 : _watch.ElapsedMilliseconds - _processedAt;

    public void Processed() => _processedAt = _watch.ElapsedMilliseconds;
}
