using Renderer.Sandbox.Data;
using Renderer.Sandbox.Protocol;

namespace Renderer.Sandbox.Processing.Subreports;

/// <summary>
/// The data provider of one subreport: every request goes to the render's provider under the subreport's qualified
/// name (<see cref="SubreportDataSetName"/>), so the host checks it against the subreport's own definition.
/// </summary>
internal sealed class SubreportDataSetProvider : IDataSetProvider
{
    private readonly IDataSetProvider _root;
    private readonly string _subreport;

    private SubreportDataSetProvider(IDataSetProvider root, string subreport)
    {
        _root = root;
        _subreport = subreport;
    }

    /// <summary>The provider for <paramref name="subreport"/>; nested subreports still ask the render's own provider.</summary>
    public static IDataSetProvider For(IDataSetProvider provider, string subreport) =>
        new SubreportDataSetProvider(provider is SubreportDataSetProvider nested ? nested._root : provider, subreport);

    public async Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await _root.GetDataSetAsync(SubreportDataSetName.Format(_subreport, dataSetName), parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (DataSetRequestException ex)
        {
            throw new DataSetRequestException(dataSetName, ex.Message);
        }
    }
}
