namespace Rdl.Model.Reading;

/// <summary>One constant per RDL element (and attribute) name the reader interprets.</summary>
internal static class RdlElementNames
{
    // Report and sections
    public const string Report = "Report";
    public const string ReportSections = "ReportSections";
    public const string ReportSection = "ReportSection";
    public const string Body = "Body";
    public const string Width = "Width";
    public const string Height = "Height";
    public const string Code = "Code";
    public const string Language = "Language";
    public const string ReportItems = "ReportItems";
    public const string Style = "Style";

    // Page
    public const string Page = "Page";
    public const string PageHeader = "PageHeader";
    public const string PageFooter = "PageFooter";
    public const string PageHeight = "PageHeight";
    public const string InteractiveHeight = "InteractiveHeight";
    public const string PageWidth = "PageWidth";
    public const string LeftMargin = "LeftMargin";
    public const string RightMargin = "RightMargin";
    public const string TopMargin = "TopMargin";
    public const string BottomMargin = "BottomMargin";
    public const string Columns = "Columns";
    public const string ColumnSpacing = "ColumnSpacing";
    public const string PrintOnFirstPage = "PrintOnFirstPage";
    public const string PrintOnLastPage = "PrintOnLastPage";

    // Data
    public const string DataSources = "DataSources";
    public const string DataSource = "DataSource";
    public const string ConnectionProperties = "ConnectionProperties";
    public const string DataProvider = "DataProvider";
    public const string ConnectString = "ConnectString";
    public const string DataSourceReference = "DataSourceReference";
    public const string DataSets = "DataSets";
    public const string DataSet = "DataSet";
    public const string SharedDataSet = "SharedDataSet";
    public const string SharedDataSetReference = "SharedDataSetReference";
    public const string Query = "Query";
    public const string DataSourceName = "DataSourceName";
    public const string CommandText = "CommandText";
    public const string CommandType = "CommandType";
    public const string QueryParameters = "QueryParameters";
    public const string QueryParameter = "QueryParameter";
    public const string Fields = "Fields";
    public const string Field = "Field";
    public const string DataField = "DataField";
    public const string TypeName = "TypeName";
    public const string Value = "Value";
    public const string Filters = "Filters";
    public const string Filter = "Filter";
    public const string FilterExpression = "FilterExpression";
    public const string Operator = "Operator";
    public const string FilterValues = "FilterValues";
    public const string FilterValue = "FilterValue";

    // Parameters
    public const string ReportParameters = "ReportParameters";
    public const string ReportParameter = "ReportParameter";
    public const string DataType = "DataType";
    public const string Nullable = "Nullable";
    public const string AllowBlank = "AllowBlank";
    public const string MultiValue = "MultiValue";
    public const string Hidden = "Hidden";
    public const string Prompt = "Prompt";
    public const string DefaultValue = "DefaultValue";
    public const string Values = "Values";
    public const string DataSetReference = "DataSetReference";

    // Report items
    public const string Textbox = "Textbox";
    public const string Rectangle = "Rectangle";
    public const string Line = "Line";
    public const string Tablix = "Tablix";
    public const string Top = "Top";
    public const string Left = "Left";
    public const string ZIndex = "ZIndex";
    public const string Visibility = "Visibility";
    public const string ToggleItem = "ToggleItem";
    public const string CanGrow = "CanGrow";
    public const string CanShrink = "CanShrink";
    public const string Paragraphs = "Paragraphs";
    public const string Paragraph = "Paragraph";
    public const string TextRuns = "TextRuns";
    public const string TextRun = "TextRun";
    public const string PageBreak = "PageBreak";
    public const string BreakLocation = "BreakLocation";
    public const string ResetPageNumber = "ResetPageNumber";
    public const string PageBreakAtStart = "PageBreakAtStart";
    public const string PageBreakAtEnd = "PageBreakAtEnd";

    // Report items not supported yet (skipped with RDL1101)
    public const string Image = "Image";
    public const string Chart = "Chart";
    public const string Subreport = "Subreport";
    public const string Map = "Map";
    public const string GaugePanel = "GaugePanel";
    public const string Gauge = "Gauge";
    public const string CustomReportItem = "CustomReportItem";
    public const string List = "List";
    public const string Table = "Table";
    public const string Matrix = "Matrix";

    // Tablix
    public const string TablixBody = "TablixBody";
    public const string TablixColumns = "TablixColumns";
    public const string TablixColumn = "TablixColumn";
    public const string TablixRows = "TablixRows";
    public const string TablixRow = "TablixRow";
    public const string TablixCells = "TablixCells";
    public const string TablixCell = "TablixCell";
    public const string CellContents = "CellContents";
    public const string ColSpan = "ColSpan";
    public const string RowSpan = "RowSpan";
    public const string TablixRowHierarchy = "TablixRowHierarchy";
    public const string TablixColumnHierarchy = "TablixColumnHierarchy";
    public const string TablixMembers = "TablixMembers";
    public const string TablixMember = "TablixMember";
    public const string TablixHeader = "TablixHeader";
    public const string TablixCorner = "TablixCorner";
    public const string TablixCornerRows = "TablixCornerRows";
    public const string TablixCornerRow = "TablixCornerRow";
    public const string TablixCornerCell = "TablixCornerCell";
    public const string Size = "Size";
    public const string RepeatColumnHeaders = "RepeatColumnHeaders";
    public const string RepeatRowHeaders = "RepeatRowHeaders";
    public const string Group = "Group";
    public const string GroupExpressions = "GroupExpressions";
    public const string GroupExpression = "GroupExpression";
    public const string Parent = "Parent";
    public const string SortExpressions = "SortExpressions";
    public const string SortExpression = "SortExpression";
    public const string Direction = "Direction";
    public const string KeepWithGroup = "KeepWithGroup";
    public const string RepeatOnNewPage = "RepeatOnNewPage";
    public const string FixedData = "FixedData";
    public const string KeepTogether = "KeepTogether";
    public const string DataSetName = "DataSetName";
    public const string NoRowsMessage = "NoRowsMessage";

    // Style borders
    public const string Border = "Border";
    public const string TopBorder = "TopBorder";
    public const string BottomBorder = "BottomBorder";
    public const string LeftBorder = "LeftBorder";
    public const string RightBorder = "RightBorder";
    public const string BorderStyle = "BorderStyle";
    public const string BorderColor = "BorderColor";
    public const string BorderWidth = "BorderWidth";
    public const string Default = "Default";
    public const string Bottom = "Bottom";
    public const string Right = "Right";
    public const string Color = "Color";

    // Attributes
    public const string NameAttribute = "Name";
}
