using DataBroker.Queries;
using Rdl.Model.Definitions;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Rendering;

/// <summary>
/// Answers one render's dataset requests from the sandbox with the data broker. The report definition comes from the
/// host's own catalog, never from the sandbox, so the broker checks requests against what the report really declares.
/// </summary>
internal sealed class BrokerDataHandler(IQueryRunner broker, ReportDefinition report) : ISandboxDataHandler
{
    public async Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var result = await broker.ExecuteAsync(report, dataSetName, parameters, cancellationToken);
        if (!result.Success)
        {
            await result.DisposeAsync();
            return SandboxDataResult.Failed(string.Join(" ", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}: {d.Message}")));
        }
        return SandboxDataResult.FromRows(result.Columns, Stream(result, cancellationToken));
    }

    private static async IAsyncEnumerable<object?[]> Stream(DataQueryResult result, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (result)
        {
            await foreach (var row in result.Rows.WithCancellation(cancellationToken))
                yield return row;
        }
    }
}
