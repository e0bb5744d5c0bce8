using System.Collections.Frozen;
using Renderer.Contracts.Formats;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Csv;
using Renderer.Sandbox.Writers.Docx;
using Renderer.Sandbox.Writers.Html;
using Renderer.Sandbox.Writers.Pdf;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Writers;

/// <summary>
/// Writes <paramref name="document"/> in one format: into <paramref name="output"/> front to back (returning null), or,
/// for a writer that must seek in its output, as one array.
/// </summary>
internal delegate byte[]? DocumentWriter(PaginatedDocument document, RenderInput input, ChunkedOutput output);

/// <summary>
/// The writer of each entry of <see cref="OutputFormats"/>, the one list of formats; a format without a writer here
/// (or a writer for a format not in that list) fails the sandbox's first render and WriterRegistryTests.
/// </summary>
internal static class WriterRegistry
{
    private static readonly FrozenDictionary<string, DocumentWriter> Writers = Check(new Dictionary<string, DocumentWriter>(StringComparer.OrdinalIgnoreCase)
    {
        [OutputFormats.Pdf.Name] = (document, _, output) =>
        {
            new PdfDocumentWriter().Write(document, output);
            return null;
        },
        // The document is dropped after writing: each page's rows can go as soon as they are written.
        [OutputFormats.Xlsx.Name] = (document, _, output) =>
        {
            new XlsxDocumentWriter { ReleaseWrittenPages = true }.Write(document, output);
            return null;
        },
        [OutputFormats.Csv.Name] = (document, input, output) =>
        {
            new CsvDocumentWriter(new CsvOptions { ProtectFormulas = input.ProtectCsvFormulas }).Write(document, output);
            return null;
        },
        // The OpenXml package seeks in its output, so DOCX goes through a MemoryStream.
        [OutputFormats.Docx.Name] = (document, _, _) =>
        {
            using var stream = new MemoryStream();
            new DocxDocumentWriter().Write(document, stream);
            return stream.ToArray();
        },
        // A viewer render (StreamPages) sends each page as it is written and returns a JSON summary; otherwise one document.
        [OutputFormats.Html.Name] = (document, input, output) =>
        {
            if (input.StreamPages) new HtmlDocumentWriter().WriteStreamed(document, PageStream.Sink, output);
            else new HtmlDocumentWriter().Write(document, output);
            return null;
        },
    });

    /// <summary>The format names that have a writer (every name of <see cref="OutputFormats.All"/>).</summary>
    public static IReadOnlyCollection<string> Formats => Writers.Keys;

    /// <summary>The writer of <paramref name="format"/>.</summary>
    public static DocumentWriter For(OutputFormat format) => Writers[format.Name];

    private static FrozenDictionary<string, DocumentWriter> Check(Dictionary<string, DocumentWriter> writers)
    {
        var missing = OutputFormats.Names.Where(n => !writers.ContainsKey(n)).ToList();
        var unlisted = writers.Keys.Where(n => OutputFormats.Find(n) is null).ToList();
        if (missing.Count > 0 || unlisted.Count > 0)
            throw new InvalidOperationException($"The writer registry does not match OutputFormats: no writer for [{string.Join(", ", missing)}], writers for unlisted [{string.Join(", ", unlisted)}].");
        return writers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
