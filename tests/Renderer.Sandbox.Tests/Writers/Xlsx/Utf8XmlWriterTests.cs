using System.Globalization;
using System.Xml.Linq;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

/// <summary>
/// The raw UTF-8 writer behind the sheet and shared string parts: what an XML reader gets back must be exactly the
/// values written (escaping, numbers in the same form as <c>double.ToString(InvariantCulture)</c>, cell references).
/// </summary>
public class Utf8XmlWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly double[] Doubles =
    [
        0, -0.0, 1, -1, 0.1, 0.2 + 0.1, 1e-7, 123456789.123, 43831, 43831.5, 1.25, -17.75, 0.01,
        999_999_999_999_999, 1e15, -1e15, 1e16, 9_007_199_254_740_993, 123456789012345678, 1.5e300, double.MaxValue,
        double.MinValue, double.Epsilon, 5e-324, 2.2250738585072014E-308, Math.PI, 1d / 3, 12345.6789e-20,
    ];

    private static XElement WriteAndParse(Action<Utf8XmlWriter> write, int bufferSize = Utf8XmlWriter.DefaultBufferSize)
    {
        using var stream = new MemoryStream();
        using (var xml = new Utf8XmlWriter(stream, bufferSize))
        {
            xml.WriteRaw("<root>"u8);
            write(xml);
            xml.WriteRaw("</root>"u8);
        }

        return XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray())).Root!;
    }

    [TestCaseSource(nameof(Doubles))]
    public void A_double_reads_back_as_the_same_text_and_value_as_its_invariant_ToString(double value)
    {
        var root = WriteAndParse(xml => xml.WriteNumber(value));

        Assert.That(root.Value, Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
        var parsed = double.Parse(root.Value, CultureInfo.InvariantCulture);
        Assert.That(BitConverter.DoubleToInt64Bits(parsed), Is.EqualTo(BitConverter.DoubleToInt64Bits(value)), "round trip");
    }

    [TestCase(0L)]
    [TestCase(7L)]
    [TestCase(-42L)]
    [TestCase(1_048_576L)]
    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void An_integer_reads_back_as_its_invariant_text(long value)
    {
        Assert.That(WriteAndParse(xml => xml.WriteNumber(value)).Value, Is.EqualTo(value.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Text_keeps_markup_characters_quotes_and_non_ascii_text()
    {
        const string text = "a & b < c > d \"q\" 'x' ]]> Zürich € 😀 日本\ttab";

        Assert.That(WriteAndParse(xml => xml.WriteText(text)).Value, Is.EqualTo(text));
    }

    [Test]
    public void Text_line_breaks_read_back_as_line_feeds()
    {
        Assert.That(WriteAndParse(xml => xml.WriteText("one\r\ntwo\rthree\nfour")).Value, Is.EqualTo("one\ntwo\nthree\nfour"));
    }

    [Test]
    public void Attribute_values_keep_quotes_markup_tabs_and_line_breaks()
    {
        const string value = "say \"hi\" & <go> 'now'\tthen\r\nend";
        var root = WriteAndParse(xml =>
        {
            xml.WriteRaw("<a v=\""u8);
            xml.WriteAttributeValue(value);
            xml.WriteRaw("\"/>"u8);
        });

        Assert.That(root.Element("a")!.Attribute("v")!.Value, Is.EqualTo(value));
    }

    [Test]
    public void Long_multibyte_text_survives_many_buffer_flushes()
    {
        var text = string.Concat(Enumerable.Repeat("€😀a&<é", 500));

        Assert.That(WriteAndParse(xml => xml.WriteText(text), bufferSize: 64).Value, Is.EqualTo(text));
    }

    [Test]
    public void Sheet_cells_beyond_column_Z_get_multi_letter_references_and_their_values()
    {
        const int columns = 703;
        var strings = new SharedStrings();
        var cells = new XlsxCell[columns];
        cells[0] = new XlsxCell { Value = ExcelCellValue.FromText("first"), Occupancy = CellOccupancy.Anchor };
        cells[25] = new XlsxCell { Value = ExcelCellValue.FromNumber(0.1), Style = 3, Occupancy = CellOccupancy.Anchor };
        cells[26] = new XlsxCell { Value = ExcelCellValue.FromNumber(-0.0), Occupancy = CellOccupancy.Anchor };
        cells[701] = new XlsxCell { Value = ExcelCellValue.FromBoolean(true), Occupancy = CellOccupancy.Anchor };
        cells[702] = new XlsxCell { Value = ExcelCellValue.FromNumber(123456789.123), Occupancy = CellOccupancy.Anchor };
        using var stream = new MemoryStream();
        using (var sheet = new WorksheetWriter(stream, strings, columns))
        {
            sheet.WriteStart(12, Enumerable.Repeat(8.43, columns).ToList());
            sheet.WriteRow(12, 15.75, cells);
            sheet.WriteEnd([new MergeRange(11, 26, 13, 702)]);
        }

        var worksheet = XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray())).Root!;
        var row = worksheet.Descendants(Main + "row").Single();
        var written = row.Elements(Main + "c").Select(c => (Ref: (string)c.Attribute("r")!, Value: (string?)c.Element(Main + "v"), Type: (string?)c.Attribute("t"), Style: (string?)c.Attribute("s"))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(worksheet.Name, Is.EqualTo(Main + "worksheet"));
            Assert.That((string)worksheet.Element(Main + "dimension")!.Attribute("ref")!, Is.EqualTo("A1:AAA12"));
            Assert.That((string)row.Attribute("r")!, Is.EqualTo("12"));
            Assert.That((string)row.Attribute("ht")!, Is.EqualTo("15.75"));
            Assert.That(written, Is.EqualTo(new[]
            {
                ("A12", (string?)"0", (string?)"s", (string?)null),
                ("Z12", "0.1", null, "3"),
                ("AA12", "-0", null, null),
                ("ZZ12", "1", "b", null),
                ("AAA12", "123456789.123", null, null),
            }));
            Assert.That((string)worksheet.Descendants(Main + "mergeCell").Single().Attribute("ref")!, Is.EqualTo("AA12:AAA14"));
            Assert.That(strings.UniqueCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void Hyperlinks_and_drawing_bind_the_relationship_namespace()
    {
        using var stream = new MemoryStream();
        using (var sheet = new WorksheetWriter(stream, new SharedStrings(), 2))
        {
            sheet.WriteStart(2, [10.0, 10.0], new SheetLayout(1, 2, false));
            sheet.WriteRow(1, 15, null, new RowOutline(1));
            sheet.WriteRow(2, 15, null);
            sheet.DrawingRelationshipId = "rIdDrawing1";
            sheet.WriteEnd([], [
                new SheetHyperlink(0, 1, "rIdLink1", null, null),
                new SheetHyperlink(1, 0, null, "'North''s cities'!A1", "Oslo & \"Bergen\"\n_x0041_"),
            ]);
        }

        var worksheet = XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray())).Root!;
        var links = worksheet.Descendants(Main + "hyperlink").ToList();

        Assert.Multiple(() =>
        {
            Assert.That((string)links[0].Attribute("ref")!, Is.EqualTo("B1"));
            Assert.That((string)links[0].Attribute(Relationships + "id")!, Is.EqualTo("rIdLink1"));
            Assert.That((string)links[1].Attribute("location")!, Is.EqualTo("'North''s cities'!A1"));
            Assert.That((string)links[1].Attribute("display")!, Is.EqualTo("Oslo & \"Bergen\"\n_x005F_x0041_"));
            Assert.That((string)worksheet.Element(Main + "drawing")!.Attribute(Relationships + "id")!, Is.EqualTo("rIdDrawing1"));
            Assert.That((string)worksheet.Descendants(Main + "pane").Single().Attribute("topLeftCell")!, Is.EqualTo("A2"));
            Assert.That((string)worksheet.Descendants(Main + "outlinePr").Single().Attribute("summaryBelow")!, Is.EqualTo("0"));
            Assert.That((string)worksheet.Element(Main + "sheetFormatPr")!.Attribute("outlineLevelRow")!, Is.EqualTo("2"));
            Assert.That(worksheet.Descendants(Main + "row").Select(r => (string?)r.Attribute("outlineLevel")), Is.EqualTo(new[] { "1", null }));
        });
    }

    [Test]
    public void Shared_strings_read_back_escaped_and_space_preserved()
    {
        var strings = new SharedStrings();
        string[] texts = ["plain", " leading", "a & <b>", "two\nlines", "bell \u0007 and _x0041_"];
        foreach (var text in texts.Concat(["plain"]))
        {
            strings.GetIndex(text);
        }

        using var stream = new MemoryStream();
        strings.WriteTo(stream);
        var sst = XDocument.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray())).Root!;
        var items = sst.Elements(Main + "si").Select(si => si.Element(Main + "t")!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((string)sst.Attribute("count")!, Is.EqualTo("6"));
            Assert.That((string)sst.Attribute("uniqueCount")!, Is.EqualTo("5"));
            Assert.That(items.Select(t => t.Value), Is.EqualTo(new[] { "plain", " leading", "a & <b>", "two\nlines", "bell _x0007_ and _x005F_x0041_" }));
            Assert.That(items.Select(t => (string?)t.Attribute(XNamespace.Xml + "space")), Is.EqualTo(new[] { null, "preserve", null, "preserve", null }));
        });
    }
}
