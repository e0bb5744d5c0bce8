using Renderer.Contracts.Formats;
using System.Text;
using System.Text.Json;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Html;

/// <summary>
/// Writes a <see cref="PaginatedDocument"/> as HTML, page by page (each page composed, written and released before the
/// next, so the first page is out before later ones are composed):
/// <list type="bullet">
/// <item><see cref="Write"/>: one standalone HTML5 document (charset, title, the style sheet, every page).</item>
/// <item><see cref="WriteStreamed"/>: each page's <c>&lt;section&gt;</c> goes to a sink as soon as it is written (the
/// sandbox sends it to the host as a <c>PageReadyMessage</c>), and the output is a UTF-8 JSON summary:
/// <c>{"title","css","pageCount","documentMap":[{"id","label","level","page"}],"bookmarks":{"id":page}}</c>, pages 1-based.</item>
/// </list>
/// No script, event attribute or javascript: URL is ever written; all report text is escaped (<see cref="HtmlMarkup"/>).
/// </summary>
internal sealed class HtmlDocumentWriter
{
    /// <summary>Receives page <c>index</c> (0-based) of <c>count</c> as UTF-8 HTML, once it is written.</summary>
    public delegate void PageSink(int index, int count, ReadOnlyMemory<byte> content);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public void Write(PaginatedDocument document, Stream output)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html");
        if (!string.IsNullOrEmpty(document.Language)) html.Append(" lang=\"").Text(document.Language).Append('"');
        html.Append(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Text(document.Title)
            .Append("</title>\n<style>\n").Append(HtmlStyleSheet.Text).Append("</style>\n</head>\n<body class=\"rpt-doc\">\n<main>\n");
        Flush(html, output);
        WritePages(document, html, (_, _, bytes) => output.Write(bytes.Span));
        html.Append("</main>\n</body>\n</html>\n");
        Flush(html, output);
        output.Flush();
    }

    /// <summary>Writes each page to <paramref name="pages"/> (none when null), then the JSON summary to <paramref name="output"/>.</summary>
    public void WriteStreamed(PaginatedDocument document, PageSink? pages, Stream output)
    {
        var links = WritePages(document, new StringBuilder(), pages ?? ((_, _, _) => { }));
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("title", document.Title);
        json.WriteString("css", HtmlStyleSheet.Text);
        json.WriteNumber("pageCount", document.PageCount);
        json.WriteStartArray("documentMap");
        foreach (var entry in document.DocumentMap)
        {
            if (!links.MapTargets.TryGetValue(entry.Id, out var page)) continue;
            json.WriteStartObject();
            json.WriteString("id", entry.Id);
            json.WriteString("label", entry.Label);
            json.WriteNumber("level", entry.Level);
            json.WriteNumber("page", page);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("bookmarks");
        foreach (var (id, page) in links.Bookmarks) json.WriteNumber(id, page);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.Flush();
    }

    private static HtmlLinks WritePages(PaginatedDocument document, StringBuilder html, PageSink sink)
    {
        var links = new HtmlLinks();
        var count = document.PageCount;
        for (int i = 0; i < count; i++)
        {
            HtmlPageWriter.Write(html, document.GetPage(i), links);
            var bytes = Utf8.GetBytes(html.ToString());
            html.Clear();
            document.ReleasePage(i);
            sink(i, count, bytes);
        }
        return links;
    }

    private static void Flush(StringBuilder html, Stream output)
    {
        output.Write(Utf8.GetBytes(html.ToString()));
        html.Clear();
    }
}
