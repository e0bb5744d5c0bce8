namespace Renderer.Sandbox.Processing;

/// <summary>Orders sort keys as SSRS does: nulls first, numbers by value, strings by the current culture.</summary>
internal sealed class SortComparer(bool[] descending) : IComparer<object?[]>
{
    public int Compare(object?[]? x, object?[]? y)
    {
        if (x is null || y is null) return 0;
        for (int i = 0; i < descending.Length; i++)
        {
            int c = CompareValues(x[i], y[i]);
            if (c != 0) return descending[i] ? -c : c;
        }
        return 0;
    }

    private static int CompareValues(object? a, object? b)
    {
        if (a is null or DBNull) return b is null or DBNull ? 0 : -1;
        if (b is null or DBNull) return 1;
        return AggregateCalculator.Compare(a, b);
    }
}
