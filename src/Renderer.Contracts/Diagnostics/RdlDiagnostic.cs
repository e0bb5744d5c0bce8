namespace Rdl.Model.Diagnostics;

/// <summary>
/// One finding about a report: a stable code (RDL1xxx read, RDL2xxx validate, EXP3xxx compile,
/// PRC4xxx process, LAY5xxx layout, DAT6xxx data, SBX7xxx sandbox), a message, where it is in the RDL,
/// and, when it concerns an expression, the object path (e.g. <c>Tablix 'Sales' / Textbox 'Total'</c>) and the expression text.
/// </summary>
public sealed record RdlDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    SourceLocation Location,
    string? ObjectPath = null,
    string? Expression = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static RdlDiagnostic Error(string code, string message, SourceLocation location, string? objectPath = null, string? expression = null)
        => new(code, DiagnosticSeverity.Error, message, location, objectPath, expression);

    public static RdlDiagnostic Warning(string code, string message, SourceLocation location, string? objectPath = null, string? expression = null)
        => new(code, DiagnosticSeverity.Warning, message, location, objectPath, expression);

    /// <summary>Formats as compilers do: <c>Sales.rdl(12,5): error RDL1001: message [object] [expression]</c>.</summary>
    public override string ToString()
    {
        var where = Location.IsKnown ? Location + ": " : (Location.File.Length > 0 ? Location.File + ": " : string.Empty);
        var severity = Severity.ToString().ToLowerInvariant();
        var text = $"{where}{severity} {Code}: {Message}";
        if (ObjectPath is not null) text += $" (in {ObjectPath})";
        if (Expression is not null) text += $" Expression: {Expression}";
        return text;
    }
}
