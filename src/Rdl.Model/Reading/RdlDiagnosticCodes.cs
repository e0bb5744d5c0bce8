namespace Rdl.Model.Reading;

/// <summary>The codes the reader (RDL1xxx) and the definition validator (RDL2xxx) report.</summary>
public static class RdlDiagnosticCodes
{
    /// <summary>Error: the document is not well-formed XML (also any DTD / DOCTYPE).</summary>
    public const string NotWellFormed = "RDL1001";

    /// <summary>Error: the root is not an RDL &lt;Report&gt; in a known RDL namespace.</summary>
    public const string UnknownNamespace = "RDL1002";

    /// <summary>Error: a size is not a number followed by in, cm, mm, pt or pc.</summary>
    public const string InvalidSize = "RDL1003";

    /// <summary>Error: a boolean, integer or enumeration value is not valid.</summary>
    public const string InvalidValue = "RDL1004";

    /// <summary>Error: a required element or attribute (e.g. Name) is missing.</summary>
    public const string MissingRequired = "RDL1005";

    /// <summary>Error: the document exceeds <see cref="RdlReaderOptions.MaxDocumentBytes"/>, <see cref="RdlReaderOptions.MaxDepth"/> or <see cref="RdlReaderOptions.MaxElements"/>.</summary>
    public const string LimitExceeded = "RDL1006";

    /// <summary>Warning / info: the document has no RDL namespace or a pre-release one; it is read as the nearest schema.</summary>
    public const string NonStandardNamespace = "RDL1007";

    /// <summary>Warning: an element the reader does not know was ignored.</summary>
    public const string UnknownElement = "RDL1100";

    /// <summary>Warning: a report item type that is not supported yet (Chart, Image, ...) was skipped.</summary>
    public const string UnsupportedItem = "RDL1101";

    /// <summary>Warning: a feature that is not supported yet was ignored (e.g. parameter defaults from a dataset).</summary>
    public const string UnsupportedFeature = "RDL1102";

    /// <summary>Warning: a data set has no query; its rows must be supplied by the caller.</summary>
    public const string DataSetWithoutQuery = "RDL1103";

    /// <summary>Error: two report items have the same name.</summary>
    public const string DuplicateItemName = "RDL2001";

    /// <summary>Error: a Tablix names a data set that is not declared.</summary>
    public const string UndeclaredDataSet = "RDL2002";

    /// <summary>Error: a query names a data source that is not declared.</summary>
    public const string UndeclaredDataSource = "RDL2003";

    /// <summary>Error: a TablixRow does not have one TablixCell per column.</summary>
    public const string TablixCellCount = "RDL2004";

    /// <summary>Error: the leaf members of the row hierarchy do not match the body rows.</summary>
    public const string TablixRowMemberCount = "RDL2005";

    /// <summary>Error: the leaf members of the column hierarchy do not match the body columns.</summary>
    public const string TablixColumnMemberCount = "RDL2006";

    /// <summary>Error: two data sources, data sets or parameters have the same name.</summary>
    public const string DuplicateName = "RDL2007";

    /// <summary>Error: a data region names no dataset while the report declares none or several (and no enclosing region gives it one).</summary>
    public const string DataRegionWithoutDataSet = "RDL2008";

    /// <summary>Error: page size, margins, columns, header and footer leave the body no positive width or height.</summary>
    public const string NoUsableArea = "RDL2009";
}
