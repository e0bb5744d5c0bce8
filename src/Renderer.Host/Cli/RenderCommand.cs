using Renderer.Host.Catalog;
using Renderer.Host.Rendering;
using Renderer.Contracts.Formats;

namespace Renderer.Host.Cli;

/// <summary>
/// <c>render &lt;file.rdl&gt; --format pdf|xlsx|csv|docx|html --out &lt;file&gt; [--param Name=Value]...</c>: renders through the same
/// compiler, sandbox and broker as the HTTP API. Exit code 0 on success, 1 on a render error, 2 on bad usage.
/// </summary>
public static class RenderCommand
{
    public static bool IsRender(string[] args) => args.Length > 0 && args[0] == "render";

    /// <param name="showProgress">Print the pages done of a long render to <paramref name="error"/> (when it is a terminal).</param>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, bool showProgress = false)
    {
        string? file = null, outPath = null, format = OutputFormats.Default.Name;
        var parameters = new List<KeyValuePair<string, string?[]>>();
        for (int i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--format": format = Next().ToLowerInvariant(); break;
                    case "--out": outPath = Next(); break;
                    case "--param":
                        var pair = Next();
                        int eq = pair.IndexOf('=');
                        if (eq <= 0) throw new ArgumentException($"--param expects Name=Value, got '{pair}'.");
                        parameters.Add(new(pair[..eq], [pair[(eq + 1)..]]));
                        break;
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null) throw new ArgumentException($"Unknown argument '{args[i]}'.");
                        file = args[i];
                        break;
                }
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync(ex.Message);
                await error.WriteLineAsync(Usage);
                return 2;
            }
        }
        if (file is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"{file}: file not found.");
            return 2;
        }
        outPath ??= Path.ChangeExtension(Path.GetFileName(file), OutputFormats.Find(format)?.Extension ?? format);

        // The render's sandbox (after the probe of which isolation layers work here) starts now and boots and warms up
        // for the format while the report is read and compiled, instead of after.
        if (OutputFormats.Find(format) is not null) services.GetRequiredService<Sandboxing.SandboxLauncher>().StartAhead(format);

        // Only this file (and the subreports beside it) is read and compiled: the catalog is never loaded.
        var reports = new CatalogReports(queries: null, services.GetRequiredService<Expressions.CompilationCache>());
        var added = await reports.ValidateAsync(await File.ReadAllBytesAsync(file), Path.GetFileName(file));
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in added.Diagnostics) if (printed.Add(d.ToString())) await error.WriteLineAsync(d.ToString());
        if (!added.Success) return 1;

        var renderer = services.GetRequiredService<RenderService>();
        var progress = showProgress ? new ProgressLine(error, $"Rendering {Path.GetFileName(file)} to {format.ToUpperInvariant()}") : null;
        var subreports = new FolderSubreports(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var result = await renderer.RenderAsync(added.Entry!, format, parameters, Environment.UserName, serverUrl: null, subreports, CancellationToken.None, progress);
        progress?.Finish();
        // The render repeats the compile warnings already printed: each diagnostic is printed once.
        foreach (var d in result.Diagnostics) if (printed.Add(d.ToString())) await error.WriteLineAsync(d.ToString());
        if (!result.Success) return 1;
        await File.WriteAllBytesAsync(outPath, result.Content);
        await output.WriteLineAsync($"Wrote {outPath}: {result.PageCount} page(s), {result.Content.Length:N0} bytes.");
        return 0;
    }

    /// <summary>One terminal line, rewritten in place: "Rendering Sales.rdl to PDF: page 120 of 400".</summary>
    private sealed class ProgressLine(TextWriter error, string prefix) : IProgress<PageProgress>
    {
        private readonly Lock _lock = new();
        private bool _shown;

        public void Report(PageProgress value)
        {
            lock (_lock)
            {
                error.Write(FormattableString.Invariant($"\r{prefix}: page {value.PagesDone:N0} of {value.PageCount:N0}\u001b[K"));
                error.Flush();
                _shown = true;
            }
        }

        public void Finish()
        {
            lock (_lock)
            {
                if (_shown) error.WriteLine();
            }
        }
    }

    public static readonly string Usage = $"""
        Usage: render <report.rdl> [--format {string.Join("|", OutputFormats.Names)}] [--out <file>] [--param Name=Value]...

        Renders one RDL file through the same compiler, sandbox and data broker as the server, without loading the
        catalog. Subreports are read from .rdl/.rdlc files beside the report. Data sources are those registered under
        DataBroker:DataSources. Exit code 0 on success, 1 on a report error, 2 on bad usage.
        """;
}
