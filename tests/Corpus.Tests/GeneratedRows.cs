using System.Globalization;
using Rdl.Model.Definitions.Data;
using Renderer.Sandbox.Data;

namespace Corpus.Tests;

/// <summary>
/// Deterministic stand-in rows for a dataset whose data is not available: one column per query field (its DataField),
/// typed from rd:TypeName when the RDL gives one; otherwise strings, numeric-looking when the field name suggests a
/// number (Amount, Qty, Price, Total, Count, ID, ...) and date-looking when it suggests a date. Values repeat so groups form;
/// the first ID field is unique and a parent/manager field points at earlier rows, so recursive hierarchies are trees.
/// </summary>
internal static class GeneratedRows
{
    public const int RowCount = 20;

    private static readonly string[] NumericHints =
    [
        "amount", "amt", "qty", "quantity", "price", "total", "count", "sales", "cost", "sum", "number", "num", "year",
        "month", "qtr", "quarter", "hours", "percent", "pct", "tax", "due", "weight", "population", "area", "discount",
        "balance", "salary", "rate", "score", "value", "level", "sort", "order", "size", "days", "min", "max", "avg",
        "utilization", "time_ms", "ratio", "version",
    ];

    private static readonly string[] DateHints = ["date", "time", "modified", "created", "day_of", "week_date"];

    private static readonly string[] ParentHints = ["parent", "manager", "reportsto", "boss"];

    public static DataSetRows For(DataSetDefinition dataSet)
    {
        var fields = dataSet.Fields.Where(f => !f.IsCalculated)
            .GroupBy(f => f.DataField ?? f.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToList();
        var columns = fields.Select(f => f.DataField ?? f.Name).ToList();
        var uniqueId = fields.FindIndex(f => IsId(f.Name) && !IsParent(f.Name));
        var rows = new List<object?[]>(RowCount);
        for (var i = 0; i < RowCount; i++)
        {
            var row = new object?[fields.Count];
            for (var f = 0; f < fields.Count; f++) row[f] = Value(fields[f], f, i, f == uniqueId);
            rows.Add(row);
        }
        return new DataSetRows(columns, rows);
    }

    private static object? Value(FieldDefinition field, int fieldIndex, int row, bool unique)
    {
        var cycle = 3 + fieldIndex % 4;
        var k = unique ? row : row % cycle;
        if (IsParent(field.Name)) return ParentOf(field, row);
        switch (NormalizeType(field.TypeName))
        {
            case "int32" or "int16" or "byte" or "sbyte" or "uint16" or "uint32" or "int" or "integer": return k + 1;
            case "int64" or "uint64": return (long)(k + 1);
            case "decimal": return 12.5m * (k + 1) + row % 2;
            case "double" or "single" or "float": return 12.5 * (k + 1) + row % 2;
            case "datetime" or "datetimeoffset" or "date": return new DateTime(2024, 1, 1).AddMonths(k).AddDays(row % 3);
            case "boolean": return row % 2 == 0;
            case "guid": return new Guid(row + 1, 0, 0, new byte[8]);
            case "string" or "char": return Text(field.Name, k);
            default: return Untyped(field.Name, k, row);
        }
    }

    /// <summary>No (or an unknown) rd:TypeName: strings shaped by what the field name suggests.</summary>
    private static string Untyped(string name, int k, int row)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Contains("year")) return (2021 + k % 4).ToString(CultureInfo.InvariantCulture);
        if (ContainsAny(lower, DateHints)) return new DateTime(2024, 1, 1).AddMonths(k).AddDays(row % 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (IsId(name) || ContainsAny(lower, NumericHints))
        {
            return lower.Contains("price") || lower.Contains("amount") || lower.Contains("total") || lower.Contains("sales") || lower.Contains("cost")
                ? (12.5m * (k + 1) + row % 2).ToString(CultureInfo.InvariantCulture)
                : (k + 1).ToString(CultureInfo.InvariantCulture);
        }
        return Text(name, k);
    }

    private static string Text(string name, int k) => $"{name} {k + 1}";

    private static object? ParentOf(FieldDefinition field, int row)
    {
        if (row == 0) return null;
        var parent = (row - 1) / 3 + 1;
        return NormalizeType(field.TypeName) switch
        {
            "int64" => (long)parent,
            "string" or "" => parent.ToString(CultureInfo.InvariantCulture),
            _ => parent,
        };
    }

    private static bool IsId(string name) =>
        name.EndsWith("ID", StringComparison.Ordinal) || name.EndsWith("_id", StringComparison.OrdinalIgnoreCase) || name.Equals("id", StringComparison.OrdinalIgnoreCase);

    private static bool IsParent(string name) => IsId(name) && ContainsAny(name.ToLowerInvariant(), ParentHints);

    private static bool ContainsAny(string lower, string[] hints) => hints.Any(lower.Contains);

    internal static string NormalizeType(string? typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName)) return string.Empty;
        var name = typeName.Trim();
        if (name.StartsWith("System.", StringComparison.OrdinalIgnoreCase)) name = name[7..];
        return name.ToLowerInvariant();
    }
}
