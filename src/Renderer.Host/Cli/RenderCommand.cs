using Renderer.Host.Catalog;
using Renderer.Host.Rendering;

namespace Renderer.Host.Cli;

/// <summary>
/// <c>render &lt;file.rdl&gt; --format pdf|xlsx|csv|docx --out &lt;file&gt; [--param Name=Value]...</c>: renders through the same
/// compiler, sandbox and broker as the HTTP API. Exit code 0 on success, 1 on a render error, 2 on bad usage.
/// </summary>
public static class RenderCommand
{
    public static bool IsRender(string[] args) => args.Length > 0 && args[0] == "render";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        string? file = null, outPath = null, format = "pdf";
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
        outPath ??= Path.ChangeExtension(Path.GetFileName(file), format);

        var catalog = services.GetRequiredService<ReportCatalog>();
        var added = catalog.Add(Path.GetFileName(file), await File.ReadAllBytesAsync(file), persist: false);
        // The render's diagnostics repeat the warnings of reading and compiling the report: print each one once.
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in added.Diagnostics)
        {
            if (printed.Add(d.ToString())) await error.WriteLineAsync(d.ToString());
        }
        if (!added.Success) return 1;

        var renderer = services.GetRequiredService<RenderService>();
        var result = await renderer.RenderAsync(added.Entry!, format, parameters, Environment.UserName, CancellationToken.None);
        foreach (var d in result.Diagnostics)
        {
            if (printed.Add(d.ToString())) await error.WriteLineAsync(d.ToString());
        }
        if (!result.Success) return 1;
        await File.WriteAllBytesAsync(outPath, result.Content);
        await output.WriteLineAsync($"Wrote {outPath}: {result.PageCount} page(s), {result.Content.Length:N0} bytes.");
        return 0;
    }

    private const string Usage = "Usage: render <report.rdl> [--format pdf|xlsx|csv|docx] [--out <file>] [--param Name=Value]...";
}
