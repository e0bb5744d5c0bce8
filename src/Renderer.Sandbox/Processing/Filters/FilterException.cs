using Rdl.Model.Diagnostics;

namespace Renderer.Sandbox.Processing.Filters;

/// <summary>A filter could not be applied (unknown operator, wrong value count, values that cannot be compared). Carries a PRC4010 diagnostic naming the filter.</summary>
internal sealed class FilterException(RdlDiagnostic diagnostic) : InvalidOperationException(diagnostic.Message)
{
    public const string Code = DiagnosticCodes.Processing.FilterFailed;

    public RdlDiagnostic Diagnostic { get; } = diagnostic;
}
