namespace Renderer.Sandbox;

/// <summary>
/// Where a render with <c>RenderInput.StreamPages</c> sends each page as its writer finishes it. The sandbox session sets
/// <see cref="Sink"/> for its render (the value flows with the render's async context, as <see cref="RenderProgress"/>);
/// a render without a sink (the CLI's in-process engine, tests) drops the pages and returns only the summary.
/// </summary>
internal static class PageStream
{
    private static readonly AsyncLocal<Writers.Html.HtmlDocumentWriter.PageSink?> Current = new();

    /// <summary>The current render's sink, or null.</summary>
    public static Writers.Html.HtmlDocumentWriter.PageSink? Sink => Current.Value;

    /// <summary>Sends pages to <paramref name="sink"/> for the rest of this async flow.</summary>
    public static void Start(Writers.Html.HtmlDocumentWriter.PageSink sink) => Current.Value = sink;
}
