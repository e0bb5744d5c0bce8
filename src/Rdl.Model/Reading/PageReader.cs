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
/// </summary>
internal sealed class PageReader(ReadContext context, ItemReader items, StyleReader styles)
{
    private PageDefinition _page = PageDefinition.Default;

    public PageDefinition Page => _page;

    /// <summary>Reads a &lt;Page&gt; element.</summary>
    public void ReadPage(XElement page)
    {
        foreach (var child in context.Children(page))
        {
            if (!TryRead(child, N.Page)) context.Unknown(child, N.Page);
        }
    }

    /// <summary>Applies one page setting element; false when <paramref name="child"/> is not a page setting.</summary>
    public bool TryRead(XElement child, string owner)
    {
        switch (child.Name.LocalName)
        {
            case N.PageHeight: _page = _page with { PageHeight = context.Size(child, owner) }; return true;
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
