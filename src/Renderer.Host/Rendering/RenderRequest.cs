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
}

/// <summary>The outcome of one render: the document, or why there is none.</summary>
public sealed record RenderResult(RenderFailure Failure, byte[] Content, string ContentType, int PageCount, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public bool Success => Failure == RenderFailure.None;

    public long PeakMemoryBytes { get; init; }

    public static RenderResult Failed(RenderFailure failure, ImmutableArray<RdlDiagnostic> diagnostics) =>
        new(failure, [], string.Empty, 0, diagnostics);

    public string Describe() => string.Join(Environment.NewLine, Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
}
