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
        Rows = data.Rows;
        Fields = definition.Fields;
        ColumnOfField = new int[Fields.Count];
        for (int i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            _fieldIndex[field.Name] = i;
            ColumnOfField[i] = field.IsCalculated ? -1 : data.IndexOf(field.DataField ?? field.Name);
        }
    }

    public DataSetDefinition Definition { get; }

    public string Name => Definition.Name;

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Query column index per field; -1 for calculated fields and for fields the query did not return.</summary>
    public int[] ColumnOfField { get; }

    public List<object?[]> Rows { get; }

    public int FieldIndex(string name) => _fieldIndex.TryGetValue(name, out var i) ? i : -1;
}
