using System.Security;
using System.Text;

namespace Renderer.Host.Tests.Expressions.Scopes;

/// <summary>Writes small RDL 2016 reports as text: datasets, textboxes and tablixes with row groups.</summary>
internal static class RdlKit
{
    private const string Ns = "http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition";

    public static string X(string text) => SecurityElement.Escape(text);

    public static string Textbox(string name, string value, double top = 0, string? style = null) =>
        $"<Textbox Name=\"{name}\"><Paragraphs><Paragraph><TextRuns><TextRun><Value>{X(value)}</Value></TextRun></TextRuns></Paragraph></Paragraphs>"
        + $"<Top>{top}cm</Top><Left>0cm</Left><Height>0.6cm</Height><Width>4cm</Width>{(style is null ? "" : $"<Style>{style}</Style>")}</Textbox>";

    public static string DataSet(string name, params string[] fields) =>
        $"<DataSet Name=\"{name}\"><Query><DataSourceName>Db</DataSourceName><CommandText>SELECT * FROM {name}</CommandText></Query><Fields>"
        + string.Concat(fields.Select(f => $"<Field Name=\"{f}\"><DataField>{f}</DataField></Field>"))
        + "</Fields></DataSet>";

    /// <summary>A body row: one textbox per cell, each given as (name, value).</summary>
    public static string Row(params (string Name, string Value)[] cells) =>
        "<TablixRow><Height>0.6cm</Height><TablixCells>"
        + string.Concat(cells.Select(c => $"<TablixCell><CellContents>{Textbox(c.Name, c.Value)}</CellContents></TablixCell>"))
        + "</TablixCells></TablixRow>";

    public static string Static(string? children = null) =>
        children is null ? "<TablixMember />" : $"<TablixMember><TablixMembers>{children}</TablixMembers></TablixMember>";

    public static string Group(string name, string? groupExpression, string children, string? sort = null, string? extra = null) =>
        $"<TablixMember><Group Name=\"{name}\">"
        + (groupExpression is null ? "" : $"<GroupExpressions><GroupExpression>{X(groupExpression)}</GroupExpression></GroupExpressions>")
        + (extra ?? "") + "</Group>"
        + (sort is null ? "" : $"<SortExpressions><SortExpression><Value>{X(sort)}</Value></SortExpression></SortExpressions>")
        + (children.Length == 0 ? "" : $"<TablixMembers>{children}</TablixMembers>") + "</TablixMember>";

    public static string Details(string name = "Details") => $"<TablixMember><Group Name=\"{name}\" /></TablixMember>";

    /// <summary>A table: <paramref name="columns"/> columns, body rows, a row hierarchy (one leaf member per body row).</summary>
    public static string Tablix(string name, string dataSet, int columns, IEnumerable<string> rows, string rowMembers, double top = 2) =>
        $"<Tablix Name=\"{name}\"><TablixBody><TablixColumns>"
        + string.Concat(Enumerable.Repeat("<TablixColumn><Width>3cm</Width></TablixColumn>", columns))
        + $"</TablixColumns><TablixRows>{string.Concat(rows)}</TablixRows></TablixBody>"
        + $"<TablixColumnHierarchy><TablixMembers>{string.Concat(Enumerable.Repeat("<TablixMember />", columns))}</TablixMembers></TablixColumnHierarchy>"
        + $"<TablixRowHierarchy><TablixMembers>{rowMembers}</TablixMembers></TablixRowHierarchy>"
        + $"<DataSetName>{dataSet}</DataSetName><Top>{top}cm</Top><Left>0cm</Left><Height>2cm</Height><Width>{3 * columns}cm</Width></Tablix>";

    public static string Report(string dataSets, string body, string? header = null, string? parameters = null, string? variables = null, string? code = null)
    {
        var text = new StringBuilder();
        text.Append($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Report xmlns=\"{Ns}\">");
        text.Append("<DataSources><DataSource Name=\"Db\"><DataSourceReference>Db</DataSourceReference></DataSource></DataSources>");
        text.Append($"<DataSets>{dataSets}</DataSets>");
        if (parameters is not null) text.Append($"<ReportParameters>{parameters}</ReportParameters>");
        if (variables is not null) text.Append($"<Variables>{variables}</Variables>");
        if (code is not null) text.Append($"<Code>{X(code)}</Code>");
        text.Append($"<ReportSections><ReportSection><Body><ReportItems>{body}</ReportItems><Height>10cm</Height></Body><Width>20cm</Width><Page>");
        if (header is not null)
            text.Append($"<PageHeader><Height>1cm</Height><PrintOnFirstPage>true</PrintOnFirstPage><PrintOnLastPage>true</PrintOnLastPage><ReportItems>{header}</ReportItems></PageHeader>");
        text.Append("<PageHeight>29.7cm</PageHeight><PageWidth>21cm</PageWidth></Page></ReportSection></ReportSections><Language>en-US</Language></Report>");
        return text.ToString();
    }

    public static string Variable(string name, string value) => $"<Variable Name=\"{name}\"><Value>{X(value)}</Value></Variable>";
}
