using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Evaluates the interactive properties of textboxes in the current scope: the Action (Hyperlink, BookmarkLink or
/// Drillthrough), Bookmark and DocumentMapLabel, and collects the document map. A group instance with a
/// DocumentMapLabel adds an entry that the first textbox evaluated inside the instance (usually its group header)
/// becomes the target of; entries nest by the labelled group instances around them. Hyperlinks other than absolute
/// http, https and mailto URLs are dropped with PRC4030. Drillthrough becomes a link to the server's render endpoint
/// (<c>{ReportServerUrl}/api/reports/{name}/render?format=pdf&amp;param=value</c>), or for the HTML viewer
/// (<see cref="ViewerLinks"/>) to the viewer (<c>{ReportServerUrl}/viewer?path={report}&amp;param=value</c>), when the
/// render has a server URL, and no link otherwise.
/// </summary>
internal sealed class LinkEvaluator(ItemEvaluator items, DiagnosticBag diagnostics)
{
    public const string UnsafeHyperlink = DiagnosticCodes.Processing.UnsafeHyperlink;
    private const int MaxReportedLinks = 20;
    private readonly List<MapEntry> _entries = [];
    private readonly List<MapEntry> _pending = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private int _depth;
    private int _nextId;

    /// <summary>Absolute base URL of the report server (no trailing slash needed); null when drillthrough links are not written.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>Drillthrough links open the report in the browser viewer (the HTML format) rather than render a PDF.</summary>
    public bool ViewerLinks { get; set; }

    /// <summary>Evaluates a group instance's DocumentMapLabel; pass the result to <see cref="EndGroup"/> when the instance ends.</summary>
    public object? BeginGroup(ExpressionText? label, ReportItem owner)
    {
        var text = Text(label, owner);
        if (text is null) return null;
        var entry = new MapEntry(text, _depth);
        _entries.Add(entry);
        _pending.Add(entry);
        _depth++;
        return entry;
    }

    public void EndGroup(object? token)
    {
        if (token is not MapEntry entry) return;
        _depth--;
        _pending.Remove(entry);
    }

    /// <summary>The links and document-map id of a textbox; null when it has none.</summary>
    public TextLinks? Evaluate(Textbox textbox)
    {
        var action = textbox.Action ?? FirstRunAction(textbox);
        if (action is null && textbox.Bookmark is null && textbox.DocumentMapLabel is null && _pending.Count == 0) return null;
        string? hyperlink = null, bookmarkLink = null;
        var drillthrough = false;
        if (action is not null)
        {
            if (action.Hyperlink is not null) hyperlink = Hyperlink(Text(action.Hyperlink, textbox), textbox, action.Hyperlink);
            else if (action.BookmarkLink is not null) bookmarkLink = Text(action.BookmarkLink, textbox);
            else if (action.Drillthrough is { } target) drillthrough = (hyperlink = Drillthrough(target, textbox)) is not null;
        }
        var bookmark = Text(textbox.Bookmark, textbox);
        var label = Text(textbox.DocumentMapLabel, textbox);
        string? mapId = null;
        if (label is not null || _pending.Count > 0)
        {
            mapId = "dm" + (_nextId++).ToString(CultureInfo.InvariantCulture);
            foreach (var entry in _pending) entry.Id = mapId;
            _pending.Clear();
            if (label is not null) _entries.Add(new MapEntry(label, _depth) { Id = mapId });
        }
        return hyperlink is null && bookmarkLink is null && bookmark is null && mapId is null
            ? null
            : new TextLinks(hyperlink, bookmark, bookmarkLink, mapId) { IsDrillthrough = drillthrough };
    }

    /// <summary>The first action of the textbox's text runs (runs can carry the hyperlink instead of the textbox).</summary>
    private static Rdl.Model.Definitions.Items.ActionDefinition? FirstRunAction(Textbox textbox)
    {
        foreach (var paragraph in textbox.Paragraphs)
        {
            foreach (var run in paragraph.Runs)
            {
                if (run.Action is not null) return run.Action;
            }
        }
        return null;
    }

    /// <summary>
    /// The document map: entries in processing order whose target textbox is on a page; with null <paramref name="pages"/>
    /// every entry that has a target (a writer that sees each page once keeps those it writes).
    /// </summary>
    public ImmutableArray<DocumentMapEntry> DocumentMap(IEnumerable<Page>? pages)
    {
        if (_entries.Count == 0) return [];
        if (pages is null) return [.. _entries.Where(e => e.Id is not null).Select(e => new DocumentMapEntry(e.Id!, e.Label, e.Level))];
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var item in page.Items)
                if (item is TextItem { DocumentMapId: { } id }) placed.Add(id);
        return [.. _entries.Where(e => e.Id is not null && placed.Contains(e.Id)).Select(e => new DocumentMapEntry(e.Id!, e.Label, e.Level))];
    }

    private string? Hyperlink(string? url, Textbox textbox, ExpressionText expression)
    {
        if (url is null) return null;
        if (SafeLinks.Normalize(url) is { } safe) return safe;
        Report(textbox, expression, $"The hyperlink '{Shorten(url)}' of {textbox.Describe()} was not written: only absolute http, https and mailto links are allowed.");
        return null;
    }

    private string? Drillthrough(DrillthroughDefinition drillthrough, Textbox textbox)
    {
        if (ServerUrl is not { Length: > 0 } server) return null;
        var report = Text(drillthrough.ReportName, textbox);
        if (report is null) return null;
        // A report path ("/Folder/Report") names the report by its last segment, as the catalog is flat; the viewer
        // takes the path as the report gave it.
        var name = report.TrimEnd('/').Split('/')[^1];
        var url = ViewerLinks
            ? new StringBuilder(server.TrimEnd('/')).Append("/viewer?path=").Append(Uri.EscapeDataString(report))
            : new StringBuilder(server.TrimEnd('/')).Append("/api/reports/").Append(Uri.EscapeDataString(name)).Append("/render?format=pdf");
        foreach (var parameter in drillthrough.Parameters)
        {
            if (parameter.Omit is not null && items.IsHidden(parameter.Omit, textbox)) continue;
            var value = items.TryEvaluate(parameter.Value, textbox, out var failed);
            if (failed) return null;
            foreach (var single in value is object?[] many ? many : [value])
            {
                url.Append('&').Append(Uri.EscapeDataString(parameter.Name)).Append('=');
                url.Append(Uri.EscapeDataString(Convert.ToString(single is DateTime d ? d.ToString("s", CultureInfo.InvariantCulture) : single, CultureInfo.InvariantCulture) ?? string.Empty));
            }
        }
        var result = url.ToString();
        return SafeLinks.Normalize(result) ?? Hyperlink(result, textbox, drillthrough.ReportName);
    }

    private string? Text(ExpressionText? expression, ReportItem owner)
    {
        if (expression is null) return null;
        var value = items.TryEvaluate(expression, owner, out var failed);
        if (failed) return null;
        var text = Convert.ToString(value, items.Culture)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private void Report(Textbox textbox, ExpressionText expression, string message)
    {
        if (_reported.Count >= MaxReportedLinks || !_reported.Add(textbox.Name)) return;
        diagnostics.Add(RdlDiagnostic.Warning(UnsafeHyperlink, message, expression.Location, expression.Site, expression.Raw));
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : url[..77] + "...";

    private sealed class MapEntry(string label, int level)
    {
        public string Label { get; } = label;

        public int Level { get; } = level;

        public string? Id { get; set; }
    }
}
