namespace Renderer.Contracts.Formats;

/// <summary>
/// One output format: its name in requests (<c>?format=xlsx</c>, <c>--format xlsx</c>), the file extension of its
/// downloads, its MIME type, a display name, and whether its layout measures text (formats whose cells hold whole
/// values do not), whether it continues wide pages on horizontal pages (paged formats that print), and the name report
/// code sees in <c>Globals!RenderFormat.Name</c> (SSRS's rendering extension names).
/// </summary>
public sealed record OutputFormat(string Name, string Extension, string MimeType, string DisplayName, bool MeasuresText, bool HorizontalPages, string RenderFormatName)
{
    /// <summary>The download file name of <paramref name="reportName"/> in this format (<c>Sales.xlsx</c>).</summary>
    public string FileName(string reportName) => reportName + Extension;

    public override string ToString() => Name;
}

/// <summary>
/// The one list of output formats. The API validates and documents (OpenAPI enum) the format from it, answers with its
/// MIME type and extension, the CLI names output files by it, and the sandbox's writer registry
/// (<c>Renderer.Sandbox.Writers.WriterRegistry</c>) must hold a writer for each entry and for nothing else. Adding a
/// format is one entry here plus its writer.
/// </summary>
public static class OutputFormats
{
    public static readonly OutputFormat Pdf = new("pdf", ".pdf", "application/pdf", "PDF", MeasuresText: true, HorizontalPages: true, RenderFormatName: "PDF");

    public static readonly OutputFormat Xlsx = new("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", MeasuresText: false, HorizontalPages: false, RenderFormatName: "EXCELOPENXML");

    public static readonly OutputFormat Csv = new("csv", ".csv", "text/csv", "CSV", MeasuresText: false, HorizontalPages: false, RenderFormatName: "CSV");

    public static readonly OutputFormat Docx = new("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", MeasuresText: true, HorizontalPages: false, RenderFormatName: "WORDOPENXML");

    /// <summary>
    /// Pages as HTML5 for the browser viewer: absolutely positioned items in points, the shipped fonts by @font-face,
    /// charts as inline SVG. With <c>RenderInput.StreamPages</c> each page goes to the host as it is written and the
    /// result is a JSON summary (title, style sheet, page count, document map, bookmarks).
    /// </summary>
    public static readonly OutputFormat Html = new("html", ".html", "text/html", "HTML", MeasuresText: true, HorizontalPages: false, RenderFormatName: "HTML5");

    /// <summary>Every format, in the order they are offered (the first is the default).</summary>
    public static IReadOnlyList<OutputFormat> All { get; } = [Pdf, Xlsx, Csv, Docx, Html];

    /// <summary>The format when a request names none.</summary>
    public static OutputFormat Default => All[0];

    /// <summary>The names, in order, as help texts and error messages list them.</summary>
    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>The format named <paramref name="name"/> (any letter case), or null.</summary>
    public static OutputFormat? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
