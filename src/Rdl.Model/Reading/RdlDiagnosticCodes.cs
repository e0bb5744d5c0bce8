using Rdl.Model.Diagnostics;

namespace Rdl.Model.Reading;

/// <summary>The codes the reader (RDL1xxx) and the definition validator (RDL2xxx) report.</summary>
public static class RdlDiagnosticCodes
{
    /// <summary>Error: the document is not well-formed XML (also any DTD / DOCTYPE).</summary>
    public const string NotWellFormed = DiagnosticCodes.Rdl.NotWellFormed;

    /// <summary>Error: the root is not an RDL &lt;Report&gt; in a known RDL namespace.</summary>
    public const string UnknownNamespace = DiagnosticCodes.Rdl.UnknownNamespace;

    /// <summary>Error: a size is not a number followed by in, cm, mm, pt or pc.</summary>
    public const string InvalidSize = DiagnosticCodes.Rdl.InvalidSize;

    /// <summary>Error: a boolean, integer or enumeration value is not valid.</summary>
    public const string InvalidValue = DiagnosticCodes.Rdl.InvalidValue;

    /// <summary>Error: a required element or attribute (e.g. Name) is missing.</summary>
    public const string MissingRequired = DiagnosticCodes.Rdl.MissingRequired;

    /// <summary>Error: the document exceeds <see cref="RdlReaderOptions.MaxDocumentBytes"/>, <see cref="RdlReaderOptions.MaxDepth"/> or <see cref="RdlReaderOptions.MaxElements"/>.</summary>
    public const string LimitExceeded = DiagnosticCodes.Rdl.LimitExceeded;

    /// <summary>Warning / info: the document has no RDL namespace or a pre-release one; it is read as the nearest schema.</summary>
    public const string NonStandardNamespace = DiagnosticCodes.Rdl.NonStandardNamespace;

    /// <summary>Warning: an element the reader does not know was ignored.</summary>
    public const string UnknownElement = DiagnosticCodes.Rdl.UnknownElement;

    /// <summary>Warning: a report item type that is not supported yet (Chart, Image, ...) was skipped.</summary>
    public const string UnsupportedItem = DiagnosticCodes.Rdl.UnsupportedItem;

    /// <summary>Warning: a feature that is not supported yet was ignored (e.g. parameter defaults from a dataset).</summary>
    public const string UnsupportedFeature = DiagnosticCodes.Rdl.UnsupportedFeature;

    /// <summary>Warning: a data set has no query; its rows must be supplied by the caller.</summary>
    public const string DataSetWithoutQuery = DiagnosticCodes.Rdl.DataSetWithoutQuery;

    /// <summary>Error: two report items have the same name.</summary>
    public const string DuplicateItemName = DiagnosticCodes.Rdl.DuplicateItemName;

    /// <summary>Error: a Tablix names a data set that is not declared.</summary>
    public const string UndeclaredDataSet = DiagnosticCodes.Rdl.UndeclaredDataSet;

    /// <summary>Error: a query names a data source that is not declared.</summary>
    public const string UndeclaredDataSource = DiagnosticCodes.Rdl.UndeclaredDataSource;

    /// <summary>Error: a TablixRow does not have one TablixCell per column.</summary>
    public const string TablixCellCount = DiagnosticCodes.Rdl.TablixCellCount;

    /// <summary>Error: the leaf members of the row hierarchy do not match the body rows.</summary>
    public const string TablixRowMemberCount = DiagnosticCodes.Rdl.TablixRowMemberCount;

    /// <summary>Error: the leaf members of the column hierarchy do not match the body columns.</summary>
    public const string TablixColumnMemberCount = DiagnosticCodes.Rdl.TablixColumnMemberCount;

    /// <summary>Error: two data sources, data sets or parameters have the same name.</summary>
    public const string DuplicateName = DiagnosticCodes.Rdl.DuplicateName;

    /// <summary>Error: a data region names no dataset while the report declares none or several (and no enclosing region gives it one).</summary>
    public const string DataRegionWithoutDataSet = DiagnosticCodes.Rdl.DataRegionWithoutDataSet;

    /// <summary>Error: page size, margins, columns, header and footer leave the body no positive width or height.</summary>
    public const string NoUsableArea = DiagnosticCodes.Rdl.NoUsableArea;
}
