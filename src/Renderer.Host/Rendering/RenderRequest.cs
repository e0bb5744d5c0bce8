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

    /// <summary>For <see cref="RenderFailure.Busy"/>: seconds the client should wait before trying again.</summary>
    public int RetryAfterSeconds { get; init; }

    public static RenderResult Failed(RenderFailure failure, ImmutableArray<RdlDiagnostic> diagnostics) =>
        new(failure, [], string.Empty, 0, diagnostics);

    public string Describe() => string.Join(Environment.NewLine, Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
}
