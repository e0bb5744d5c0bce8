using Rdl.Model.Definitions.Data;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

public sealed class RdlReaderTests
{
    [Test]
    public void Rdl2016SampleReadsWithoutAnyDiagnostic()
    {
        var result = TestRdl.Read(TestRdl.Sales2016, "Sales.rdl");

        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(result.Success, Is.True);
        Assert.That(result.Report!.Name, Is.EqualTo("Sales"));
        Assert.That(result.Report.SchemaYear, Is.EqualTo(2016));
        Assert.That(result.Report.Language, Is.EqualTo("en-US"));
    }

    [Test]
    public void Rdl2016TablixHasColumnWidthsInPointsRowsAndGroups()
    {
        var report = TestRdl.Read(TestRdl.Sales2016).Report!;
        var tablix = report.Sections[0].Body.Items.OfType<TablixDefinition>().Single();

        Assert.That(tablix.Name, Is.EqualTo("SalesTable"));
        Assert.That(tablix.DataSetName, Is.EqualTo("Sales"));
        Assert.That(tablix.ColumnWidths.Select(w => w.Points), Is.EqualTo(new[] { 144.0, 108.0, 72.0 }).Within(1e-9));
        Assert.That(tablix.Rows, Has.Length.EqualTo(3));
        Assert.That(tablix.Rows.Select(r => r.Height.Points), Is.EqualTo(new[] { 18.0, 14.4, 18.0 }).Within(1e-9));
        Assert.That(tablix.NoRowsMessage?.Raw, Is.EqualTo("No sales."));
        Assert.That(tablix.Bounds.Top.Points, Is.EqualTo(36.0).Within(1e-9));
        Assert.That(tablix.ZIndex, Is.EqualTo(2));

        var total = tablix.Rows[2].Cells;
        Assert.That(total, Has.Length.EqualTo(3));
        Assert.That(total[0].ColSpan, Is.EqualTo(2));
        Assert.That(total[0].Contents?.Name, Is.EqualTo("Total"));
        Assert.That(total[1].Contents, Is.Null, "a cell covered by ColSpan is an empty TablixCell");
        Assert.That(((Textbox)tablix.Rows[1].Cells[1].Contents!).SingleValue?.Raw, Is.EqualTo("=Fields!Amount.Value"));

        Assert.That(tablix.ColumnHierarchy, Has.Length.EqualTo(3));
        Assert.That(tablix.ColumnHierarchy.All(m => m.IsStatic && m.IsLeaf), Is.True);
        var rows = tablix.RowHierarchy;
        Assert.That(rows, Has.Length.EqualTo(3));
        Assert.That(rows[0].IsStatic, Is.True);
        Assert.That(rows[0].KeepWithGroup, Is.EqualTo("After"));
        Assert.That(rows[0].RepeatOnNewPage, Is.True);
        Assert.That(rows[2].KeepWithGroup, Is.EqualTo("Before"));

        var region = rows[1].Group!;
        Assert.That(region.Name, Is.EqualTo("RegionGroup"));
        Assert.That(region.GroupExpressions.Select(e => e.Raw), Is.EqualTo(new[] { "=Fields!Region.Value" }));
        Assert.That(region.IsDetails, Is.False);
        Assert.That(region.PageBreak?.Location, Is.EqualTo(BreakLocation.Between));
        Assert.That(rows[1].SortExpressions.Single().Value.Raw, Is.EqualTo("=Fields!Region.Value"));
        Assert.That(rows[1].SortExpressions.Single().Descending, Is.True);
        Assert.That(rows[1].Children.Single().Group?.Name, Is.EqualTo("Details"));
        Assert.That(rows[1].Children.Single().Group?.IsDetails, Is.True);
    }

