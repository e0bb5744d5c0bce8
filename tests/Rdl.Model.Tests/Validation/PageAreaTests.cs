using Rdl.Model.Tests.Reading;

namespace Rdl.Model.Tests.Validation;

/// <summary>
/// Page settings that leave the body no area are refused when the report is read (RDL2009), naming the element and its
/// line (issue 20: a report with PageWidth -5in failed in the sandbox with a NullReferenceException).
/// </summary>
public sealed class PageAreaTests
{
    private static string WithPage(string page) =>
        TestRdl.Minimal2016("<Textbox Name=\"A\"><Paragraphs /><Height>1in</Height><Width>1in</Width></Textbox>").Replace("<Page />", $"<Page>{page}</Page>", StringComparison.Ordinal);

    private const string Margins = "<LeftMargin>1in</LeftMargin><RightMargin>1in</RightMargin><TopMargin>1in</TopMargin><BottomMargin>1in</BottomMargin>";

    [Test]
    public void A_negative_page_width_is_refused_at_its_element()
    {
        var xml = WithPage("<PageHeight>11in</PageHeight><PageWidth>-5in</PageWidth>" + Margins);

        var result = TestRdl.Read(xml);

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo("RDL2009"));
        Assert.That(error.Message, Does.Contain("PageWidth is -360pt").And.Contain("cannot be negative"));
        Assert.That(error.ObjectPath, Is.EqualTo("PageWidth"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<PageWidth>").Line));
    }

    [Test]
    public void Margins_as_wide_as_the_page_leave_no_width()
    {
        var xml = WithPage("<PageHeight>11in</PageHeight><PageWidth>2in</PageWidth>" + Margins);

        var error = TestRdl.Read(xml).Diagnostics.Single(d => d.IsError);

        Assert.That(error.Code, Is.EqualTo("RDL2009"));
        Assert.That(error.Message, Does.Contain("no width is left for the body"));
        Assert.That(error.ObjectPath, Is.EqualTo("PageWidth"));
    }

    [Test]
    public void A_zero_page_height_leaves_no_height()
    {
        var xml = WithPage("<PageHeight>0in</PageHeight><PageWidth>8.5in</PageWidth>" + Margins);

        var error = TestRdl.Read(xml).Diagnostics.Single(d => d.IsError);

        Assert.That(error.Code, Is.EqualTo("RDL2009"));
        Assert.That(error.Message, Does.Contain("no height is left for the body"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<PageHeight>").Line));
    }

    [Test]
    public void Columns_wider_than_the_space_between_the_margins_are_refused_at_Columns()
    {
        var xml = WithPage("<PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth>" + Margins + "<Columns>20</Columns><ColumnSpacing>0.5in</ColumnSpacing>");

        var error = TestRdl.Read(xml).Diagnostics.Single(d => d.IsError);

        Assert.That(error.Code, Is.EqualTo("RDL2009"));
        Assert.That(error.Message, Does.Contain("20 columns"));
        Assert.That(error.ObjectPath, Is.EqualTo("Columns"));
    }

    [Test]
    public void A_header_and_footer_that_fill_the_page_leave_no_height()
    {
        var xml = WithPage("<PageHeader><Height>5in</Height></PageHeader><PageFooter><Height>4in</Height></PageFooter>"
            + "<PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth>" + Margins);

        var error = TestRdl.Read(xml).Diagnostics.Single(d => d.IsError);

        Assert.That(error.Code, Is.EqualTo("RDL2009"));
        Assert.That(error.Message, Does.Contain("page header and footer"));
        Assert.That(error.Location.Line, Is.EqualTo(TestRdl.PositionOf(xml, "<PageHeader>").Line));
    }

    [Test]
    public void Omitted_settings_keep_a_usable_page()
    {
        Assert.That(TestRdl.Read(WithPage(string.Empty)).Diagnostics.Where(d => d.IsError), Is.Empty);
    }

    [TestCase("NaNin")]
    [TestCase("Infinityin")]
    [TestCase("1e308in")]
    public void Sizes_that_are_not_finite_numbers_are_refused(string size)
    {
        var xml = WithPage($"<PageHeight>{size}</PageHeight><PageWidth>8.5in</PageWidth>" + Margins);

        var error = TestRdl.Read(xml).Diagnostics.First(d => d.IsError);

        Assert.That(error.Code, Is.EqualTo("RDL1003"));
        Assert.That(error.Message, Does.Contain($"'{size}' is not a valid size"));
    }
}
