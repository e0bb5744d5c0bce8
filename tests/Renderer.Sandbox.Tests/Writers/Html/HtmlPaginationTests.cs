using Renderer.Sandbox.Pages;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Writers.Html;

/// <summary>
/// Soft page breaks in HTML fall every InteractiveHeight (as SSRS's HTML renderer does), not every PageHeight; an
/// InteractiveHeight of 0 breaks only where the report asks, each page as tall as its content.
/// </summary>
public sealed class HtmlPaginationTests
{
    [Test]
    public void Without_interactive_height_html_pages_are_as_tall_as_the_printed_page()
    {
        var run = HtmlRun.Render(Report(Table()), Rows([20, 20]));

        Assert.That(run.Document.Pages.Select(p => p.Height).Distinct(), Is.EqualTo(new[] { 400.0 }));
        Assert.That(run.Document.PageCount, Is.EqualTo(3), "40 rows, 15 a page");
    }

    [Test]
    public void A_larger_interactive_height_makes_fewer_taller_pages()
    {
        var run = HtmlRun.Render(Report(Table(), pageExtra: "<InteractiveHeight>800pt</InteractiveHeight>"), Rows([20, 20]));

        Assert.That(run.Document.PageCount, Is.EqualTo(2), "720pt of body a page: 35 rows");
        Assert.That(run.Document.Pages.Select(p => p.Height).Distinct(), Is.EqualTo(new[] { 800.0 }));
        Assert.That(Footers(run), Is.All.GreaterThan(700), "the footer sits at the bottom of the interactive page");
    }

    [Test]
    public void Interactive_height_zero_keeps_everything_on_one_page_up_to_an_explicit_break()
    {
        var single = HtmlRun.Render(Report(Table(), footer: Textbox("Foot", "Foot")) .Replace("<PageHeight>", "<InteractiveHeight>0in</InteractiveHeight><PageHeight>", StringComparison.Ordinal), Rows([20, 20]));
        var broken = HtmlRun.Render(Report(Table(groupExtra: PageBreak("Between")), pageExtra: "<InteractiveHeight>0pt</InteractiveHeight>"), Rows([20, 20, 5]));

        Assert.Multiple(() =>
        {
            Assert.That(single.Document.PageCount, Is.EqualTo(1));
            var page = single.Document.Pages[0];
            // 41 rows of 20pt under a 40pt top (margin and header), then the 20pt footer and 20pt margin.
            Assert.That(page.Height, Is.EqualTo(40 + (41 * RowHeight) + 40).Within(0.01));
            Assert.That(page.Items.OfType<TextItem>().Single(t => t.Name == "Foot").Bounds.Y, Is.EqualTo(page.Height - 40).Within(0.01));
            Assert.That(single.Html(), Does.Contain(">A1</div>").And.Contain(">B20</div>"));
            Assert.That(broken.Document.PageCount, Is.EqualTo(3), "one page per region");
            Assert.That(broken.Document.Pages[2].Height, Is.LessThan(broken.Document.Pages[0].Height));
        });
    }

    [Test]
    public void Pdf_pagination_ignores_interactive_height()
    {
        var rdl = Report(Table(), pageExtra: "<InteractiveHeight>0pt</InteractiveHeight>");
        var run = TestReportProcessing.Process(rdl, "Report", new Tests.Layout.MiniEvaluator(), Columns, Rows([20, 20]));
        var placer = new Sandbox.Layout.ItemPlacer(new Sandbox.Layout.TextLayout(Sandbox.Layout.Text.SkiaTextMeasurer.Shared));
        var pages = Sandbox.Layout.ReportLayout.Paginate(run.Report, run.Processed, run.Processor.Context!, run.Processor.Items!, placer);

        Assert.That(run.ReadDiagnostics, Is.Empty, "InteractiveHeight is read, not reported as unknown");
        Assert.That(pages.Length, Is.EqualTo(3));
    }

    private static IEnumerable<double> Footers(HtmlRun run) =>
        run.Document.Pages.SelectMany(p => p.Items).Where(i => i.Region == PageRegion.Footer).Select(i => i.Bounds.Y)
            .DefaultIfEmpty(double.MaxValue);
}
