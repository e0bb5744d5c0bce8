using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Api;

/// <summary>
/// A render that succeeds can still carry warnings (an expression that gave #Error in a cell, a dropped link, an
/// unsupported element), as SSRS shows them beside the report. The file is the response body, so the warnings travel in
/// headers: <c>X-Render-Warnings</c> (the count) and <c>X-Render-Diagnostics</c> (the first warnings as a JSON array of
/// the same objects a failed render returns, ASCII-escaped, at most <see cref="MaxJsonLength"/> characters).
/// </summary>
internal static class RenderWarningHeaders
{
    public const int MaxJsonLength = 6000;

    public static void Add(IHeaderDictionary headers, ImmutableArray<RdlDiagnostic> diagnostics)
    {
        var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        headers["X-Render-Warnings"] = warnings.Count.ToString(CultureInfo.InvariantCulture);
        if (warnings.Count == 0) return;
        // The default encoder escapes every non-ASCII character and control character, so the value is a valid header.
        var json = JsonSerializer.Serialize(warnings.Select(ProblemResults.ToJson).ToList());
        for (int take = warnings.Count - 1; json.Length > MaxJsonLength && take > 0; take = Math.Min(take - 1, take * MaxJsonLength / json.Length))
            json = JsonSerializer.Serialize(warnings.Take(take).Select(ProblemResults.ToJson).ToList());
        if (json.Length <= MaxJsonLength) headers["X-Render-Diagnostics"] = json;
    }
}
