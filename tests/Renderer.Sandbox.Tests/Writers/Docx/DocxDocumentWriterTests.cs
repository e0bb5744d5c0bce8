using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Docx;
using static Renderer.Sandbox.Tests.Writers.Xlsx.XlsxTestDocuments;

namespace Renderer.Sandbox.Tests.Writers.Docx;

public class DocxDocumentWriterTests
{
    private static WordprocessingDocument Open(PaginatedDocument document, out MemoryStream stream)
    {
        stream = new MemoryStream();
        new DocxDocumentWriter().Write(document, stream);
        stream.Position = 0;
        var word = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        return word;
    }

    [Test]
    public void Pages_become_a_valid_document_with_page_breaks_and_the_first_page_size()
    {
        using var word = Open(TwoPageSales(), out var stream);
        using var _ = stream;
        var body = word.MainDocumentPart!.Document.Body!;

        Assert.That(body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page), Is.EqualTo(1));
        var size = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.That(size.Width!.Value, Is.EqualTo((uint)(PageWidth * 20)));
        Assert.That(size.Height!.Value, Is.EqualTo((uint)(PageHeight * 20)));
        var margin = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.That(margin.Left!.Value, Is.EqualTo((uint)(Left * 20)));
    }

    [Test]
    public void A_page_wider_than_word_allows_is_clamped_to_22_inches_and_stays_valid()
    {
        var document = TwoPageSales();
        var wide = document with { Pages = [.. document.Pages.Select(p => p with { Width = 30 * 72 })] };
        using var word = Open(wide, out var stream);
        using var _ = stream;
        var section = word.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!;
        Assert.That(section.GetFirstChild<PageSize>()!.Width!.Value, Is.EqualTo(31680u));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.That(margin.Left!.Value + margin.Right!.Value, Is.LessThan(31680u));
    }

    [Test]
    public void Data_region_cells_become_a_table_per_page_and_other_text_paragraphs()
    {
        using var word = Open(TwoPageSales(), out var stream);
        using var _ = stream;
        var body = word.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>().ToList();

        Assert.That(tables, Has.Count.EqualTo(2));
        Assert.That(tables[0].Elements<TableRow>().Count(), Is.EqualTo(4), "header + 3 rows on page 1");
        Assert.That(tables[1].Elements<TableRow>().Count(), Is.EqualTo(3), "repeated header + 2 rows on page 2");
        var firstData = tables[0].Elements<TableRow>().ElementAt(1).Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.That(firstData[0], Is.EqualTo("North"));
        Assert.That(firstData[1], Is.EqualTo("1234.56"));
        Assert.That(body.Elements<Paragraph>().First().InnerText, Is.EqualTo("Sales Report"), "the first page header leads");
        Assert.That(body.InnerText, Does.Not.Contain("Page 1 of 2"), "footers are left out");
    }

    [Test]
    public void Text_styles_are_kept()
    {
        using var word = Open(TwoPageSales(), out var stream);
        using var _ = stream;
        var title = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First().Descendants<Run>().First().RunProperties!;

        Assert.That(title.Bold, Is.Not.Null);
        Assert.That(title.FontSize!.Val!.Value, Is.EqualTo("28"));
        Assert.That(title.RunFonts!.Ascii!.Value, Is.EqualTo("Arial"));
    }

    [Test]
    public void Writes_to_a_non_seekable_stream_and_an_empty_document_is_valid()
    {
        using var sink = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(sink))
        {
            new DocxDocumentWriter().Write(new PaginatedDocument(string.Empty, []), forwardOnly);
        }

        using var _ = Open(new PaginatedDocument(string.Empty, []), out var stream);
        using var __ = stream;
        Assert.That(sink.Length, Is.GreaterThan(0));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
