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
}

/// <summary>User!UserID, User!Language.</summary>
public sealed class UserCollection(Func<IExpressionContext> context)
{
    public object? this[string name] => context().GetUser(name);
}