    [Test]
    public void Rdl2016DataSourcesDataSetsAndFieldsAreRead()
    {
        var report = TestRdl.Read(TestRdl.Sales2016).Report!;

        Assert.That(report.DataSources.Select(d => d.Name), Is.EqualTo(new[] { "SalesDb", "Shared" }));
        Assert.That(report.DataSources[0].DataProvider, Is.EqualTo("SQL"));
        Assert.That(report.DataSources[0].ConnectString, Is.EqualTo("Data Source=.;Initial Catalog=Sales"));
        Assert.That(report.DataSources[1].DataSourceReference, Is.EqualTo("/Data Sources/Shared"));

        var sales = report.FindDataSet("sales")!;
        Assert.That(sales.Query.DataSourceName, Is.EqualTo("SalesDb"));
        Assert.That(sales.Query.CommandText, Does.StartWith("SELECT Region, Amount"));
        Assert.That(sales.Query.CommandType, Is.EqualTo("Text"));
        Assert.That(sales.Query.Parameters.Single().Name, Is.EqualTo("@Year"));
        Assert.That(sales.Query.Parameters.Single().Value.Raw, Is.EqualTo("=Parameters!Year.Value"));

        Assert.That(sales.Fields.Select(f => f.Name), Is.EqualTo(new[] { "Region", "Amount", "Doubled" }));
        Assert.That(sales.Fields[0].DataField, Is.EqualTo("Region"));
        Assert.That(sales.Fields[0].TypeName, Is.EqualTo("System.String"));
        Assert.That(sales.Fields[0].IsCalculated, Is.False);
        Assert.That(sales.Fields[2].DataField, Is.Null);
        Assert.That(sales.Fields[2].Value?.Raw, Is.EqualTo("=Fields!Amount.Value * 2"));
        Assert.That(sales.Fields[2].IsCalculated, Is.True);

        var filter = sales.Filters.Single();
        Assert.That(filter.Expression.Raw, Is.EqualTo("=Fields!Amount.Value"));
        Assert.That(filter.Operator, Is.EqualTo("GreaterThan"));
        Assert.That(filter.Values.Select(v => v.Raw), Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public void Rdl2016ParametersHaveTypesFlagsAndDefaults()
    {
        var parameters = TestRdl.Read(TestRdl.Sales2016).Report!.Parameters;

        Assert.That(parameters.Select(p => p.DataType), Is.EqualTo(new[]
        {
            ReportParameterType.Integer, ReportParameterType.String, ReportParameterType.Boolean, ReportParameterType.DateTime, ReportParameterType.Float,
        }));
        var year = parameters[0];
        Assert.That(year.Name, Is.EqualTo("Year"));
        Assert.That(year.Prompt, Is.EqualTo("Year"));
        Assert.That(year.DefaultValues.Select(v => v.Raw), Is.EqualTo(new[] { "2024" }));
        Assert.That(year.Nullable || year.MultiValue || year.Hidden || year.AllowBlank, Is.False);

        var regions = parameters[1];
        Assert.That(regions.Nullable && regions.AllowBlank && regions.MultiValue, Is.True);
        Assert.That(regions.DefaultValues.Select(v => v.Raw), Is.EqualTo(new[] { "North", "South" }));

        Assert.That(parameters[2].Hidden, Is.True);
        Assert.That(parameters[2].DefaultValues.Single().IsExpression, Is.True);
        Assert.That(parameters[3].DefaultValues, Is.Empty);
        Assert.That(parameters[4].DefaultValues.Single().Raw, Is.EqualTo("=Nothing"), "xsi:nil default means Nothing");
    }

    /// <summary>Issue 17 item 1: MS-RDL gives an omitted LeftMargin, RightMargin, TopMargin or BottomMargin the value 0.</summary>
    [Test]
    public void Omitted_page_margins_are_zero_in_Rdl2016_and_Rdl2005()
    {
        var modern = TestRdl.Read(TestRdl.Minimal2016("")).Report!.Sections.Single().Page;
        var legacy = TestRdl.Read(TestRdl.Minimal2005("")).Report!.Sections.Single().Page;

        foreach (var page in new[] { modern, legacy })
        {
            Assert.That(new[] { page.LeftMargin.Points, page.RightMargin.Points, page.TopMargin.Points, page.BottomMargin.Points }, Is.All.EqualTo(0.0));
            Assert.That(page.PageWidth.Points, Is.EqualTo(612.0), "US Letter stays the page size default");
            Assert.That(page.PageHeight.Points, Is.EqualTo(792.0));
        }
    }

    [Test]
    public void Rdl2016PageSettingsAndHeaderAreRead()
    {
        var section = TestRdl.Read(TestRdl.Sales2016).Report!.Sections.Single();
        var page = section.Page;

        Assert.That(section.Width.Points, Is.EqualTo(468.0).Within(1e-9));
        Assert.That(section.Body.Height.Points, Is.EqualTo(108.0).Within(1e-9));
        Assert.That(section.Body.Style["BackgroundColor"]?.Raw, Is.EqualTo("White"));
        Assert.That(page.PageWidth.Points, Is.EqualTo(21 / 2.54 * 72).Within(1e-9));
        Assert.That(page.PageHeight.Points, Is.EqualTo(29.7 / 2.54 * 72).Within(1e-9));
        Assert.That(page.InteractiveHeight?.Points, Is.EqualTo(11 * 72.0).Within(1e-9));
        Assert.That(page.LeftMargin.Points, Is.EqualTo(72.0).Within(1e-9));
        Assert.That(page.RightMargin.Points, Is.EqualTo(36.0).Within(1e-9));
        Assert.That(page.TopMargin.Points, Is.EqualTo(2 / 2.54 * 72).Within(1e-9));
        Assert.That(page.BottomMargin.Points, Is.EqualTo(10 / 25.4 * 72).Within(1e-9));
        Assert.That(page.Columns, Is.EqualTo(1));

        var header = page.Header!;
        Assert.That(header.Height.Points, Is.EqualTo(36.0).Within(1e-9));
        Assert.That(header.PrintOnFirstPage, Is.True);
        Assert.That(header.PrintOnLastPage, Is.False);
        var pageNumber = (Textbox)header.Items.Single();
        Assert.That(pageNumber.Name, Is.EqualTo("PageNumber"));
        Assert.That(pageNumber.SingleValue?.Raw, Is.EqualTo("=\"Page \" & Globals!PageNumber"));
        Assert.That(pageNumber.Bounds.Left.Points, Is.EqualTo(288.0).Within(1e-9));
        Assert.That(page.Footer!.PrintOnLastPage, Is.True);
        Assert.That(page.Footer.Items, Is.Empty);
    }

    [Test]
    public void Rdl2016TextboxParagraphsRunsStylesAndSites()
    {
        var xml = TestRdl.Sales2016;
        var title = TestRdl.Read(xml, "Sales.rdl").Report!.Sections[0].Body.Items.OfType<Textbox>().Single();

        Assert.That(title.CanGrow, Is.True);
        Assert.That(title.CanShrink, Is.False);
        Assert.That(title.ZIndex, Is.EqualTo(1));
        Assert.That(title.Hidden?.Raw, Is.EqualTo("=Not Parameters!ShowTitle.Value"));
        Assert.That(title.Paragraphs.Single().Runs.Select(r => r.Value.Raw), Is.EqualTo(new[] { "Sales ", "=Parameters!Year.Value" }));
        Assert.That(title.Paragraphs[0].Style["TextAlign"]?.Raw, Is.EqualTo("Center"));
        Assert.That(title.Paragraphs[0].Runs[0].Style["FontSize"]?.Raw, Is.EqualTo("14pt"));
        Assert.That(title.Style["Border.Style"]?.Raw, Is.EqualTo("None"));
        Assert.That(title.Style["BottomBorder.Color"]?.Raw, Is.EqualTo("Gray"));
        Assert.That(title.Style["BottomBorder.Width"]?.Raw, Is.EqualTo("1pt"));
        Assert.That(title.Style["PaddingLeft"]?.Raw, Is.EqualTo("2pt"));
        Assert.That(title.Style["BottomBorder.Color"]?.Site, Is.EqualTo("Textbox 'Title'.Style.BottomBorder.Color"));

        var first = title.Paragraphs[0].Runs[0].Value;
        Assert.That(first.Site, Is.EqualTo("Textbox 'Title'.Value"));
        Assert.That(first.Location.File, Is.EqualTo("Sales.rdl"));
        var (line, column) = TestRdl.PositionOf(xml, "Value>Sales </Value>");
        Assert.That((first.Location.Line, first.Location.Column), Is.EqualTo((line, column)), "the location of the <Value> element");
        Assert.That(title.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "Textbox Name=\"Title\"").Line));
    }

