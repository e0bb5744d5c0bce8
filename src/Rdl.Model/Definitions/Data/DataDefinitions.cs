using System.Collections.Immutable;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Data;

/// <summary>
/// A data source as the RDL declares it. An RDL may name a shared data source (<see cref="DataSourceReference"/>)
/// or embed a provider and connection string; the broker decides what it will actually connect to.
/// </summary>
public sealed record DataSourceDefinition(string Name, string? DataProvider, string? ConnectString, string? DataSourceReference, SourceLocation Location);

public sealed record QueryParameterDefinition(string Name, ExpressionText Value, SourceLocation Location);

public sealed record QueryDefinition(string DataSourceName, string CommandText, string? CommandType, ImmutableArray<QueryParameterDefinition> Parameters, SourceLocation Location);

/// <summary>A field read from the query (<see cref="DataField"/>) or calculated (<see cref="Value"/>).</summary>
public sealed record FieldDefinition(string Name, string? DataField, ExpressionText? Value, string? TypeName, SourceLocation Location)
{
    public bool IsCalculated => Value is not null;
}

public sealed record DataSetDefinition(string Name, QueryDefinition Query, ImmutableArray<FieldDefinition> Fields, SourceLocation Location)
{
    public ImmutableArray<FilterDefinition> Filters { get; init; } = [];

    /// <summary>The shared data set this data set refers to (RDL 2010+ &lt;SharedDataSet&gt;); its <see cref="Query"/> is then empty.</summary>
    public string? SharedDataSetReference { get; init; }

    /// <summary>
    /// Rows the report carries itself in fyiReporting's dialect: the outer XML of a &lt;Rows&gt; element under the DataSet
    /// (<c>&lt;Rows&gt;&lt;Row&gt;&lt;Field&gt;value&lt;/Field&gt;...&lt;/Row&gt;&lt;/Rows&gt;</c>, or <c>&lt;Rows File="x.xml"/&gt;</c>). Null when absent.
    /// </summary>
    public string? InlineRows { get; init; }
}

/// <summary>A parameter's default or valid values read from a dataset: <c>&lt;DataSetReference&gt;</c> with DataSetName, ValueField and LabelField.</summary>
public sealed record DataSetReferenceDefinition(string DataSetName, string ValueField, string? LabelField, SourceLocation Location);

/// <summary>One static valid value of a parameter (&lt;ParameterValue&gt; with Value and optional Label).</summary>
public sealed record ParameterValueDefinition(ExpressionText? Value, ExpressionText? Label);

public enum ReportParameterType
{
    String,
    Boolean,
    DateTime,
    Integer,
    Float,
}

public sealed record ReportParameterDefinition(string Name, ReportParameterType DataType, SourceLocation Location)
{
    public bool Nullable { get; init; }

    public bool AllowBlank { get; init; }

    public bool MultiValue { get; init; }

    public bool Hidden { get; init; }

    public string? Prompt { get; init; }

    /// <summary>Default values (constants or expressions); empty when the parameter has no default.</summary>
    public ImmutableArray<ExpressionText> DefaultValues { get; init; } = [];

    /// <summary>Default values read from a dataset (first row's value, or every row's for a multi-value parameter); null when none.</summary>
    public DataSetReferenceDefinition? DefaultDataSet { get; init; }

    /// <summary>Static valid values (&lt;ValidValues&gt;&lt;ParameterValues&gt;); empty when none are listed.</summary>
    public ImmutableArray<ParameterValueDefinition> ValidValues { get; init; } = [];

    /// <summary>Valid values (and their labels) read from a dataset; null when none.</summary>
    public DataSetReferenceDefinition? ValidValuesDataSet { get; init; }

    /// <summary>True when the parameter restricts its values (static list or dataset).</summary>
    public bool HasValidValues => !ValidValues.IsDefaultOrEmpty || ValidValuesDataSet is not null;
}
