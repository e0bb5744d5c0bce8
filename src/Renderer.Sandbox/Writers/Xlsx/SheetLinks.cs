using System.Globalization;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// Collects, for one worksheet, the cells that carry hyperlinks (external URLs become relationships of the sheet part)
/// and where the document map's targets landed (<c>'Sheet'!B7</c>, shared across sheets through the target map).
/// </summary>
internal sealed class SheetLinks(string sheetName, Dictionary<string, string> documentMapTargets)
{
    private readonly List<SheetHyperlink> _cells = [];
    private readonly List<(string Id, string Url)> _external = [];
    private readonly string _quotedSheet = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'!";

    public IReadOnlyList<SheetHyperlink> Cells => _cells;

    /// <summary>Relationship id and URL of each external hyperlink, for the sheet's relationship part.</summary>
    public IReadOnlyList<(string Id, string Url)> External => _external;

    /// <summary>Records the links of a text item anchored at (<paramref name="row"/>, <paramref name="column"/>), 0-based.</summary>
    public void Add(TextItem item, int row, int column)
    {
        if (item.DocumentMapId is { } id && !documentMapTargets.ContainsKey(id))
        {
            documentMapTargets[id] = _quotedSheet + WorksheetWriter.ColumnName(column) + (row + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (LinkOf(item) is { } url && IsSafeUrl(url, out var normalized))
        {
            var relationshipId = "rIdLink" + (_external.Count + 1).ToString(CultureInfo.InvariantCulture);
            _external.Add((relationshipId, normalized));
            _cells.Add(new SheetHyperlink(row, column, relationshipId, null, null));
        }
    }

    /// <summary>
    /// The cell's link: the textbox's own hyperlink, else the link of its rich text when all its linked runs
    /// (HTML <c>A href</c>) point to one URL. Excel links whole cells, so text with two different links keeps none.
    /// </summary>
    public static string? LinkOf(TextItem item)
    {
        if (item.Hyperlink is { } own) return own;
        if (item.Rich is not { } rich) return null;
        string? link = null;
        foreach (var run in rich.Paragraphs.SelectMany(p => p.Runs))
        {
            if (run.Link is null || run.Link == link) continue;
            if (link is not null) return null;
            link = run.Link;
        }
        return link;
    }

    /// <summary>The links <see cref="SafeLinks"/> allows (absolute http, https and mailto), escaped as a relationship target.</summary>
    public static bool IsSafeUrl(string url, out string normalized)
    {
        normalized = SafeLinks.Normalize(url) is { } safe ? new Uri(safe).AbsoluteUri : string.Empty;
        return normalized.Length > 0;
    }
}
