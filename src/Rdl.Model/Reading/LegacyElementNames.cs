namespace Rdl.Model.Reading;

/// <summary>Element names of the RDL 2003/2005 data regions (Table, List, Matrix) that the legacy readers interpret.</summary>
internal static class LegacyElementNames
{
    // Shared
    public const string Grouping = "Grouping";
    public const string Sorting = "Sorting";
    public const string NoRows = "NoRows";
    public const string ReportItems = "ReportItems";
    public const string Visibility = "Visibility";

    // Table
    public const string TableColumns = "TableColumns";
    public const string TableColumn = "TableColumn";
    public const string Header = "Header";
    public const string Footer = "Footer";
    public const string TableGroups = "TableGroups";
    public const string TableGroup = "TableGroup";
    public const string Details = "Details";
    public const string TableRows = "TableRows";
    public const string TableRow = "TableRow";
    public const string TableCells = "TableCells";
    public const string TableCell = "TableCell";
    public const string ColSpan = "ColSpan";
    public const string RepeatOnNewPage = "RepeatOnNewPage";

    // Matrix
    public const string Corner = "Corner";
    public const string ColumnGroupings = "ColumnGroupings";
    public const string ColumnGrouping = "ColumnGrouping";
    public const string RowGroupings = "RowGroupings";
    public const string RowGrouping = "RowGrouping";
    public const string DynamicColumns = "DynamicColumns";
    public const string DynamicRows = "DynamicRows";
    public const string StaticColumns = "StaticColumns";
    public const string StaticColumn = "StaticColumn";
    public const string StaticRows = "StaticRows";
    public const string StaticRow = "StaticRow";
    public const string Subtotal = "Subtotal";
    public const string Position = "Position";
    public const string MatrixColumns = "MatrixColumns";
    public const string MatrixColumn = "MatrixColumn";
    public const string MatrixRows = "MatrixRows";
    public const string MatrixRow = "MatrixRow";
    public const string MatrixCells = "MatrixCells";
    public const string MatrixCell = "MatrixCell";
    public const string LayoutDirection = "LayoutDirection";

    /// <summary>Data-region properties with no counterpart in the model (rendering hints, XML export names).</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
    {
        "FillPage", "FixedHeader", "DetailDataElementName", "DetailDataCollectionName", "DetailDataElementOutput",
        "DataInstanceName", "DataInstanceElementOutput", "DataCollectionName", "CellDataElementName",
        "CellDataElementOutput", "GroupsBeforeRowHeaders", "LayoutDirection", "Label", "UserSort",
    };
}
