using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Rendering;
using Renderer.Sandbox;

namespace Corpus.Tests;

/// <summary>
/// Resolves a corpus report's subreports as files beside it ("{ReportName}.rdl" in the same folder), the way the host
/// resolves them in its catalog (<see cref="SubreportResolver"/>), and compiles them. A subreport that is missing, recursive
/// or does not compile is left out: the render shows "Error: Subreport could not be shown." in its place.
/// </summary>
internal static class CorpusSubreports
{
    public static IReadOnlyList<SubreportImage> Beside(string rdlPath, ReportDefinition report, CorpusDataProvider provider, List<RdlDiagnostic> diagnostics)
    {
        var folder = Path.GetDirectoryName(rdlPath)!;
        var resolution = SubreportResolver.Resolve(Path.GetFileNameWithoutExtension(rdlPath), report, name =>
        {
            var path = Path.Combine(folder, name + ".rdl");
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            var read = RdlReader.Read(bytes, Path.GetFileName(path));
            return read.Success && read.Report is not null ? new ResolvedSubreport(name, Path.GetFileName(path), bytes, read.Report) : null;
        });
        diagnostics.AddRange(resolution.Diagnostics.Select(d => d.IsError ? d with { Severity = DiagnosticSeverity.Warning } : d));
        var images = new List<SubreportImage>();
        foreach (var subreport in resolution.Subreports)
        {
            var compiled = ExpressionCompiler.Compile(subreport.Definition, subreport.FileName);
            if (!compiled.Success) continue;
            images.Add(new SubreportImage(subreport.Name, subreport.FileName, subreport.Bytes, compiled.AssemblyImage));
            provider.Subreports[subreport.Name] = new CorpusDataProvider(subreport.Definition, new EmbeddedRows(subreport.Bytes, Path.Combine(folder, subreport.FileName)));
        }
        return images;
    }
}
