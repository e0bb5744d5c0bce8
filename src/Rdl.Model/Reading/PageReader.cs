using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Collects page settings from &lt;Page&gt; (RDL 2008+) or from the RDL 2003/2005 elements directly under
/// &lt;Report&gt; (PageHeight, LeftMargin, PageHeader, ...). Values the RDL omits keep <see cref="PageDefinition.Default"/>.
/// <see cref="CheckUsableArea"/> refuses settings that leave no room for the body (RDL2009).
/// </summary>
internal sealed class PageReader(ReadContext context, ItemReader items, StyleReader styles)
{
    private PageDefinition _page = PageDefinition.Default;

    /// <summary>The element each page setting was read from, for the diagnostics of <see cref="CheckUsableArea"/>.</summary>
    private readonly Dictionary<string, XElement> _elements = new(StringComparer.Ordinal);

    private XElement? _pageElement;

    public PageDefinition Page => _page;

    /// <summary>Reads a &lt;Page&gt; element.</summary>
    public void ReadPage(XElement page)
    {
        _pageElement = page;
        foreach (var child in context.Children(page))
        {
            if (!TryRead(child, N.Page)) context.Unknown(child, N.Page);
        }
    }

    /// <summary>Applies one page setting element; false when <paramref name="child"/> is not a page setting.</summary>
    public bool TryRead(XElement child, string owner)
    {
        _elements[child.Name.LocalName] = child;
        switch (child.Name.LocalName)
        {
            case N.PageHeight: _page = _page with { PageHeight = context.Size(child, owner) }; return true;
            case N.InteractiveHeight: _page = _page with { InteractiveHeight = context.Size(child, owner) }; return true;
            case N.PageWidth: _page = _page with { PageWidth = context.Size(child, owner) }; return true;
            case N.LeftMargin: _page = _page with { LeftMargin = context.Size(child, owner) }; return true;
            case N.RightMargin: _page = _page with { RightMargin = context.Size(child, owner) }; return true;
            case N.TopMargin: _page = _page with { TopMargin = context.Size(child, owner) }; return true;
            case N.BottomMargin: _page = _page with { BottomMargin = context.Size(child, owner) }; return true;
            case N.Columns: _page = _page with { Columns = ReadColumns(child, owner) }; return true;
            case N.ColumnSpacing: _page = _page with { ColumnSpacing = context.Size(child, owner) }; return true;
            case N.PageHeader: _page = _page with { Header = ReadPageSection(child) }; return true;
            case N.PageFooter: _page = _page with { Footer = ReadPageSection(child) }; return true;
            case N.Style when owner == N.Page: _page = _page with { Style = styles.Read(child, N.Page) }; return true;
            default: return false;
        }
    }

    /// <summary>
    /// Refuses page settings that leave the body no positive area (RDL2009), naming the element that makes it so: a
    /// negative page size, margin or column spacing; margins as wide or as tall as the page; columns and their spacing
    /// wider than the space between the margins; a page header and footer that fill the height between the margins.
    /// <paramref name="owner"/> (the Page, ReportSection or Report element) is named when the setting was left out.
    /// </summary>
    public void CheckUsableArea(XElement owner)
    {
        var page = _page;
        owner = _pageElement ?? owner;
        XElement At(params string[] names) => names.Select(n => _elements.GetValueOrDefault(n)).FirstOrDefault(e => e is not null) ?? owner;
        void Refuse(string message, params string[] names)
        {
            var at = At(names);
            context.Error(RdlDiagnosticCodes.NoUsableArea, message, at, at == owner ? owner.Name.LocalName : at.Name.LocalName);
        }

        foreach (var (name, size) in new[]
        {
            (N.PageWidth, page.PageWidth), (N.PageHeight, page.PageHeight), (N.LeftMargin, page.LeftMargin), (N.RightMargin, page.RightMargin),
            (N.TopMargin, page.TopMargin), (N.BottomMargin, page.BottomMargin), (N.ColumnSpacing, page.ColumnSpacing),
        })
        {
            if (size.Points < 0)
            {
                Refuse($"{name} is {size}; page sizes, margins and column spacing cannot be negative.", name);
                return;
            }
        }
        var width = page.PageWidth.Points - page.LeftMargin.Points - page.RightMargin.Points;
        if (width <= 0)
        {
            Refuse($"The page is {page.PageWidth} wide but its left and right margins take {page.LeftMargin.Points + page.RightMargin.Points:0.##}pt: no width is left for the body.",
                N.PageWidth, N.LeftMargin, N.RightMargin);
            return;
        }
        if (page.Columns > 1 && width - (page.Columns - 1) * page.ColumnSpacing.Points <= 0)
        {
            Refuse($"{page.Columns} columns with {page.ColumnSpacing} between them do not fit in the {width:0.##}pt between the margins.", N.Columns, N.ColumnSpacing);
            return;
        }
        var height = page.PageHeight.Points - page.TopMargin.Points - page.BottomMargin.Points;
        if (height <= 0)
        {
            Refuse($"The page is {page.PageHeight} tall but its top and bottom margins take {page.TopMargin.Points + page.BottomMargin.Points:0.##}pt: no height is left for the body.",
                N.PageHeight, N.TopMargin, N.BottomMargin);
            return;
        }
        var sections = (page.Header?.Height.Points ?? 0) + (page.Footer?.Height.Points ?? 0);
        if (height - sections <= 0)
        {
            Refuse($"The page header and footer ({sections:0.##}pt) fill the {height:0.##}pt between the top and bottom margins: no height is left for the body.",
                N.PageHeader, N.PageFooter, N.PageHeight);
        }
    }

    private int ReadColumns(XElement element, string owner)
    {
        var columns = context.Int(element, owner, 1);
        if (columns >= 1) return columns;
        context.Error(RdlDiagnosticCodes.InvalidValue, $"Columns in {owner} must be at least 1.", element, owner);
        return 1;
    }

    private PageSection ReadPageSection(XElement element)
    {
        var owner = element.Name.LocalName;
        var height = ReportSize.Zero;
        bool printOnFirst = false, printOnLast = false;
        var reportItems = ImmutableArray<ReportItem>.Empty;
        var style = StyleDefinition.Empty;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.Height: height = context.Size(child, owner); break;
                case N.PrintOnFirstPage: printOnFirst = context.Bool(child, owner); break;
                case N.PrintOnLastPage: printOnLast = context.Bool(child, owner); break;
                case N.ReportItems: reportItems = items.ReadItems(child, owner); break;
                case N.Style: style = styles.Read(child, owner); break;
                default: context.Unknown(child, owner); break;
            }
        }
        return new PageSection(height, printOnFirst, printOnLast, reportItems, style);
    }
}
