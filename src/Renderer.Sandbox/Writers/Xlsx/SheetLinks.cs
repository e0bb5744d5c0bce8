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

        if (item.Hyperlink is { } url && IsSafeUrl(url, out var normalized))
        {
            var relationshipId = "rIdLink" + (_external.Count + 1).ToString(CultureInfo.InvariantCulture);
            _external.Add((relationshipId, normalized));
            _cells.Add(new SheetHyperlink(row, column, relationshipId, null, null));
        }
    }

    /// <summary>Absolute http(s), mailto and ftp URLs only: no javascript:, file: or relative targets.</summary>
    public static bool IsSafeUrl(string url, out string normalized)
    {
        normalized = string.Empty;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.Scheme is not ("http" or "https" or "mailto" or "ftp"))
        {
            return false;
        }

        normalized = uri.AbsoluteUri;
        return true;
    }
}
