using DataBroker.Connectors;

namespace DataBroker.Queries;

/// <summary>
/// The bytes of data one render may receive across all its queries (<see cref="DataBrokerOptions.MaxRenderBytes"/>),
/// charged row by row as the broker reads them. Shared by the render's dataset requests and prefetches; thread-safe.
/// </summary>
public sealed class RenderDataBudget(long maxBytes)
{
    private long _used;

    public long MaxBytes { get; } = maxBytes;

    public long UsedBytes => Interlocked.Read(ref _used);

    /// <summary>Adds <paramref name="bytes"/>; false once the render has received more than <see cref="MaxBytes"/>.</summary>
    public bool TryCharge(long bytes) => Interlocked.Add(ref _used, bytes) <= MaxBytes;

    internal DataLimitException Exceeded(string dataSetName) =>
        new($"the render received more than {DataLimits.Format(MaxBytes)} bytes of data, the limit per render (DataBroker:MaxRenderBytes), while reading dataset '{dataSetName}'");
}
