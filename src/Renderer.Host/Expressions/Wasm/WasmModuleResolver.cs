using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Host.Expressions.Wasm;

/// <summary>
/// Resolves a report's &lt;CodeModule&gt; entries. <c>wasm:name</c> or <c>name.wasm</c> is read from the allow-listed
/// folder only, as <c>{folder}/{name}.wasm</c>, and only when name is a plain identifier: separators, <c>..</c>, a
/// missing file or a symbolic link are EXP3200 errors at the CodeModule element. Any other entry is a .NET assembly
/// reference, which is never loaded (EXP3202 warning).
/// </summary>
public sealed partial class WasmModuleResolver
{
    public const string ReferenceError = DiagnosticCodes.Expressions.WasmReferenceError;
    public const string AssemblyIgnored = DiagnosticCodes.Expressions.AssemblyIgnored;
    private const string Prefix = "wasm:";
    private const string Extension = ".wasm";

    private readonly string? _folder;
    private readonly long _maxBytes;

    public WasmModuleResolver(string? folder, WasmLimits limits, long maxModuleBytes = 4L * 1024 * 1024)
    {
        _folder = string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder);
        Limits = limits;
        _maxBytes = maxModuleBytes;
    }

    /// <summary>No modules folder: every WebAssembly reference is refused.</summary>
    public static WasmModuleResolver Disabled { get; } = new(null, WasmLimits.Default);

    public WasmLimits Limits { get; }

    public string? Folder => _folder;

    public static WasmModuleResolver FromOptions(WasmModuleOptions options, Func<string, string> resolvePath) =>
        new(string.IsNullOrWhiteSpace(options.Folder) ? null : resolvePath(options.Folder),
            new WasmLimits(options.FuelPerCall, options.MemoryLimitMegabytes * 1024L * 1024L),
            options.MaxModuleKilobytes * 1024L);

    public WasmModuleSet Resolve(ReportDefinition report, string fileName)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.CodeModules.IsDefaultOrEmpty) return WasmModuleSet.Empty with { Limits = Limits };
        var modules = ImmutableArray.CreateBuilder<ResolvedWasmModule>();
        var diagnostics = ImmutableArray.CreateBuilder<RdlDiagnostic>();
        foreach (var reference in report.CodeModules)
        {
            var location = reference.Location.IsKnown ? reference.Location : new SourceLocation(fileName, 0, 0);
            if (!IsWasmReference(reference.Name, out var name))
            {
                diagnostics.Add(RdlDiagnostic.Warning(AssemblyIgnored,
                    $"CodeModule '{reference.Name}' is a .NET assembly and is not loaded: this server runs only WebAssembly code modules (wasm:name).",
                    location, "CodeModules", reference.Name));
                continue;
            }
            if (Load(reference.Name, name, out var problem) is { } bytes)
            {
                if (modules.Any(m => string.Equals(m.Image.Name, name, StringComparison.OrdinalIgnoreCase)))
                    diagnostics.Add(Error($"CodeModule '{reference.Name}' is listed twice.", location, reference.Name));
                else
                    modules.Add(new ResolvedWasmModule(reference, new WasmModuleImage(name, bytes)));
            }
            else
            {
                diagnostics.Add(Error(problem!, location, reference.Name));
            }
        }
        return new WasmModuleSet(modules.ToImmutable(), diagnostics.ToImmutable(), Limits);
    }

    private static bool IsWasmReference(string text, out string name)
    {
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) name = text[Prefix.Length..].Trim();
        else if (text.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)) name = text[..^Extension.Length].Trim();
        else
        {
            name = string.Empty;
            return false;
        }
        if (name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)) name = name[..^Extension.Length];
        return true;
    }

    private byte[]? Load(string text, string name, out string? problem)
    {
        problem = null;
        if (!PlainName().IsMatch(name))
        {
            problem = $"CodeModule '{text}' is refused: a module is named by a plain name (letters, digits, '_'; no folders, '/', '\\' or '..'), for example wasm:textutil.";
            return null;
        }
        if (_folder is null)
        {
            problem = $"CodeModule '{text}' is refused: WebAssembly modules are switched off on this server (Renderer:WasmModules:Folder is empty).";
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(_folder, name + Extension));
        var inside = Path.GetDirectoryName(path) is { } parent && string.Equals(parent, _folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        var file = new FileInfo(path);
        if (!inside || !file.Exists || file.LinkTarget is not null)
        {
            problem = $"CodeModule '{text}' was not found: there is no module '{name}{Extension}' in the server's modules folder.";
            return null;
        }
        if (file.Length > _maxBytes)
        {
            problem = $"CodeModule '{text}' is refused: the module is {file.Length / 1024} KB, more than the {_maxBytes / 1024} KB allowed.";
            return null;
        }
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"CodeModule '{text}' could not be read: {ex.Message}";
            return null;
        }
    }

    private static RdlDiagnostic Error(string message, SourceLocation location, string text) =>
        RdlDiagnostic.Error(ReferenceError, message, location, "CodeModules", text);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex PlainName();
}