    [Test]
    public void Rdl2016RectangleHoldsItemsAndPageBreak()
    {
        var box = TestRdl.Read(TestRdl.Sales2016).Report!.Sections[0].Body.Items.OfType<RectangleItem>().Single();

        Assert.That(box.PageBreak?.Location, Is.EqualTo(BreakLocation.End));
        var rule = (LineItem)box.Items.Single();
        Assert.That(rule.Name, Is.EqualTo("Rule"));
        Assert.That(rule.Bounds.Width.Points, Is.EqualTo(432.0).Within(1e-9));
        Assert.That(rule.Style["Border.Style"]?.Raw, Is.EqualTo("Solid"));
    }

    [Test]
    public void Rdl2016CodeBlockKeepsItsTextAndLocation()
    {
        var xml = TestRdl.Sales2016;
        var report = TestRdl.Read(xml).Report!;

        Assert.That(report.Code, Does.StartWith("Public Function Twice"));
        Assert.That(report.Code, Does.Contain("Return x * 2"));
        Assert.That(report.CodeLocation.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<Code>").Line));
    }

    [Test]
    public void StreamOverloadReadsTheSameReport()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TestRdl.Sales2016));

        var result = RdlReader.Read(stream, "Sales.rdlc");

        Assert.That(result.Success, Is.True);
        Assert.That(result.Report!.Name, Is.EqualTo("Sales"));
        Assert.That(result.Report.Sections[0].Body.Items, Has.Length.EqualTo(3));
    }
}
