using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Layout;

/// <summary>The body of one page as pagination left it: its items, and how the page began.</summary>
internal sealed class PageBody
{
    public List<PageItem> Items { get; } = [];

    /// <summary>An explicit page break began this page (a new worksheet in XLSX).</summary>
    public bool StartsSection { get; init; }

    /// <summary>The break that began this page had ResetPageNumber: Globals!PageNumber restarts at 1 here.</summary>
    public bool ResetPageNumber { get; init; }

    /// <summary>PageName of the first named band on the page, if any.</summary>
    public string? Name { get; set; }
}

/// <summary>
/// The page globals of one page: <see cref="Number"/> and <see cref="Total"/> count within the current numbering
/// section (restarted by ResetPageNumber), the Overall ones count all pages; <see cref="Name"/> is Globals!PageName.
/// </summary>
internal readonly record struct PageNumbering(int Number, int Total, int OverallNumber, int OverallTotal, string? Name);
