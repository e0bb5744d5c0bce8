using System.Collections.Immutable;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;

namespace Rdl.Model.Definitions;

/// <summary>The whole report. RDL 2005/2008 files (Body and Page directly under Report) become one section.</summary>
public sealed record ReportDefinition(
    string Name,
    ImmutableArray<DataSourceDefinition> DataSources,
    ImmutableArray<DataSetDefinition> DataSets,
    ImmutableArray<ReportParameterDefinition> Parameters,
    ImmutableArray<ReportSection> Sections)
{
    /// <summary>
    /// The RDL namespace year: 2003, 2005, 2008, 2010 or 2016 (pre-release 2007/2009 namespaces read as 2008/2010,
    /// a document without namespace as 2005).
    /// </summary>
    public int SchemaYear { get; init; }

    /// <summary>The &lt;Code&gt; block (VB), if any, and where it starts.</summary>
    public string? Code { get; init; }

    public SourceLocation CodeLocation { get; init; }

    public string? Language { get; init; }

    /// <summary>InitialPageName: the name of the first page, and of pages no PageName applies to.</summary>
    public Expressions.ExpressionText? InitialPageName { get; init; }

    /// <summary>Report variables (<c>Variables!X.Value</c>), evaluated once, when first used.</summary>
    public ImmutableArray<VariableDefinition> Variables { get; init; } = [];

    /// <summary>The report's &lt;EmbeddedImages&gt;, decoded.</summary>
    public ImmutableArray<EmbeddedImage> EmbeddedImages { get; init; } = [];

    /// <summary>The report's &lt;CodeModules&gt; entries; the host loads only WebAssembly modules from its modules folder.</summary>
    public ImmutableArray<CodeModuleReference> CodeModules { get; init; } = [];

    /// <summary>ReportParametersLayout: the grid the parameter prompt places the parameters in; null when the report has none.</summary>
    public ParameterLayout? ParameterLayout { get; init; }

    public EmbeddedImage? FindEmbeddedImage(string name) =>
        EmbeddedImages.IsDefault ? null : EmbeddedImages.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    public DataSetDefinition? FindDataSet(string name) =>
        DataSets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public ReportParameterDefinition? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

public sealed record ReportSection(Body Body, PageDefinition Page, ReportSize Width);

public sealed record Body(ImmutableArray<ReportItem> Items, ReportSize Height, StyleDefinition Style);

/// <summary>Page header or footer.</summary>
public sealed record PageSection(ReportSize Height, bool PrintOnFirstPage, bool PrintOnLastPage, ImmutableArray<ReportItem> Items, StyleDefinition Style);

public sealed record PageDefinition(
    ReportSize PageWidth,
    ReportSize PageHeight,
    ReportSize LeftMargin,
    ReportSize RightMargin,
    ReportSize TopMargin,
    ReportSize BottomMargin,
    PageSection? Header,
    PageSection? Footer,
    StyleDefinition Style)
{
    public int Columns { get; init; } = 1;

    /// <summary>
    /// The page height of interactive formats (HTML): soft page breaks fall every InteractiveHeight rather than every
    /// PageHeight; zero means explicit page breaks only. Null when the RDL omits it (then PageHeight applies).
    /// </summary>
    public ReportSize? InteractiveHeight { get; init; }

    /// <summary>Space between body columns; RDL's default is 0.5in.</summary>
    public ReportSize ColumnSpacing { get; init; } = new(36);

    /// <summary>
    /// The values of page settings the RDL omits: US Letter portrait (8.5in x 11in) and, as MS-RDL defines for an omitted
    /// LeftMargin, RightMargin, TopMargin or BottomMargin, margins of 0.
    /// </summary>
    public static PageDefinition Default { get; } = new(
        new ReportSize(612), new ReportSize(792), ReportSize.Zero, ReportSize.Zero, ReportSize.Zero, ReportSize.Zero, null, null, StyleDefinition.Empty);
}
