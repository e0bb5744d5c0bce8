using System.Reflection;

namespace Renderer.Sandbox.Processing.Scopes;

/// <summary>
/// Lookup/LookupSet/MultiLookup tables: for each (dataset, destination expression) the destination rows by key, built
/// once per render. Keys compare as SSRS does for equal types; numbers compare by value whatever their CLR type.
/// Nothing never matches.
/// </summary>
internal sealed class LookupIndex
{
    private readonly Dictionary<(DataSetInstance, MethodInfo), Dictionary<object, List<object?[]>>> _tables = [];

    public Dictionary<object, List<object?[]>> Table(DataSetInstance dataSet, Func<object?> destination, Func<object?[], object?> evaluate)
    {
        var key = (dataSet, destination.Method);
        if (_tables.TryGetValue(key, out var table)) return table;
        table = [];
        foreach (var row in dataSet.Rows)
        {
            if (Key(evaluate(row)) is not { } k) continue;
            if (!table.TryGetValue(k, out var rows)) table[k] = rows = [];
            rows.Add(row);
        }
        _tables[key] = table;
        return table;
    }

    /// <summary>The comparable form of a lookup value; null for Nothing.</summary>
    public static object? Key(object? value) => value switch
    {
        null or DBNull => null,
        double d => double.IsNaN(d) ? value : ToDecimalOrDouble(d),
        float f => ToDecimalOrDouble(f),
        decimal m => m,
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToDecimal(value),
        _ => value,
    };

    private static object ToDecimalOrDouble(double d) =>
        d is > (double)decimal.MinValue and < (double)decimal.MaxValue ? (decimal)d : d;
}
