using System.Diagnostics;
using System.Diagnostics.Metrics;
using Renderer.Host.Rendering;

namespace Renderer.Host.Infrastructure.Telemetry;

/// <summary>
/// The server's own metrics and traces (meter and activity source <c>Renderer</c>): renders by format and status,
/// their stage durations, rows and bytes, compile times, sandbox kills, subscription deliveries by outcome, and the sandbox pool's ready count. Exported
/// with OpenTelemetry (see <see cref="TelemetryExtensions"/>); readable in process by any <see cref="MeterListener"/>.
/// </summary>
public sealed class RendererMetrics : IDisposable
{
    public const string Name = "Renderer";

    public static readonly ActivitySource Activities = new(Name);

    private readonly Meter _meter = new(Name);
    private readonly Counter<long> _renders;
    private readonly Histogram<double> _renderDuration;
    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _rows;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _sandboxKills;
    private readonly Histogram<double> _compileDuration;
    private readonly Counter<long> _deliveries;

    public RendererMetrics(IServiceProvider services)
    {
        _renders = _meter.CreateCounter<long>("renderer.renders", "{render}", "Renders by format and status (Success or the first error code).");
        _renderDuration = _meter.CreateHistogram<double>("renderer.render.duration", "s", "Wall time of a render on the host.");
        _stageDuration = _meter.CreateHistogram<double>("renderer.render.stage.duration", "s", "Time of a render's stages: data retrieval, processing, rendering.");
        _rows = _meter.CreateCounter<long>("renderer.render.rows", "{row}", "Rows read by renders.");
        _bytes = _meter.CreateCounter<long>("renderer.render.bytes", "By", "Bytes of render output.");
        _sandboxKills = _meter.CreateCounter<long>("renderer.sandbox.kills", "{process}", "Sandboxes ended by the host: time limit, crash, or a failed render.");
        _compileDuration = _meter.CreateHistogram<double>("renderer.compile.duration", "s", "Time to compile a report's expressions.");
        _deliveries = _meter.CreateCounter<long>("renderer.subscription.deliveries", "{delivery}", "Subscription delivery attempts by kind (email, fileshare) and outcome: sent, retried (a transient failure that will be tried again) or failed (given up: visible in history and the audit log).");
        _meter.CreateObservableGauge("renderer.sandbox.pool.ready", () => services.GetService<Sandboxing.SandboxPool>()?.ReadyCount ?? 0, "{process}", "Pre-started sandboxes waiting for a render.");
    }

    public void RecordRender(string format, string status, RenderTimings timings, long bytes)
    {
        var tags = new TagList { { "format", format }, { "status", status } };
        _renders.Add(1, tags);
        _renderDuration.Record(timings.Total / 1000.0, tags);
        _stageDuration.Record(timings.DataRetrieval / 1000.0, new TagList { { "format", format }, { "stage", "data_retrieval" } });
        _stageDuration.Record(timings.Processing / 1000.0, new TagList { { "format", format }, { "stage", "processing" } });
        _stageDuration.Record(timings.Rendering / 1000.0, new TagList { { "format", format }, { "stage", "rendering" } });
        _rows.Add(timings.RowCount, new TagList { { "format", format } });
        _bytes.Add(bytes, new TagList { { "format", format } });
    }

    public void RecordSandboxKill(string reason) => _sandboxKills.Add(1, new TagList { { "reason", reason } });

    public void RecordCompile(TimeSpan duration, bool success) => _compileDuration.Record(duration.TotalSeconds, new TagList { { "success", success } });

    /// <summary>Counts one delivery attempt of kind <paramref name="kind"/> ending <paramref name="outcome"/> (sent, retried, failed).</summary>
    public void RecordDelivery(string kind, string outcome) => _deliveries.Add(1, new TagList { { "kind", kind }, { "outcome", outcome } });

    public void Dispose() => _meter.Dispose();
}
