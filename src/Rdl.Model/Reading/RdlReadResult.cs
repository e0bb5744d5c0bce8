using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;

namespace Rdl.Model.Reading;

/// <summary>
/// What <see cref="RdlReader"/> produced: the report (possibly partial when there are errors) and every finding.
/// </summary>
public sealed record RdlReadResult(ReportDefinition? Report, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    /// <summary>True when a report was read and no diagnostic is an error.</summary>
    public bool Success => Report is not null && !Diagnostics.Any(d => d.IsError);
}
