using Renderer.Sandbox.Pages;
using static Renderer.Sandbox.Tests.Layout.PagingRdl;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>A CanGrow textbox taller than a page continues on the next pages between lines, as SSRS splits it, instead of running off the page.</summary>
public sealed class TallTextboxTests
{
    private static string LongText(int lines) => string.Join("\n", Enumerable.Range(1, lines).Select(i => $"Line {i}"));

    [Test]
    public void A_textbox_taller_than_a_page_flows_over_pages_line_by_line_and_pushes_the_next_item_after_it()
    {
        var tall = Textbox("Tall", LongText(100)).Replace("<Paragraphs>", "<CanGrow>true</CanGrow><Paragraphs>");
        var run = LayoutRun.Render(Report(tall + Textbox("After", "After the long text", top: 30)), Columns);

        Assert.That(run.Pages.Length, Is.GreaterThan(2));
        // Page 400pt, margins 20pt, header and footer 20pt: the body ends at 360pt.
        foreach (var page in run.Pages)
            foreach (var item in page.Items.OfType<TextItem>().Where(t => t.Region == PageRegion.Body))
                Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(360.01), $"page {page.Number}: '{item.Text}' stays inside the body");
        var lines = run.Pages.SelectMany(p => p.Items.OfType<TextItem>().Where(t => t.Text.StartsWith("Line ", StringComparison.Ordinal)).OrderBy(t => t.Bounds.Y))
            .Select(t => t.Lines.Single().Text).ToList();
        Assert.That(lines, Is.EqualTo(Enumerable.Range(1, 100).Select(i => $"Line {i}")), "every line once, in order");
        var (afterPage, _) = run.Find("After the long text");
        Assert.That(afterPage, Is.EqualTo(run.Pages.Length), "the next item follows the text on its last page");
    }

    [Test]
    public void A_rich_text_textbox_taller_than_a_page_flows_over_pages_line_by_line_with_its_runs()
    {
        var html = string.Concat(Enumerable.Range(1, 100).Select(i => i % 2 == 0 ? $"<p><b>Line {i}</b></p>" : $"<p>Line {i}</p>"));
        var tall = Textbox("Tall", html).Replace("<Paragraphs>", "<CanGrow>true</CanGrow><Paragraphs>").Replace("</Value>", "</Value><MarkupType>HTML</MarkupType>");
        var run = LayoutRun.Render(Report(tall), Columns);

        Assert.That(run.Pages.Length, Is.GreaterThan(2));
        var items = run.Pages.SelectMany(p => p.Items.OfType<TextItem>().Where(t => t.Name == "Tall").OrderBy(t => t.Bounds.Y)).ToList();
        Assert.That(items.Select(t => t.Bounds.Bottom), Is.All.LessThanOrEqualTo(360.01), "every fragment stays inside the body");
        Assert.That(items.Select(t => t.Lines.Single().Text), Is.EqualTo(Enumerable.Range(1, 100).Select(i => $"Line {i}")), "every line once, in order");
        Assert.That(items.Select(t => t.Lines.Single().Segments.Single().Style.Bold), Is.EqualTo(Enumerable.Range(1, 100).Select(i => i % 2 == 0)), "even lines bold");
        Assert.That(items.Select(t => t.Rich!.PlainText), Is.EqualTo(Enumerable.Range(1, 100).Select(i => $"Line {i}")), "each fragment keeps only its own runs for DOCX and XLSX");
    }

    [Test]
    public void A_repeated_table_header_taller_than_a_page_flows_over_pages_once_and_the_rows_follow_it_inside_the_body()
    {
        // Fuzz mutant 8597 of seed 20 (a 60,384-character word in a matrix column header): the header, taller than a page,
        // was repeated on every page the table continued on (a page per row), pushing each row below the page's bottom.
        var table = Table().Replace("<Textbox Name=\"hRegion\"><Paragraphs>", "<Textbox Name=\"hRegion\"><CanGrow>true</CanGrow><Paragraphs>")
            .Replace("<Value>Region</Value>", $"<Value>{X(LongText(60))}</Value>");
        var run = LayoutRun.Render(Report(table), Columns, Rows([3, 3]));

        foreach (var page in run.Pages)
            foreach (var item in page.Items.OfType<TextItem>().Where(t => t.Region == PageRegion.Body))
                Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(360.01), $"page {page.Number}: '{item.Text}' stays inside the body");
        var lines = run.Pages.SelectMany(p => p.Items.OfType<TextItem>().Where(t => t.Name == "hRegion").OrderBy(t => t.Bounds.Y))
            .SelectMany(t => t.Lines.Select(l => l.Text)).ToList();
        Assert.That(lines, Is.EqualTo(Enumerable.Range(1, 60).Select(i => $"Line {i}")), "every header line once, in order");
        var lastHeaderPage = run.Pages.Last(p => p.Items.OfType<TextItem>().Any(t => t.Name == "hRegion")).Number;
        Assert.That(new[] { "A1", "A2", "A3", "B1", "B2", "B3" }.Select(r => run.Find(r).Page), Is.All.InRange(lastHeaderPage, lastHeaderPage + 1), "the rows follow the header");
        Assert.That(run.Pages.Sum(p => p.Items.OfType<TextItem>().Count(t => t.Text == "Item")), Is.EqualTo(1), "the header row is not repeated");
    }

    [Test]
    public void A_repeated_header_that_leaves_no_room_for_the_next_row_is_not_repeated()
    {
        // 27 lines of 11.5pt: the header fits in the 320pt body, but not with a 20pt row below it.
        var table = Table().Replace("<Textbox Name=\"hRegion\"><Paragraphs>", "<Textbox Name=\"hRegion\"><CanGrow>true</CanGrow><Paragraphs>")
            .Replace("<Value>Region</Value>", $"<Value>{X(LongText(27))}</Value>");
        var run = LayoutRun.Render(Report(table), Columns, Rows([40]));

        foreach (var page in run.Pages)
            foreach (var item in page.Items.OfType<TextItem>().Where(t => t.Region == PageRegion.Body))
                Assert.That(item.Bounds.Bottom, Is.LessThanOrEqualTo(360.01), $"page {page.Number}: '{item.Text}' stays inside the body");
        Assert.That(run.Pages.Sum(p => p.Items.OfType<TextItem>().Count(t => t.Text == "Item")), Is.EqualTo(1), "the header is shown once");
        Assert.That(Enumerable.Range(1, 40).Select(i => run.Find($"A{i}").Page).Distinct().Count(), Is.LessThan(5), "the rows fill their pages");
    }

    [Test]
    public void A_textbox_that_fits_on_a_page_stays_one_item()
    {
        var tall = Textbox("Short", LongText(5)).Replace("<Paragraphs>", "<CanGrow>true</CanGrow><Paragraphs>");
        var run = LayoutRun.Render(Report(tall), Columns);

        Assert.That(run.Pages[0].Items.OfType<TextItem>().Count(t => t.Name == "Short"), Is.EqualTo(1));
    }
}
