using Rdl.Model.Definitions.Data;
using Renderer.Sandbox.Data;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// A dataset's rows joined to its field definitions: each field reads a query column (DataField) or is calculated
/// (Value expression, evaluated on demand for the current row).
/// </summary>
internal sealed class DataSetInstance
{
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.OrdinalIgnoreCase);

    public DataSetInstance(DataSetDefinition definition, DataSetRows data)
    {
        Definition = definition;
        Fields = definition.Fields;
        ColumnOfField = new int[Fields.Count];
        SlotOfField = new int[Fields.Count];
        int slots = data.Columns.Count;
        for (int i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            _fieldIndex[field.Name] = i;
            ColumnOfField[i] = field.IsCalculated ? -1 : data.IndexOf(field.DataField ?? field.Name);
            SlotOfField[i] = field.IsCalculated ? slots++ : -1;
        }
        Rows = slots == data.Columns.Count ? data.Rows : WithCalculatedSlots(data.Rows, slots);
        RepeatedStrings.Share(Rows, data.Columns.Count);
    }

    /// <summary>Marks a calculated field's slot whose value has not been evaluated for that row yet.</summary>
    public static readonly object NotComputed = new();

    /// <summary>
    /// Where a calculated field's value is kept in each row once evaluated (after the query's columns), so a field that
    /// detail cells, group totals and the grand total all read is evaluated once per row; -1 for query fields.
    /// </summary>
    public int[] SlotOfField { get; }

    public DataSetDefinition Definition { get; }

    public string Name => Definition.Name;

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Query column index per field; -1 for calculated fields and for fields the query did not return.</summary>
    public int[] ColumnOfField { get; }

    public List<object?[]> Rows { get; }

    private static List<object?[]> WithCalculatedSlots(List<object?[]> rows, int slots)
    {
        var extended = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            var copy = new object?[slots];
            Array.Copy(row, copy, Math.Min(row.Length, slots));
            copy.AsSpan(Math.Min(row.Length, slots)).Fill(NotComputed);
            extended.Add(copy);
        }
        return extended;
    }

    public int FieldIndex(string name) => _fieldIndex.TryGetValue(name, out var i) ? i : -1;
}
