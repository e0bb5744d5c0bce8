using System.Collections.Immutable;
using Rdl.Model.Diagnostics;

namespace Renderer.Sandbox;

/// <summary>Everything the sandbox needs for one render; it carries no connection string or credential.</summary>
public sealed record RenderInput(
    string ReportName,
    string FileName,
    byte[] RdlBytes,
    byte[] AssemblyImage,
    string Format,
    IReadOnlyDictionary<string, object?[]> Parameters,
    DateTime ExecutionTime,
    string UserId);

public sealed record RenderOutput(byte[] Content, string ContentType, int PageCount, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    /// <summary>Peak resident memory of the sandbox process in bytes (VmHWM), when known.</summary>
    public long PeakMemoryBytes { get; init; }
}
