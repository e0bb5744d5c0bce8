namespace Renderer.Sandbox.Runtime;

/// <summary>Parameters!Name as expressions see it: .Value, .Label, .Count, .IsMultiValue, and (i) for multi-value.</summary>
public sealed class ReportParameter(object?[] values, string?[] labels, bool isMultiValue)
{
    public object? Value => isMultiValue ? values : values.Length > 0 ? values[0] : null;

    public object? Label => isMultiValue ? labels : labels.Length > 0 ? labels[0] : null;

    public int Count => values.Length;

    public bool IsMultiValue => isMultiValue;

    public object? this[int index] => values[index];
}
