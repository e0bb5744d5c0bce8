using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>RDL 2005 and 2008 documents (no ReportSections) become one section.</summary>
public sealed class LegacyRdlTests
{
    private const string Rdl2008 = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="{TestRdl.Ns2008}" xmlns:rd="{TestRdl.NsDesigner}">
          <DataSources>
            <DataSource Name="DS"><ConnectionProperties><DataProvider>SQL</DataProvider><ConnectString>x</ConnectString></ConnectionProperties></DataSource>
          </DataSources>
          <DataSets>
            <DataSet Name="Orders">
              <Fields><Field Name="Id"><DataField>Id</DataField><rd:TypeName>System.Int32</rd:TypeName></Field></Fields>
              <Query><DataSourceName>DS</DataSourceName><CommandText>SELECT Id FROM Orders</CommandText></Query>
            </DataSet>
          </DataSets>
          <Body>
            <ReportItems>
              <Textbox Name="Heading">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>Orders</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Height>0.3in</Height><Width>3in</Width>
              </Textbox>
            </ReportItems>
            <Height>1in</Height>
          </Body>
          <Width>6.5in</Width>
          <Page>
            <PageHeight>8.5in</PageHeight>
            <PageWidth>11in</PageWidth>
            <LeftMargin>0.25in</LeftMargin>
            <PageFooter>
              <Height>0.4in</Height>
              <PrintOnFirstPage>true</PrintOnFirstPage>
              <PrintOnLastPage>true</PrintOnLastPage>
              <ReportItems>
                <Textbox Name="Footer"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Globals!PageNumber</Value></TextRun></TextRuns></Paragraph></Paragraphs></Textbox>
              </ReportItems>
            </PageFooter>
          </Page>
          <Language>de-DE</Language>
        </Report>
        """;

    private const string Rdl2005 = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="{TestRdl.Ns2005}" xmlns:rd="{TestRdl.NsDesigner}">
          <PageHeader>
            <Height>0.5in</Height>
            <PrintOnFirstPage>true</PrintOnFirstPage>
            <ReportItems>
              <Textbox Name="Caption">
                <Value>Inventory</Value>
                <Style><FontSize>16pt</FontSize></Style>
              </Textbox>
            </ReportItems>
          </PageHeader>
          <Body>
            <ReportItems>
              <Textbox Name="Total">
                <rd:DefaultName>Total</rd:DefaultName>
                <Top>0.25in</Top>
                <Left>1in</Left>
                <Width>2in</Width>
                <Height>0.25in</Height>
                <CanGrow>true</CanGrow>
                <Value>=Sum(Fields!Qty.Value)</Value>
                <Style>
                  <BorderStyle><Default>Solid</Default><Top>Double</Top></BorderStyle>
                  <BorderColor><Default>Black</Default><Bottom>Red</Bottom></BorderColor>
                  <BorderWidth><Left>2pt</Left></BorderWidth>
                  <Format>N0</Format>
                </Style>
                <Visibility><Hidden>false</Hidden><ToggleItem>Caption</ToggleItem></Visibility>
              </Textbox>
              <Rectangle Name="Block">
                <PageBreakAtEnd>true</PageBreakAtEnd>
                <Height>0.5in</Height>
              </Rectangle>
            </ReportItems>
            <Height>2in</Height>
            <Columns>2</Columns>
            <ColumnSpacing>0.5in</ColumnSpacing>
          </Body>
          <Width>6in</Width>
          <PageHeight>11in</PageHeight>
          <PageWidth>8.5in</PageWidth>
          <InteractiveHeight>11in</InteractiveHeight>
          <InteractiveWidth>8.5in</InteractiveWidth>
          <LeftMargin>0.5in</LeftMargin>
          <TopMargin>0.75in</TopMargin>
        </Report>
        """;

    [Test]
    public void Rdl2008WithoutReportSectionsBecomesOneSection()
    {
        var result = TestRdl.Read(Rdl2008, "Orders.rdl");

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        var report = result.Report!;
        Assert.That(report.SchemaYear, Is.EqualTo(2008));
        Assert.That(report.Name, Is.EqualTo("Orders"));
        Assert.That(report.Language, Is.EqualTo("de-DE"));
        var section = report.Sections.Single();
        Assert.That(section.Width.Points, Is.EqualTo(468.0).Within(1e-9));
        Assert.That(section.Body.Height.Points, Is.EqualTo(72.0).Within(1e-9));
        Assert.That(((Textbox)section.Body.Items.Single()).SingleValue?.Raw, Is.EqualTo("Orders"));
        Assert.That(section.Page.PageWidth.Points, Is.EqualTo(792.0).Within(1e-9));
        Assert.That(section.Page.PageHeight.Points, Is.EqualTo(612.0).Within(1e-9));
        Assert.That(section.Page.LeftMargin.Points, Is.EqualTo(18.0).Within(1e-9));
        Assert.That(section.Page.RightMargin, Is.EqualTo(PageDefinition.Default.RightMargin), "missing values keep the defaults");
        Assert.That(section.Page.Footer!.Items.Single().Name, Is.EqualTo("Footer"));
        Assert.That(report.DataSets.Single().Fields.Single().TypeName, Is.EqualTo("System.Int32"));
    }

