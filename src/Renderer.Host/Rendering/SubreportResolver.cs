using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Renderer.Host.Rendering;

/// <summary>A report a Subreport item names, as found (in the catalog, or beside an RDL file).</summary>
public sealed record ResolvedSubreport(string Name, string FileName, byte[] Bytes, ReportDefinition Definition);

/// <summary>The subreports a render needs (each once, however often it is used) and what went wrong finding them.</summary>
public sealed record SubreportResolution(ImmutableArray<ResolvedSubreport> Subreports, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public bool Success => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Finds, transitively, the reports a report's Subreport items name (<see cref="SubreportNames.Normalize"/>: the catalog is
/// one folder, so a name relative to the parent's folder is its last path segment).
/// <list type="bullet">
/// <item>SUB7101 (warning): a subreport is not found; the render goes on and shows "Error: Subreport could not be shown.".</item>
/// <item>SUB7102 (error): a subreport contains itself (A -> B -> A); the render is refused.</item>
/// <item>SUB7103 (error): subreports nest deeper than <see cref="MaxDepth"/>; the render is refused.</item>
/// </list>
/// Each diagnostic points at the parent's Subreport element (file, line, column).
/// </summary>
public static class SubreportResolver
{
    public const int MaxDepth = 8;
    public const string NotFound = DiagnosticCodes.Sandbox.SubreportNotFound;
    public const string Recursive = DiagnosticCodes.Sandbox.SubreportRecursive;
    public const string TooDeep = DiagnosticCodes.Sandbox.SubreportTooDeep;

    public static SubreportResolution Resolve(string reportName, ReportDefinition report, Func<string, ResolvedSubreport?> lookup)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lookup);
        var walk = new Walk(lookup);
        walk.Visit(report, [SubreportNames.Normalize(reportName)]);
        return new SubreportResolution([.. walk.Found.Values], [.. walk.Diagnostics.Distinct()]);
    }

    /// <summary>Every Subreport item of a report: body, page header/footer, rectangles and tablix cells, headers and corners.</summary>
    public static IEnumerable<SubreportItem> SubreportsIn(ReportDefinition report) => ReportScopes.ItemsOf<SubreportItem>(report);

    private sealed class Walk(Func<string, ResolvedSubreport?> lookup)
    {
        private readonly Dictionary<string, ResolvedSubreport?> _looked = new(StringComparer.OrdinalIgnoreCase);

        // Reports fully explored and the path length they were reached at: exploring again from as deep or shallower finds nothing new.
        private readonly Dictionary<string, int> _explored = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, ResolvedSubreport> Found { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<RdlDiagnostic> Diagnostics { get; } = [];

        public void Visit(ReportDefinition report, ImmutableArray<string> path)
        {
            foreach (var item in SubreportsIn(report))
            {
                var name = SubreportNames.Normalize(item.ReportName);
                var where = $"{item.Describe()} of report '{path[^1]}'";
                if (path.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    Diagnostics.Add(RdlDiagnostic.Error(Recursive,
                        $"{where} names report '{item.ReportName}', which contains it: {string.Join(" -> ", path.Add(name))}. Recursive subreports are not allowed.",
                        item.Location, item.Describe()));
                    continue;
                }
                if (path.Length > MaxDepth)
                {
                    Diagnostics.Add(RdlDiagnostic.Error(TooDeep,
                        $"{where} names report '{item.ReportName}' at nesting level {path.Length}: subreports may nest at most {MaxDepth} levels ({string.Join(" -> ", path.Add(name))}).",
                        item.Location, item.Describe()));
                    continue;
                }
                if (!_looked.TryGetValue(name, out var found)) _looked[name] = found = lookup(name);
                if (found is null)
                {
                    Diagnostics.Add(RdlDiagnostic.Warning(NotFound,
                        $"{where} names report '{item.ReportName}', which is not in the catalog; it shows \"Error: Subreport could not be shown.\".",
                        item.Location, item.Describe()));
                    continue;
                }
                Found.TryAdd(name, found);
                if (_explored.TryGetValue(name, out var depth) && depth >= path.Length) continue;
                Visit(found.Definition, path.Add(name));
                _explored[name] = path.Length;
            }
        }
    }
}
