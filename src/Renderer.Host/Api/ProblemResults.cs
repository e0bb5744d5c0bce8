using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Api;

/// <summary>ProblemDetails whose "diagnostics" extension lists each diagnostic with its code, location and expression.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult From(int status, string title, ImmutableArray<RdlDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = errors.Count > 0 ? string.Join(Environment.NewLine, errors.Select(e => e.ToString())) : null,
        };
        problem.Extensions["diagnostics"] = diagnostics.Select(ToJson).ToList();
        return TypedResults.Problem(problem);
    }

    public static object ToJson(RdlDiagnostic d) => new
    {
        code = d.Code,
        severity = d.Severity.ToString().ToLowerInvariant(),
        message = d.Message,
        file = d.Location.File,
        line = d.Location.Line,
        column = d.Location.Column,
        objectPath = d.ObjectPath,
        expression = d.Expression,
    };
}
