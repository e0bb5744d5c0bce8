using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>
/// Lays a processed report out on pages: body bands (<see cref="BodyLayout"/>) placed by the <see cref="Paginator"/>,
/// then each page composed with its header and footer evaluated with that page's globals (<see cref="PageComposer"/>,
/// <see cref="PageSectionLayout"/>).
/// </summary>
internal static class ReportLayout
{
    /// <summary>All pages, composed and held (small reports, tests).</summary>
    public static ImmutableArray<Page> Paginate(ReportDefinition report, ProcessedReport processed, ProcessingContext context, ItemEvaluator items, ItemPlacer placer)
        => Compose(report, processed, context, items, placer).ComposeAll();

    /// <summary>
    /// Places the body bands on pages and returns the composer that builds each page on demand. With
    /// <paramref name="horizontalPages"/> (PDF), content wider than the page continues on horizontal pages
    /// (<see cref="HorizontalPages"/>); other formats keep it on one page. With <paramref name="interactive"/> (HTML), soft
    /// page breaks fall every InteractiveHeight instead of every PageHeight, as SSRS's HTML renderer does; an
    /// InteractiveHeight of 0 breaks pages only where the report asks, each page as tall as its content.
    /// </summary>
    public static PageComposer Compose(
        ReportDefinition report, ProcessedReport processed, ProcessingContext context, ItemEvaluator items, ItemPlacer placer,
        bool horizontalPages = false, DiagnosticBag? diagnostics = null, bool interactive = false)
    {
        var section = report.Sections[0];
        var (page, fitHeight) = interactive ? InteractivePage(section.Page) : (section.Page, false);
        var paginator = new Paginator(page, section.Width.Points);
        var layout = new BodyLayout(placer, paginator.BodyHeight);
        var bodies = paginator.Paginate(layout.Build(processed));
        double width = page.PageWidth.Points - page.LeftMargin.Points - page.RightMargin.Points;
        if (horizontalPages && page.Columns <= 1 && width > 0 && layout.Right > width + 0.5)
            bodies = HorizontalPages.Split(bodies, placer, page.LeftMargin.Points, width, layout.RepeatedRowHeaders, report, diagnostics);
        var saved = context.SetRow(null, null);
        string? initialPageName;
        try
        {
            initialPageName = items.Paging.Name(report.InitialPageName, null);
        }
        finally
        {
            context.RestoreRow(saved);
        }
        var sections = new PageSectionLayout(context, items, placer, page.LeftMargin.Points, section.Width.Points);
        return new PageComposer(page, bodies, initialPageName, (body, numbering, pageSection, region, top) =>
        {
            // ReportItems!X in a page header/footer reads the body textboxes on that page (on each page of a run read as
            // one page, for a worksheet's header); the body is read only if an expression asks for ReportItems.
            context.SetPageItems(body.OfType<TextItem>().Where(t => t.Name is not null).Select(t => (t.Name!, t.Value)));
            return sections.Layout(numbering, pageSection, region, top);
        }, placer, fitHeight);
    }

    /// <summary>Height of the page an InteractiveHeight of 0 paginates on: only explicit breaks end one (about 350 m).</summary>
    private const double UnboundedHeight = 1_000_000;

    /// <summary>The page an interactive format paginates on, and whether each page's height then fits its content.</summary>
    private static (PageDefinition Page, bool FitHeight) InteractivePage(PageDefinition page) => page.InteractiveHeight switch
    {
        null => (page, false),
        { Points: > 0 } height => (page with { PageHeight = height }, false),
        _ => (page with { PageHeight = new Rdl.Model.Definitions.Styling.ReportSize(UnboundedHeight) }, true),
    };
}