    [Test]
    public void Rdl2005TextboxValueBecomesOneParagraphWithOneRun()
    {
        var xml = Rdl2005;
        var result = TestRdl.Read(xml, "Inventory.rdl");

        Assert.That(result.Success, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(result.Report!.SchemaYear, Is.EqualTo(2005));
        var total = result.Report.Sections.Single().Body.Items.OfType<Textbox>().Single();
        Assert.That(total.Paragraphs, Has.Length.EqualTo(1));
        Assert.That(total.Paragraphs[0].Runs, Has.Length.EqualTo(1));
        var value = total.SingleValue!;
        Assert.That(value.Raw, Is.EqualTo("=Sum(Fields!Qty.Value)"));
        Assert.That(value.Site, Is.EqualTo("Textbox 'Total'.Value"));
        Assert.That((value.Location.Line, value.Location.Column), Is.EqualTo(TestRdl.PositionOf(xml, "Value>=Sum")));
        Assert.That(total.CanGrow, Is.True);
        Assert.That(total.Bounds.Left.Points, Is.EqualTo(72.0).Within(1e-9));
        Assert.That(total.Hidden?.Raw, Is.EqualTo("false"));
        Assert.That(total.ToggleItem, Is.EqualTo("Caption"));
    }

    [Test]
    public void Rdl2005BorderElementsMapToBorderKeys()
    {
        var total = TestRdl.Read(Rdl2005).Report!.Sections[0].Body.Items.OfType<Textbox>().Single();

        Assert.That(total.Style["Border.Style"]?.Raw, Is.EqualTo("Solid"));
        Assert.That(total.Style["TopBorder.Style"]?.Raw, Is.EqualTo("Double"));
        Assert.That(total.Style["Border.Color"]?.Raw, Is.EqualTo("Black"));
        Assert.That(total.Style["BottomBorder.Color"]?.Raw, Is.EqualTo("Red"));
        Assert.That(total.Style["LeftBorder.Width"]?.Raw, Is.EqualTo("2pt"));
        Assert.That(total.Style["Format"]?.Raw, Is.EqualTo("N0"));
        Assert.That(total.Style.Properties.Keys, Has.None.StartsWith("BorderStyle"));
    }

    [Test]
    public void Rdl2005PageSettingsUnderReportAndBodyColumnsFormThePage()
    {
        var section = TestRdl.Read(Rdl2005).Report!.Sections.Single();
        var page = section.Page;

        Assert.That(page.PageWidth.Points, Is.EqualTo(612.0).Within(1e-9));
        Assert.That(page.PageHeight.Points, Is.EqualTo(792.0).Within(1e-9));
        Assert.That(page.InteractiveHeight?.Points, Is.EqualTo(792.0).Within(1e-9), "InteractiveHeight under Report");
        Assert.That(page.LeftMargin.Points, Is.EqualTo(36.0).Within(1e-9));
        Assert.That(page.TopMargin.Points, Is.EqualTo(54.0).Within(1e-9));
        Assert.That(page.Columns, Is.EqualTo(2));
        Assert.That(page.ColumnSpacing.Points, Is.EqualTo(36.0).Within(1e-9));
        Assert.That(page.Header!.PrintOnFirstPage, Is.True);
        var caption = (Textbox)page.Header.Items.Single();
        Assert.That(caption.SingleValue?.Raw, Is.EqualTo("Inventory"));
        Assert.That(caption.Style["FontSize"]?.Raw, Is.EqualTo("16pt"));
        var block = section.Body.Items.OfType<RectangleItem>().Single();
        Assert.That(block.PageBreak?.Location, Is.EqualTo(BreakLocation.End));
    }

    [Test]
    public void RdlWithoutNamespaceIsReadAs2005WithAWarning()
    {
        var xml = Rdl2005.Replace($" xmlns=\"{TestRdl.Ns2005}\"", string.Empty, StringComparison.Ordinal);

        var result = TestRdl.Read(xml);

        Assert.That(result.Success, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { RdlDiagnosticCodes.NonStandardNamespace }));
        Assert.That(result.Report!.Sections[0].Body.Items, Has.Length.EqualTo(2));
    }
}
