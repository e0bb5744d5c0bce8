using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Renderer.Sandbox.Runtime;

namespace Renderer.Host.Expressions;

/// <summary>
/// The assemblies generated expression code compiles against: a fixed set of the running framework's assemblies
/// (found through TRUSTED_PLATFORM_ASSEMBLIES) plus Renderer.Runtime (the expression host, its collections and the
/// WebAssembly bridge), never the sandbox engine: report code cannot name a processing, layout or writer type.
/// Built once per process.
/// </summary>
internal static class CompilationReferences
{
    private static readonly string[] FrameworkAssemblies =
    [
        "System.Private.CoreLib",
        "System.Runtime",
        "netstandard",
        "Microsoft.VisualBasic.Core",
        "Microsoft.VisualBasic",
        "System.Linq",
        "System.Collections",
        "System.Runtime.Extensions",
        "System.Globalization",
        "System.Text.RegularExpressions",
        "System.Runtime.InteropServices",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> All => References.Value;

    private static ImmutableArray<MetadataReference> Build()
    {
        var trusted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            trusted.TryAdd(Path.GetFileNameWithoutExtension(path), path);

        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var name in FrameworkAssemblies)
        {
            var path = trusted.TryGetValue(name, out var p) ? p : Path.Combine(frameworkFolder, name + ".dll");
            if (File.Exists(path)) references.Add(MetadataReference.CreateFromFile(path));
        }

        var runtime = typeof(ReportExpressionHost).Assembly.Location;
        if (runtime.Length == 0 || !File.Exists(runtime))
            throw new InvalidOperationException("The report runtime assembly (Renderer.Runtime) has no file on disk; expressions cannot be compiled against it.");
        references.Add(MetadataReference.CreateFromFile(runtime));
        return references.ToImmutable();
    }
}
