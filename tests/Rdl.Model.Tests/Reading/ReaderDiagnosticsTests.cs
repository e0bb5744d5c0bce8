using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>Bad input never throws: malformed XML, DTDs, unknown elements and bad values become diagnostics.</summary>
public sealed class ReaderDiagnosticsTests
{
    [Test]
    public void MalformedXmlIsRdl1001AtTheXmlErrorPosition()
    {
        var xml = $"<?xml version=\"1.0\"?>\n<Report xmlns=\"{TestRdl.Ns2016}\">\n  <Body>\n    <Height>1in</Height>\n  </Bodx>\n</Report>";

        var result = TestRdl.Read(xml, "Broken.rdl");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Report, Is.Null);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("RDL1001"));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.Message, Does.StartWith("The RDL is not well-formed XML: "));
        Assert.That(diagnostic.Location, Is.EqualTo(new SourceLocation("Broken.rdl", 5, 5)), "the position of the mismatched end tag's name");
    }

    [Test]
    public void DoctypeWithExternalEntityIsRefusedAndNeverExpanded()
    {
        var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Report xmlns=\"{TestRdl.Ns2016}\"><Description>&x;</Description></Report>";

        var result = TestRdl.Read(xml);

        Assert.That(result.Report, Is.Null);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("RDL1001"));
        Assert.That(diagnostic.Message, Does.Contain("DTDs").And.Contain("not allowed"));
        Assert.That(diagnostic.Message, Does.Not.Contain("root:"));
        Assert.That((diagnostic.Location.Line, diagnostic.Location.Column), Is.EqualTo((2, 3)), "the DOCTYPE declaration");
    }

    [Test]
    public void BillionLaughsIsRefusedWithoutExpansion()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n");
        dtd.Append("  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++)
            dtd.Append($"  <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        dtd.Append("]>\n");
        dtd.Append($"<Report xmlns=\"{TestRdl.Ns2016}\"><Description>&lol9;</Description></Report>");

        var result = TestRdl.Read(dtd.ToString());

        Assert.That(result.Report, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "RDL1001" }));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("DTDs"));
        Assert.That(result.Diagnostics[0].Message.Length, Is.LessThan(500));
    }

    [Test]
    public void UnknownElementIsWarningRdl1100AtItsPosition()
    {
        var xml = TestRdl.Minimal2016("""
                  <Textbox Name="Greeting">
                    <Paragraphs><Paragraph><TextRuns><TextRun><Value>Hi</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                    <Sparkle>true</Sparkle>
                  </Textbox>
        """);

        var result = TestRdl.Read(xml, "Greeting.rdl");

        Assert.That(result.Success, Is.True, "a warning does not fail the read");
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("RDL1100"));
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.Message, Is.EqualTo("Unknown element 'Sparkle' in Textbox 'Greeting' was ignored."));
        var (line, column) = TestRdl.PositionOf(xml, "Sparkle>");
        Assert.That(warning.Location, Is.EqualTo(new SourceLocation("Greeting.rdl", line, column)));
    }

    [Test]
    public void KnownButUnmodelledElementsAndOtherNamespacesAreSilent()
    {
        var xml = TestRdl.Minimal2016("""
                  <Textbox Name="Greeting">
                    <Paragraphs><Paragraph><TextRuns><TextRun><Value>Hi</Value><ToolTip>tip</ToolTip></TextRun></TextRuns><SpaceAfter>2pt</SpaceAfter></Paragraph></Paragraphs>
                    <DocumentMapLabel>Greeting</DocumentMapLabel>
                    <Bookmark>b</Bookmark>
                    <DataElementOutput>NoOutput</DataElementOutput>
                    <rd:DefaultName>Greeting</rd:DefaultName>
                    <x:Custom xmlns:x="urn:vendor">1</x:Custom>
                  </Textbox>
        """);

        var result = TestRdl.Read(xml);

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Test]
    public void UnsupportedReportItemIsWarningRdl1101AndSkipped()
    {
        var xml = TestRdl.Minimal2016("""
                  <CustomReportItem Name="Vendor"><Type>Barcode</Type><Height>2in</Height><Width>3in</Width></CustomReportItem>
                  <Textbox Name="After"><Paragraphs /></Textbox>
        """);

        var result = TestRdl.Read(xml);

        Assert.That(result.Success, Is.True);
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("RDL1101"));
        Assert.That(warning.Message, Does.StartWith("Report item type 'CustomReportItem' is not supported yet and will not be rendered"));
        Assert.That(warning.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<CustomReportItem").Line));
        Assert.That(result.Report!.Sections[0].Body.Items.Select(i => i.Name), Is.EqualTo(new[] { "After" }));
    }

    [Test]
    public void PaddingOutsideMsRdlsRangeIsWarnedWithItsLocation()
    {
        // Fuzz finding (seed 20, iteration 3859): a 99,999,999in padding made a render tile billions of points.
        var xml = TestRdl.Minimal2016("""
                  <Textbox Name="Box"><Paragraphs /><Height>1in</Height><Style><PaddingTop>99999999in</PaddingTop><PaddingLeft>2pt</PaddingLeft></Style></Textbox>
        """);

        var result = TestRdl.Read(xml, "Padding.rdl");

        Assert.That(result.Success, Is.True);
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("RDL1003"));
        Assert.That(warning.Message, Does.Contain("PaddingTop").And.Contain("99999999in").And.Contain("1000pt"));
        Assert.That(warning.Location.Line, Is.GreaterThan(0));
    }

    [Test]
    public void InvalidSizeIsErrorRdl1003AtTheElement()
    {
        var xml = TestRdl.Minimal2016("""
                  <Textbox Name="Box"><Paragraphs /><Height>tall</Height></Textbox>
        """);

        var result = TestRdl.Read(xml, "Sizes.rdl");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Report, Is.Not.Null, "the partial report is still returned");
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("RDL1003"));
        Assert.That(error.Message, Does.Contain("'tall'"));
        var (line, column) = TestRdl.PositionOf(xml, "Height>tall");
        Assert.That(error.Location, Is.EqualTo(new SourceLocation("Sizes.rdl", line, column)));
    }

    [Test]
    public void InvalidBooleanAndEnumValuesAreErrorRdl1004()
    {
        var xml = TestRdl.Minimal2016("""
                  <Textbox Name="Box"><Paragraphs /><CanGrow>maybe</CanGrow></Textbox>
        """).Replace("<DataSets>", "<ReportParameters><ReportParameter Name=\"P\"><DataType>Money</DataType></ReportParameter></ReportParameters><DataSets>", StringComparison.Ordinal);

        var result = TestRdl.Read(xml);

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "RDL1004", "RDL1004" }));
        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("'Money'").And.Some.Contains("'maybe'"));
    }

    [Test]
    public void UnknownRootNamespaceIsErrorRdl1002()
    {
        var result = TestRdl.Read("<Report xmlns=\"http://example.com/not-rdl\"><Body /></Report>");

        Assert.That(result.Report, Is.Null);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("RDL1002"));
        Assert.That(result.Diagnostics[0].Location.Line, Is.EqualTo(1));
    }

    [Test]
    public void RootThatIsNotReportIsErrorRdl1002()
    {
        var result = TestRdl.Read($"<Invoice xmlns=\"{TestRdl.Ns2016}\" />");

        Assert.That(result.Report, Is.Null);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("RDL1002"));
    }

    [Test]
    public void DocumentLargerThanTheLimitIsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes(TestRdl.Sales2016);
        var options = new RdlReaderOptions { MaxDocumentBytes = 1000 };

        var fromBytes = RdlReader.Read(bytes, "Big.rdl", options);
        var fromStream = RdlReader.Read(new MemoryStream(bytes), "Big.rdl", options);

        Assert.That(fromBytes.Report, Is.Null);
        Assert.That(fromBytes.Diagnostics.Single().Code, Is.EqualTo(RdlDiagnosticCodes.LimitExceeded));
        Assert.That(fromStream.Diagnostics.Single().Code, Is.EqualTo(RdlDiagnosticCodes.LimitExceeded));
    }

    [Test]
    public void NestingDeeperThanMaxDepthIsRefused()
    {
        var nested = string.Concat(Enumerable.Repeat("<Rectangle Name=\"R\"><ReportItems>", 40)) + string.Concat(Enumerable.Repeat("</ReportItems></Rectangle>", 40));
        var xml = TestRdl.Minimal2016(nested);

        var result = RdlReader.Read(Encoding.UTF8.GetBytes(xml), "Deep.rdl", new RdlReaderOptions { MaxDepth = 64 });

        Assert.That(result.Report, Is.Null);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(RdlDiagnosticCodes.LimitExceeded));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("64"));
    }

    /// <summary>Issue 12 finding 2: 10,000 nested rectangles (1.3 MB) took 8.4 s to refuse, the whole tree being built first.</summary>
    [Test]
    public void TenThousandNestedRectanglesAreRefusedAtTheFirstElementPastTheDepthLimit()
    {
        var xml = DeepRectangles(10_000);

        var result = RdlReader.Read(Encoding.UTF8.GetBytes(xml), "Deep.rdl");

        Assert.That(result.Report, Is.Null);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(RdlDiagnosticCodes.LimitExceeded));
        Assert.That(error.Message, Does.Contain("128 levels").And.Contain("RdlReaderOptions.MaxDepth"));
        // Level 129 is the <ReportItems> of the 62nd nested <Rectangle> (the body's <ReportItems> is level 5).
        var line = xml[..IndexOfNth(xml, "<ReportItems>", 1 + 62)].Count(c => c == '\n') + 1;
        Assert.That(error.Location.Line, Is.EqualTo(line));
        Assert.That(error.Message, Does.Contain($"on line {line}"));
    }

    /// <summary>The limits hold in a pass that builds no tree: the part past the limit is never read, so its broken XML goes unreported.</summary>
    [Test]
    public void DepthLimitStopsReadingBeforeTheRestOfTheDocumentIsParsed()
    {
        var xml = DeepRectangles(200) + "<not-closed";

        var result = RdlReader.Read(Encoding.UTF8.GetBytes(xml), "Deep.rdl");

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { RdlDiagnosticCodes.LimitExceeded }));
    }

    [Test]
    public void MoreElementsThanMaxElementsAreRefusedWithTheLine()
    {
        var textboxes = string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"\n<Textbox Name=\"T{i}\"><Paragraphs><Paragraph><TextRuns><TextRun><Value>{i}</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox>"));
        var xml = TestRdl.Minimal2016(textboxes);
        var options = new RdlReaderOptions { MaxElements = 100 };

        var result = RdlReader.Read(Encoding.UTF8.GetBytes(xml), "Wide.rdl", options);

        Assert.That(result.Report, Is.Null);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(RdlDiagnosticCodes.LimitExceeded));
        Assert.That(error.Message, Does.Contain("100 elements").And.Contain("RdlReaderOptions.MaxElements"));
        Assert.That(error.Location.Line, Is.GreaterThan(1));
        Assert.That(TestRdl.Read(xml).Success, Is.True, "the same report is read under the default limits");
    }

    private static string DeepRectangles(int depth)
    {
        var builder = new StringBuilder($"<Report xmlns=\"{TestRdl.Ns2016}\"><ReportSections><ReportSection><Body><ReportItems>");
        for (var i = 0; i < depth; i++) builder.Append("\n<Rectangle Name=\"R").Append(i).Append("\"><ReportItems>");
        for (var i = 0; i < depth; i++) builder.Append("</ReportItems></Rectangle>");
        return builder.Append("</ReportItems></Body></ReportSection></ReportSections></Report>").ToString();
    }

    private static int IndexOfNth(string text, string value, int n)
    {
        var index = -1;
        for (var i = 0; i < n; i++) index = text.IndexOf(value, index + 1, StringComparison.Ordinal);
        return index;
    }

    [Test]
    public void OptionsRejectNegativeLimits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RdlReaderOptions { MaxDepth = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RdlReaderOptions { MaxDocumentBytes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RdlReaderOptions { MaxElements = -1 });
        Assert.That(new RdlReaderOptions().MaxElements, Is.EqualTo(100_000));
        Assert.That(new RdlReaderOptions().MaxDepth, Is.EqualTo(128));
        Assert.That(new RdlReaderOptions().MaxDocumentBytes, Is.EqualTo(32L * 1024 * 1024));
    }
}
