using DataBroker.Connectors;
using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>
/// What the broker checks on every row before it leaves the trusted side: each value and the row within
/// <see cref="DataLimits"/> (connectors already refuse larger ones as they read; rows built in memory are checked
/// here), the render's <see cref="RenderDataBudget"/>, and no text value holding a fragment of the data source's
/// connection string (DAT6013, which does not echo the fragment).
/// </summary>
internal sealed class RowCheck(
    string dataSetName, IReadOnlyList<string> columns, DataLimits limits, RenderDataBudget budget, SecretScrubber scrubber, SourceLocation location)
{
    /// <summary>Null when the row may be sent; otherwise the diagnostic that stops the stream.</summary>
    public RdlDiagnostic? Check(object?[] row)
    {
        long rowBytes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            var value = row[i];
            var size = DataLimits.SizeOf(value);
            if (size > limits.MaxValueBytes) return DataDiagnostics.TooLarge(dataSetName, limits.ValueTooLarge(Field(i), size).Message, location);
            rowBytes += size;
            if (rowBytes > limits.MaxRowBytes) return DataDiagnostics.TooLarge(dataSetName, limits.RowTooLarge(Field(i)).Message, location);
            if (value is string text && scrubber.ContainsSecret(text)) return DataDiagnostics.SecretInValue(dataSetName, Field(i), location);
        }

        return budget.TryCharge(rowBytes) ? null : DataDiagnostics.TooLarge(dataSetName, budget.Exceeded(dataSetName).Message, location);
    }

    private string Field(int index) => index < columns.Count ? columns[index] : $"#{index + 1}";
}
