using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Catalog;

/// <summary>A report known to the server: its RDL bytes, model and the warnings found when it was loaded.</summary>
public sealed record CatalogEntry(string Name, string FileName, byte[] Bytes, ReportDefinition Definition, ImmutableArray<RdlDiagnostic> Diagnostics, DateTimeOffset LoadedAt)
{
    /// <summary>Deployed by the administrator in the samples folder: no upload replaces it.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The report's path in the catalog database (api/v2.0); null for the flat report list and the command line.</summary>
    public string? CatalogPath { get; init; }
}
