using System.Text;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>
/// Documents in UTF-8 (with or without a byte order mark or declaration), UTF-16 and a declared single-byte encoding
/// give back the text a user typed; a document whose bytes do not match its encoding is refused with RDL1001 at the
/// line of the first bad byte.
/// </summary>
public sealed class DocumentEncodingTests
{
    private const string Text = "Größe €5 – naïve";

    private static string Report(string declaration) =>
        TestRdl.Minimal2016($"""
            <Textbox Name="T"><Paragraphs><Paragraph><TextRuns><TextRun><Value>{Text}</Value></TextRun></TextRuns></Paragraph></Paragraphs>
              <Top>0in</Top><Left>0in</Left><Height>0.25in</Height><Width>2in</Width></Textbox>
            """).Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", declaration, StringComparison.Ordinal);

    private static string ValueOf(byte[] bytes)
    {
        var result = RdlReader.Read(bytes, "Encoded.rdl");
        Assert.That(result.Report, Is.Not.Null, string.Join("\n", result.Diagnostics));
        var textbox = (Textbox)result.Report!.Sections[0].Body.Items.Single();
        return textbox.Paragraphs[0].Runs[0].Value.Raw;
    }

    [TestCase("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [TestCase("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")]
    [TestCase("<?xml version=\"1.0\"?>")]
    [TestCase("")]
    public void A_utf8_document_reads_with_or_without_a_byte_order_mark(string declaration)
    {
        var bytes = Encoding.UTF8.GetBytes(Report(declaration).TrimStart());
        Assert.That(ValueOf(bytes), Is.EqualTo(Text));
        Assert.That(ValueOf([0xEF, 0xBB, 0xBF, .. bytes]), Is.EqualTo(Text));
    }

    [Test]
    public void A_utf16_document_with_a_byte_order_mark_reads()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Report("<?xml version=\"1.0\" encoding=\"utf-16\"?>"))).ToArray();
        Assert.That(ValueOf(bytes), Is.EqualTo(Text));
    }

    [Test]
    public void A_document_declaring_latin1_reads_its_bytes_in_that_encoding()
    {
        const string latin = "Größe naïve";
        var xml = Report("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>").Replace(Text, latin, StringComparison.Ordinal);
        var bytes = Encoding.Latin1.GetBytes(xml);
        Assert.That(ValueOf(bytes), Is.EqualTo(latin));
    }

    [Test]
    public void Bytes_that_are_not_utf8_in_a_utf8_document_are_refused_with_RDL1001()
    {
        var bytes = Encoding.Latin1.GetBytes(Report("<?xml version=\"1.0\" encoding=\"utf-8\"?>").Replace(Text, "Größe", StringComparison.Ordinal));

        var result = RdlReader.Read(bytes, "Broken.rdl");

        Assert.That(result.Report, Is.Null);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(RdlDiagnosticCodes.NotWellFormed));
        Assert.That(error.Message, Does.Contain("not well-formed").And.Contain("encoding"));
        Assert.That(error.Location.File, Is.EqualTo("Broken.rdl"));
        var xml = Encoding.Latin1.GetString(bytes);
        var lineStart = xml.LastIndexOf('\n', xml.IndexOf("Größe", StringComparison.Ordinal)) + 1;
        Assert.That(error.Location.Line, Is.EqualTo(xml[..lineStart].Count(c => c == '\n') + 1), "the line of the first bad byte");
    }
}
