namespace Renderer.Sandbox.Runtime;

/// <summary>Fields!Name.Value: VB's <c>!</c> calls the default property with the name as a string.</summary>
public sealed class FieldsCollection(Func<IExpressionContext> context)
{
    public Field this[string name] => new(context(), name);
}

public sealed class Field(IExpressionContext context, string name)
{
    public object? Value => context.GetFieldValue(name);

    public bool IsMissing => context.IsFieldMissing(name);
}

public sealed class ParametersCollection(Func<IExpressionContext> context)
{
    public ReportParameter this[string name] => context().GetParameter(name);
}

/// <summary>Globals!PageNumber, Globals!TotalPages, Globals!ExecutionTime, Globals!ReportName, ...</summary>
public sealed class GlobalsCollection(Func<IExpressionContext> context)
{
    public object? this[string name] => context().GetGlobal(name);

    // Globals.PageNumber (member access) works as well as Globals!PageNumber, as in SSRS.
    public object? PageNumber => this[nameof(PageNumber)];

    public object? TotalPages => this[nameof(TotalPages)];

    public object? OverallPageNumber => this[nameof(OverallPageNumber)];

    public object? OverallTotalPages => this[nameof(OverallTotalPages)];

    public object? PageName => this[nameof(PageName)];

    public object? ExecutionTime => this[nameof(ExecutionTime)];

    public object? ReportName => this[nameof(ReportName)];

    public object? ReportFolder => this[nameof(ReportFolder)];

    public object? ReportServerUrl => this[nameof(ReportServerUrl)];

    public object? RenderFormat => this[nameof(RenderFormat)];
}

/// <summary>User!UserID, User!Language.</summary>
public sealed class UserCollection(Func<IExpressionContext> context)
{
    public object? this[string name] => context().GetUser(name);

    public object? UserID => this[nameof(UserID)];

    public object? Language => this[nameof(Language)];
}

/// <summary>Variables!Name.Value.</summary>
public sealed class VariablesCollection(Func<IExpressionContext> context)
{
    public ValueHolder this[string name] => new(() => context().GetVariable(name));
}

/// <summary>ReportItems!TextboxName.Value.</summary>
public sealed class ReportItemsCollection(Func<IExpressionContext> context)
{
    public ValueHolder this[string name] => new(() => context().GetReportItemValue(name));
}

/// <summary>DataSets!Name.CommandText.</summary>
public sealed class DataSetsCollection(Func<IExpressionContext> context)
{
    public DataSetInfo this[string name] => context().GetDataSet(name);
}

/// <summary>An item of Variables or ReportItems: <c>.Value</c> is computed when read.</summary>
public sealed class ValueHolder(Func<object?> value)
{
    public object? Value => value();

    public override string? ToString() => Value?.ToString();
}

/// <summary>DataSets!Name as expressions see it.</summary>
public sealed class DataSetInfo(string commandText)
{
    public string CommandText { get; } = commandText;

    /// <summary>The command text after parameter rewriting; parameters are bound, never spliced, so it equals <see cref="CommandText"/>.</summary>
    public string RewrittenCommandText => CommandText;
}
