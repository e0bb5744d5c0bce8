using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Catalog;

/// <summary>A report ready to render: its RDL bytes, model and the warnings found when it was read and compiled.</summary>
public sealed record CatalogEntry(string Name, string FileName, byte[] Bytes, ReportDefinition Definition, ImmutableArray<RdlDiagnostic> Diagnostics, DateTimeOffset LoadedAt)
{
    /// <summary>The report's path in the catalog database; null for a file the command line renders.</summary>
    public string? CatalogPath { get; init; }
}

/// <summary>A report read and compiled (<see cref="Entry"/>), or the diagnostics that say why it was refused.</summary>
public sealed record CatalogResult(bool Success, CatalogEntry? Entry, ImmutableArray<RdlDiagnostic> Diagnostics);
