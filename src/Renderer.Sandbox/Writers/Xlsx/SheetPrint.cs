using System.Globalization;
using System.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Docx;

namespace Renderer.Sandbox.Writers.Xlsx;

/// <summary>
/// How a worksheet prints, as SSRS's Excel renderer sets it up: paper size and orientation and margins from the report's
/// page, fit to one page wide when the report's body fits the page width, and the page footer as Excel's footer with
/// page-number references as &amp;P and &amp;N (items left, centre and right by where they sit; at most 255 characters).
/// </summary>
internal sealed record SheetPrint(PageSetup Setup, string? Footer)
{
    /// <summary>Excel's limit for a header or footer string.</summary>
    public const int MaxFooterLength = 255;

    public bool FitToWidth => Setup.BodyFitsPageWidth;

    /// <summary>The paper size code of ECMA-376 (1 Letter, 5 Legal, 3 Tabloid, 7 Executive, 8 A3, 9 A4, 11 A5); null for others.</summary>
    public int? PaperSize
    {
        get
        {
            var (shortSide, longSide) = (Math.Min(Setup.Width, Setup.Height), Math.Max(Setup.Width, Setup.Height));
            (int Code, double Short, double Long)[] papers = [(1, 612, 792), (5, 612, 1008), (3, 792, 1224), (7, 522, 756), (8, 841.9, 1190.6), (9, 595.3, 841.9), (11, 419.5, 595.3)];
            foreach (var (code, s, l) in papers)
            {
                if (Math.Abs(shortSide - s) < 3 && Math.Abs(longSide - l) < 3) return code;
            }

            return null;
        }
    }

    public bool Landscape => Setup.Width > Setup.Height;

    /// <summary>
    /// The Excel footer for footer items of a page numbered <paramref name="number"/> of <paramref name="total"/>: their
    /// texts by section (&amp;L, &amp;C, &amp;R by their centres' third of the page), page numbers as &amp;P and &amp;N.
    /// </summary>
    public static string? FooterOf(IEnumerable<PageItem> footer, double pageWidth, int number, int total)
    {
        var sections = new List<string>[3] { [], [], [] };
        foreach (var item in footer.OfType<TextItem>().OrderBy(i => i.Bounds.Y).ThenBy(i => i.Bounds.X))
        {
            if (string.IsNullOrWhiteSpace(item.Text)) continue;
            var third = Math.Clamp((int)((item.Bounds.X + (item.Bounds.Width / 2)) / (pageWidth / 3)), 0, 2);
            var fields = DocxRunningSection.Fields(item.Text, number, total) ?? item.Text;
            var text = new StringBuilder(fields.Length);
            foreach (var c in fields)
            {
                text.Append(c switch
                {
                    DocxText.PageField => "&P",
                    DocxText.TotalPagesField => "&N",
                    '&' => "&&",
                    '\r' => string.Empty,
                    _ => c.ToString(),
                });
            }

            sections[third].Add(text.ToString());
        }

        var result = new StringBuilder();
        string[] codes = ["&L", "&C", "&R"];
        for (var s = 0; s < 3; s++)
        {
            if (sections[s].Count > 0) result.Append(codes[s]).Append(string.Join("\n", sections[s]));
        }

        if (result.Length == 0) return null;
        var footerText = result.ToString();
        if (footerText.Length > MaxFooterLength)
        {
            footerText = footerText[..MaxFooterLength];
            if (footerText.EndsWith('&') && !footerText.EndsWith("&&", StringComparison.Ordinal)) footerText = footerText[..^1];
        }

        return footerText;
    }

    /// <summary>Inches, as the worksheet's pageMargins want them.</summary>
    public static string Inches(double points) => Math.Round(points / 72, 4).ToString(CultureInfo.InvariantCulture);
}
