using System.Collections.Immutable;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Rendering;

public enum RenderFailure
{
    None,
    NotFound,
    BadRequest,
    ReportError,
    SandboxFailure,
    Timeout,

    /// <summary>Refused by admission control (every slot busy and the queue full, or the wait too long).</summary>
    Busy,
}

/// <summary>The outcome of one render: the document, or why there is none.</summary>
public sealed record RenderResult(RenderFailure Failure, byte[] Content, string ContentType, int PageCount, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public bool Success => Failure == RenderFailure.None;

    public long PeakMemoryBytes { get; init; }

    /// <summary>Where the time went and how many rows the render read (for the execution log).</summary>
    public RenderTimings Timings { get; init; } = RenderTimings.None;

    /// <summary>For <see cref="RenderFailure.Busy"/>: seconds the client should wait before trying again.</summary>
    public int RetryAfterSeconds { get; init; }

    public static RenderResult Failed(RenderFailure failure, ImmutableArray<RdlDiagnostic> diagnostics) =>
        new(failure, [], string.Empty, 0, diagnostics);

    public string Describe() => string.Join(Environment.NewLine, Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
}

/// <summary>
/// A render's time split as SSRS's ExecutionLog3 does, in milliseconds. <see cref="Total"/> is the host's wall time for
/// the whole render. <see cref="DataRetrieval"/> is measured on the host (running queries, reading rows) and
/// <see cref="Rendering"/> in the sandbox (pagination and writing). <see cref="Processing"/> is the rest: preparing the
/// render, taking or starting a sandbox, and processing in it; <see cref="SandboxProcessing"/> is the part the sandbox
/// itself measured (reading the RDL to the processed report, its waits for data included).
/// </summary>
public sealed record RenderTimings(long Total, long DataRetrieval, long Processing, long Rendering, long RowCount, long SandboxProcessing)
{
    public static RenderTimings None { get; } = new(0, 0, 0, 0, 0, 0);

    public static RenderTimings From(TimeSpan total, TimeSpan data, long sandboxProcessing, long rendering, long rowCount)
    {
        var totalMs = (long)total.TotalMilliseconds;
        var dataMs = Math.Min((long)data.TotalMilliseconds, totalMs);
        rendering = Math.Min(rendering, totalMs - dataMs);
        return new RenderTimings(totalMs, dataMs, totalMs - dataMs - rendering, rendering, rowCount, sandboxProcessing);
    }
}
