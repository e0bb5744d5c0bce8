using Rdl.Model.Definitions.Items;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Remembers, on an exception that leaves processing, what was being processed when it was thrown: the expression being
/// evaluated and the report item being processed (the innermost of each, marked from exception filters as the exception
/// passes, so nothing is caught or rethrown). <see cref="Diagnostic"/> turns it into a PRC4090 error that names the
/// expression (its line, object path and text) or else the item, instead of one without a location.
/// </summary>
internal static class ProcessingErrorSite
{
    private const string ExpressionKey = "Rdl.Expression";
    private const string ItemKey = "Rdl.Item";

    /// <summary>For an exception filter: records <paramref name="expression"/> unless an inner one was; always false.</summary>
    public static bool Mark(Exception exception, ExpressionText expression)
    {
        if (!exception.Data.Contains(ExpressionKey)) exception.Data[ExpressionKey] = expression;
        return false;
    }

    /// <summary>For an exception filter: records <paramref name="item"/> unless an inner one was; always false.</summary>
    public static bool Mark(Exception exception, ReportItem item)
    {
        if (!exception.Data.Contains(ItemKey)) exception.Data[ItemKey] = item;
        return false;
    }

    public static RdlDiagnostic Diagnostic(string code, string message, Exception exception, string fileName)
    {
        if (exception.Data[ExpressionKey] is ExpressionText expression && expression.Location.IsKnown)
            return RdlDiagnostic.Error(code, message, expression.Location, expression.Site, expression.Raw);
        if (exception.Data[ItemKey] is ReportItem item)
            return RdlDiagnostic.Error(code, message, item.Location, item.Describe(), (exception.Data[ExpressionKey] as ExpressionText)?.Raw);
        if (exception.Data[ExpressionKey] is ExpressionText unlocated)
            return RdlDiagnostic.Error(code, message, new SourceLocation(fileName, 0, 0), unlocated.Site, unlocated.Raw);
        return RdlDiagnostic.Error(code, message, new SourceLocation(fileName, 0, 0));
    }
}
