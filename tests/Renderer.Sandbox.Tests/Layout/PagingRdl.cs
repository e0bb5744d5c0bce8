using System.Globalization;
using System.Security;
using System.Text;

namespace Renderer.Sandbox.Tests.Layout;

/// <summary>
/// Writes small RDL 2016 reports for pagination tests, every size in points: a page 400pt high with 20pt margins,
/// 20pt header and footer, so the body holds <see cref="BodyHeight"/> = 320pt starting at <see cref="BodyTop"/> = 40pt.
/// </summary>
internal static class PagingRdl
{
    public const double BodyTop = 40;
    public const double BodyHeight = 320;
    public const double LeftMargin = 20;
    public const double RowHeight = 20;
    public static readonly string[] Columns = ["Region", "Item"];

    private const string Ns = "http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition";

    public static string X(string text) => SecurityElement.Escape(text);

    private static string Pt(double value) => value.ToString(CultureInfo.InvariantCulture) + "pt";

    public static string Textbox(string name, string value, double top = 0, double height = RowHeight, double left = 0) =>
        $"<Textbox Name=\"{name}\"><Paragraphs><Paragraph><TextRuns><TextRun><Value>{X(value)}</Value></TextRun></TextRuns></Paragraph></Paragraphs>"
        + $"<Top>{Pt(top)}</Top><Left>{Pt(left)}</Left><Height>{Pt(height)}</Height><Width>100pt</Width></Textbox>";

    public static string Rectangle(string name, double top, double height, string extra = "") =>
        $"<Rectangle Name=\"{name}\"><ReportItems>{Textbox(name + "Text", name)}</ReportItems>{extra}"
        + $"<Top>{Pt(top)}</Top><Left>0pt</Left><Height>{Pt(height)}</Height><Width>150pt</Width></Rectangle>";

    public static string PageBreak(string location, string extra = "") => $"<PageBreak><BreakLocation>{location}</BreakLocation>{extra}</PageBreak>";

    /// <summary>
    /// A table over the dataset: a header row ("Region" | "Item", RepeatOnNewPage, KeepWithGroup After) and one detail row
    /// per data row, inside a group on Region. <paramref name="groupExtra"/> goes inside &lt;Group&gt; (PageBreak, PageName),
    /// <paramref name="memberExtra"/> into the group's TablixMember (KeepTogether), <paramref name="tablixExtra"/> into the Tablix.
    /// </summary>
    public static string Table(double top = 0, string groupExtra = "", string memberExtra = "", string tablixExtra = "", bool grouped = true)
    {
        static string Cell(string name, string value) => $"<TablixCell><CellContents>{Textbox(name, value)}</CellContents></TablixCell>";
        var rows = $"<TablixRow><Height>{Pt(RowHeight)}</Height><TablixCells>{Cell("hRegion", "Region")}{Cell("hItem", "Item")}</TablixCells></TablixRow>"
            + $"<TablixRow><Height>{Pt(RowHeight)}</Height><TablixCells>{Cell("Region", "=Fields!Region.Value")}{Cell("Item", "=Fields!Item.Value")}</TablixCells></TablixRow>";
        var details = "<TablixMember><Group Name=\"Details\" /></TablixMember>";
        var group = grouped
            ? $"<TablixMember><Group Name=\"RegionGroup\"><GroupExpressions><GroupExpression>=Fields!Region.Value</GroupExpression></GroupExpressions>{groupExtra}</Group>{memberExtra}<TablixMembers>{details}</TablixMembers></TablixMember>"
            : details;
        return "<Tablix Name=\"Table\"><TablixBody><TablixColumns><TablixColumn><Width>100pt</Width></TablixColumn><TablixColumn><Width>100pt</Width></TablixColumn></TablixColumns>"
            + $"<TablixRows>{rows}</TablixRows></TablixBody>"
            + "<TablixColumnHierarchy><TablixMembers><TablixMember /><TablixMember /></TablixMembers></TablixColumnHierarchy>"
            + $"<TablixRowHierarchy><TablixMembers><TablixMember><KeepWithGroup>After</KeepWithGroup><RepeatOnNewPage>true</RepeatOnNewPage></TablixMember>{group}</TablixMembers></TablixRowHierarchy>"
            + $"<DataSetName>Data</DataSetName>{tablixExtra}<Top>{Pt(top)}</Top><Left>0pt</Left><Height>{Pt(2 * RowHeight)}</Height><Width>200pt</Width></Tablix>";
    }

    public static string Report(string body, string? header = null, string? footer = null, string reportExtra = "", string pageExtra = "", double bodyWidth = 200, double pageWidth = 300)
    {
        var text = new StringBuilder();
        text.Append($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Report xmlns=\"{Ns}\">");
        text.Append("<DataSources><DataSource Name=\"Db\"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>");
        text.Append("<DataSets><DataSet Name=\"Data\"><Query><DataSourceName>Db</DataSourceName><CommandText>q</CommandText></Query><Fields>"
            + "<Field Name=\"Region\"><DataField>Region</DataField></Field><Field Name=\"Item\"><DataField>Item</DataField></Field></Fields></DataSet></DataSets>");
        text.Append(reportExtra);
        text.Append($"<ReportSections><ReportSection><Body><ReportItems>{body}</ReportItems><Height>100pt</Height></Body><Width>{Pt(bodyWidth)}</Width><Page>");
        text.Append($"<PageHeader><Height>20pt</Height><PrintOnFirstPage>true</PrintOnFirstPage><PrintOnLastPage>true</PrintOnLastPage><ReportItems>{header ?? ""}</ReportItems></PageHeader>");
        text.Append($"<PageFooter><Height>20pt</Height><PrintOnFirstPage>true</PrintOnFirstPage><PrintOnLastPage>true</PrintOnLastPage><ReportItems>{footer ?? ""}</ReportItems></PageFooter>");
        text.Append($"<PageHeight>400pt</PageHeight><PageWidth>{Pt(pageWidth)}</PageWidth><LeftMargin>20pt</LeftMargin><RightMargin>20pt</RightMargin><TopMargin>20pt</TopMargin><BottomMargin>20pt</BottomMargin>{pageExtra}");
        text.Append("</Page></ReportSection></ReportSections><Language>en-US</Language></Report>");
        return text.ToString();
    }

    /// <summary>Rows (Region, Item): <paramref name="counts"/> items per region, regions named A, B, C, ... unless <paramref name="names"/> says.</summary>
    public static object?[][] Rows(int[] counts, string[]? names = null)
    {
        var rows = new List<object?[]>();
        for (int r = 0; r < counts.Length; r++)
        {
            var region = names?[r] ?? ((char)('A' + r)).ToString();
            for (int i = 1; i <= counts[r]; i++) rows.Add([region, region + i.ToString(CultureInfo.InvariantCulture)]);
        }
        return [.. rows];
    }
}
