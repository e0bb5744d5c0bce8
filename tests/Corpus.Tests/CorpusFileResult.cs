using Rdl.Model.Diagnostics;

namespace Corpus.Tests;

/// <summary>What happened to one corpus file at each stage: read, compile, render.</summary>
internal sealed record CorpusFileResult(string File, string NamespaceYear)
{
    public int ParseErrors { get; init; }

    public bool Parsed { get; init; }

    public int? CompileErrors { get; init; }

    public bool Compiled => CompileErrors == 0;

    public bool Rendered { get; init; }

    public int Pages { get; init; }

    /// <summary>Why the render did not produce a PDF ("timeout", the first error code, ...); null when it did or was not tried.</summary>
    public string? RenderFailure { get; init; }

    public int Warnings { get; init; }

    public string? FirstError { get; init; }

    /// <summary>Code of the first error (RDL1xxx, EXP3xxx, PRC4xxx, ...), for grouping failures by cause.</summary>
    public string? FirstErrorCode { get; init; }

    /// <summary>"inline", "generated", "inline+generated" or "-" (no dataset was asked for).</summary>
    public string Data { get; init; } = "-";

    public IReadOnlyList<RdlDiagnostic> Diagnostics { get; init; } = [];
}
