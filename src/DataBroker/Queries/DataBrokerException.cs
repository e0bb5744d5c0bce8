using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>Thrown while rows are enumerated when the stream cannot continue (row limit, read failure). Carries the diagnostic.</summary>
public sealed class DataBrokerException : Exception
{
    public DataBrokerException(RdlDiagnostic diagnostic)
        : base(diagnostic.Message)
    {
        Diagnostic = diagnostic;
    }

    public RdlDiagnostic Diagnostic { get; }
}
