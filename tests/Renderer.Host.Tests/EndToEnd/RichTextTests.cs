using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>
/// Issue 17 items 11 and 12: MarkupType HTML placeholders keep their styling in every format (PDF runs in their fonts and
/// colours, XLSX rich-text runs, DOCX runs and paragraphs, CSV plain text), and font weights pick their faces. The
/// reports are Visual/Items/RichText.rdl and Visual/Items/FontWeights.rdl.
/// </summary>
[TestFixture]
public sealed class RichTextTests : ServerTest
{
    private static string Report(string name) =>
        File.ReadAllText(Path.Combine(ErrorHandlingTests.ProjectRoot(), "tests", "Renderer.Host.Tests", "Visual", "Items", name + ".rdl"));

    private async Task<HttpResponseMessage> Render(string report, string name, string format)
    {
        var upload = await Client.PostAsync($"/api/reports?name={name}", new StringContent(Report(report), System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync($"/api/reports/{name}/render?format={format}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return response;
    }

    [Test]
    public async Task Pdf_draws_each_run_in_its_font_and_colour_and_links_only_safe_targets()
    {
        var response = await Render("RichText", "RichPdf", "pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var words = page.GetWords().ToList();
        var text = string.Join(" ", words.Select(w => w.Text));
        Assert.That(text, Does.Contain("Order shipped").And.Contain("Your order #1234 is on its way,").And.Contain("Thank you!"));
        Assert.That(text, Does.Contain("\u2022 Green bold").And.Contain("1. Unpack").And.Contain("Total: 1,234.50 EUR"));
        Assert.That(text, Does.Not.Contain("<b>").And.Not.Contain("&lt;"));

        var letters = page.Letters;
        string FontOf(string word) => words.First(w => w.Text == word).Letters[0].FontName ?? "";
        Assert.That(FontOf("#1234"), Does.Contain("Bold"), "the <b> run is drawn bold");
        Assert.That(FontOf("Your"), Does.Not.Contain("Bold"));
        Assert.That(FontOf("on"), Does.Contain("Italic"), "the <i> run is drawn italic");
        Assert.That(FontOf("Times"), Does.Contain("Serif"), "font-family:'Times New Roman' is drawn with Liberation Serif");
        var thank = words.First(w => w.Text == "Thank").Letters[0];
        Assert.That(thank.PointSize, Is.EqualTo(13.5).Within(0.1), "FONT size=4 is 13.5 pt");
        Assert.That(thank.Color.ToRGBValues(), Is.EqualTo((0xC0 / 255.0, 0.0, 0.0)).Using<(double, double, double)>((a, b) =>
            Math.Abs(a.Item1 - b.Item1) < 0.01 && Math.Abs(a.Item2 - b.Item2) < 0.01 && Math.Abs(a.Item3 - b.Item3) < 0.01));
        Assert.That(words.First(w => w.Text == "Order").Letters[0].PointSize, Is.EqualTo(15).Within(0.1), "H2 is 1.5 times the run's 10 pt");
        var thankLeft = words.First(w => w.Text == "Thank").BoundingBox.Left;
        var yourLeft = words.First(w => w.Text == "Your").BoundingBox.Left;
        Assert.That(thankLeft, Is.GreaterThan(yourLeft + 60), "the centred paragraph starts well right of the left-aligned one");

        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.That(raw, Does.Contain("https://example.com/guide"), "the https link of the A element is a link annotation");
        Assert.That(raw, Does.Not.Contain("javascript:"), "a javascript: href is never written");

        var warnings = response.Headers.GetValues("X-Render-Diagnostics").Single();
        Assert.That(warnings, Does.Contain("PRC4050").And.Contain("Broken"));
        Assert.That(warnings, Does.Not.Contain("'Letter'").And.Not.Contain("'Lists'").And.Not.Contain("'Mixed'"));
        Assert.That(text, Does.Contain("<p>closed </b> twice</p>"), "malformed markup is shown as it is");
    }

    [Test]
    public async Task Xlsx_cell_holds_rich_text_runs_with_bold_colour_and_strike()
    {
        using var stream = new MemoryStream(await (await Render("RichText", "RichXlsx", "xlsx")).Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var items = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ToList();
        var letter = items.Single(i => i.InnerText.StartsWith("Order shipped", StringComparison.Ordinal));
        var runs = letter.Elements<Run>().ToList();
        Assert.That(letter.InnerText, Does.Contain("Your order #1234 is on its way"));
        Run RunOf(string text) => runs.Single(r => r.Text!.Text.Trim() == text);
        Assert.That(RunOf("#1234").RunProperties!.GetFirstChild<Bold>(), Is.Not.Null, "the bold run of the cell's rich text");
        Assert.That(RunOf("Your order").RunProperties!.GetFirstChild<Bold>(), Is.Null);
        Assert.That(RunOf("on its way").RunProperties!.GetFirstChild<Italic>(), Is.Not.Null);
        Assert.That(RunOf("delayed").RunProperties!.GetFirstChild<Strike>(), Is.Not.Null);
        Assert.That(RunOf("Thank you!").RunProperties!.GetFirstChild<Color>()!.Rgb!.Value, Is.EqualTo("FFC00000"));
        Assert.That(RunOf("Thank you!").RunProperties!.GetFirstChild<FontSize>()!.Val!.Value, Is.EqualTo(13.5));
        var mixed = items.Single(i => i.InnerText.StartsWith("Total:", StringComparison.Ordinal));
        Assert.That(mixed.Elements<Run>().Single(r => r.Text!.Text == "1,234.50").RunProperties!.GetFirstChild<Bold>(), Is.Not.Null);
    }

    [Test]
    public async Task Docx_runs_are_bold_italic_struck_and_paragraphs_aligned()
    {
        using var stream = new MemoryStream(await (await Render("RichText", "RichDocx", "docx")).Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var runs = body.Descendants<W.Run>().ToList();
        W.Run RunOf(string text) => runs.First(r => r.InnerText.Trim() == text);
        Assert.That(RunOf("#1234").RunProperties!.GetFirstChild<W.Bold>(), Is.Not.Null, "w:b on the bold run");
        Assert.That(RunOf("Your order").RunProperties!.GetFirstChild<W.Bold>(), Is.Null);
        Assert.That(RunOf("on its way").RunProperties!.GetFirstChild<W.Italic>(), Is.Not.Null);
        Assert.That(RunOf("delayed").RunProperties!.GetFirstChild<W.Strike>(), Is.Not.Null);
        Assert.That(RunOf("Thank you!").RunProperties!.GetFirstChild<W.Color>()!.Val!.Value, Is.EqualTo("C00000"));
        var centred = body.Descendants<W.Paragraph>().First(p => p.InnerText == "Thank you!");
        Assert.That(centred.ParagraphProperties!.Justification!.Val!.Value, Is.EqualTo(W.JustificationValues.Center));
        var indented = body.Descendants<W.Paragraph>().First(p => p.InnerText.StartsWith("1. Unpack", StringComparison.Ordinal));
        Assert.That(indented.ParagraphProperties!.Indentation!.Left!.Value, Is.EqualTo("360"), "list items are indented 18 pt");
    }

    [Test]
    public async Task Xlsx_cell_whose_rich_text_has_one_safe_link_is_a_hyperlink()
    {
        using var stream = new MemoryStream(await (await Render("RichText", "RichXlsxLink", "xlsx")).Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ToList();
        var sheet = document.WorkbookPart.WorksheetParts.Single();
        var cells = sheet.Worksheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.SharedString).ToDictionary(c => c.CellReference!.Value!, c => strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)].InnerText);
        var hyperlinks = sheet.Worksheet.Descendants<Hyperlink>().Where(h => h.Id is not null).ToList();
        var targets = hyperlinks.ToDictionary(h => h.Reference!.Value!, h => sheet.HyperlinkRelationships.Single(r => r.Id == h.Id!.Value).Uri.ToString());
        var lists = cells.Single(c => c.Value.Contains("See the guide", StringComparison.Ordinal)).Key;
        Assert.That(targets.GetValueOrDefault(lists), Is.EqualTo("https://example.com/guide"), "the A href of the cell's rich text is the cell's hyperlink; the javascript: one is dropped");
        Assert.That(targets.Values, Has.None.Contains("javascript"));
        var letter = cells.Single(c => c.Value.StartsWith("Order shipped", StringComparison.Ordinal)).Key;
        Assert.That(targets.ContainsKey(letter), Is.False, "a cell without a link has none");
    }

    [Test]
    public async Task Docx_linked_runs_are_hyperlinks_to_safe_targets_only()
    {
        using var stream = new MemoryStream(await (await Render("RichText", "RichDocxLink", "docx")).Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var hyperlinks = main.Document.Body!.Descendants<W.Hyperlink>().ToList();
        var guide = hyperlinks.Single(h => h.InnerText == "the guide");
        Assert.That(main.HyperlinkRelationships.Single(r => r.Id == guide.Id!.Value).Uri.ToString(), Is.EqualTo("https://example.com/guide"));
        Assert.That(hyperlinks.Any(h => h.InnerText.Contains("no script", StringComparison.Ordinal)), Is.False, "the javascript: href stays plain text");
        Assert.That(main.Document.Body.InnerText, Does.Contain("no script"));
        Assert.That(main.HyperlinkRelationships.Select(r => r.Uri.ToString()), Has.None.Contains("javascript"));
    }

    [Test]
    public async Task Docx_textbox_with_a_hyperlink_action_is_a_word_hyperlink()
    {
        const string Rdl = """
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
              <ReportSections><ReportSection><Body><ReportItems>
                <Textbox Name="Web"><Paragraphs><Paragraph><TextRuns><TextRun><Value>Our site</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  <ActionInfo><Actions><Action><Hyperlink>https://example.com/site</Hyperlink></Action></Actions></ActionInfo>
                  <Top>0cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>5cm</Width></Textbox>
                <Textbox Name="Evil"><Paragraphs><Paragraph><TextRuns><TextRun><Value>Not a link</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  <ActionInfo><Actions><Action><Hyperlink>javascript:alert(1)</Hyperlink></Action></Actions></ActionInfo>
                  <Top>1cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>5cm</Width></Textbox>
              </ReportItems><Height>2cm</Height></Body><Width>10cm</Width>
              <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page></ReportSection></ReportSections>
            </Report>
            """;
        var upload = await Client.PostAsync("/api/reports?name=DocxPlainLink", new StringContent(Rdl, System.Text.Encoding.UTF8, "application/xml"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var response = await Client.GetAsync("/api/reports/DocxPlainLink/render?format=docx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var link = main.Document.Body!.Descendants<W.Hyperlink>().Single();
        Assert.That(link.InnerText, Is.EqualTo("Our site"));
        Assert.That(main.HyperlinkRelationships.Single(r => r.Id == link.Id!.Value).Uri.ToString(), Is.EqualTo("https://example.com/site"));
        Assert.That(main.Document.Body.InnerText, Does.Contain("Not a link"));
    }

    [Test]
    public async Task Csv_holds_the_plain_text()
    {
        var csv = await (await Render("RichText", "RichCsv", "csv")).Content.ReadAsStringAsync();
        Assert.That(csv, Does.Contain("Your order #1234 is on its way").And.Contain("2. See the guide and no script").And.Not.Contain("<b>"));
    }

    [Test]
    public async Task Pdf_draws_light_semibold_and_bold_with_their_own_faces()
    {
        using var pdf = PdfDocument.Open(await (await Render("FontWeights", "Weights", "pdf")).Content.ReadAsByteArrayAsync());
        var words = pdf.GetPage(1).GetWords().ToList();
        string FontAfter(string first, string second)
        {
            int i = words.FindIndex(w => w.Text == first && words.IndexOf(w) + 1 < words.Count && words[words.IndexOf(w) + 1].Text == second);
            Assert.That(i, Is.GreaterThanOrEqualTo(0), $"'{first} {second}' in the PDF");
            return words[i + 1].Letters[0].FontName ?? "";
        }
        Assert.That(FontAfter("UI", "Light"), Does.Contain("NotoSans-Light"));
        Assert.That(FontAfter("UI", "Normal"), Does.Contain("NotoSans-Regular"));
        Assert.That(FontAfter("UI", "SemiBold"), Does.Contain("NotoSans-SemiBold"));
        Assert.That(FontAfter("UI", "Bold"), Does.Contain("NotoSans-Bold"));
        Assert.That(words.First(w => w.Text == "Semibold\"").Letters[0].FontName, Does.Contain("NotoSans-SemiBold"), "the family name carries the weight");
        Assert.That(words.First(w => w.Text == "Light\"").Letters[0].FontName, Does.Contain("NotoSans-Light"));
        Assert.That(FontAfter("Arial", "Light").ToString(), Does.Contain("LiberationSans").And.Not.Contain("Bold"), "Arial has no Light face: regular");
        Assert.That(FontAfter("Arial", "SemiBold"), Does.Contain("LiberationSans-Bold"), "Arial has no SemiBold face: bold, as Windows picks");
        Assert.That(FontAfter("Arial", "700"), Does.Contain("LiberationSans-Bold"), "numeric FontWeight 700 is bold");
    }
}
