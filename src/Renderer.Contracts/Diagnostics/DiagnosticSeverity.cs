namespace Rdl.Model.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
