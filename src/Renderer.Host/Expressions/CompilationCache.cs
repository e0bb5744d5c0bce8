using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.VisualBasic;
using Rdl.Model.Definitions;
using Rdl.Model.Expressions;
using Renderer.Host.Expressions.Wasm;
using Renderer.Sandbox.Runtime;

namespace Renderer.Host.Expressions;

/// <summary>
/// Compiles a report's expressions once: a bounded in-memory cache (<see cref="CompilationCacheOptions"/>: count, bytes
/// and idle age, least recently used out first) in front of a bounded on-disk folder of assembly images (<c>{key}.dll</c>,
/// <see cref="ExpressionDiskCache"/>: total bytes and idle age, least recently used out first). The
/// key is the report version: the SHA-256 of the RDL bytes plus everything that changes the generated assembly
/// (WebAssembly modules, generator version, framework, Roslyn version, report runtime build), so a new version of a
/// report is compiled anew and an unchanged one never is (unless the disk cache deleted it). Files are written atomically
/// (temp file + move); failed compilations are never cached, except a refusal for passing the compile worker's limits,
/// kept as <c>{key}.refused</c> so a cold cache does not compile such a report again on every start. With a
/// <see cref="Worker.CompileWorkerPool"/> (as the host runs) every compile happens in a bounded worker process;
/// without one (unit tests) in this process. Thread-safe.
/// </summary>
public sealed class CompilationCache
{
    /// <summary>The default folder, relative to the working directory; the host passes DataFolder/cache/expressions.</summary>
    public static readonly string DefaultFolder = Path.Combine("data", "cache", "expressions");

    private static readonly Lazy<byte[]> EnvironmentKey = new(BuildEnvironmentKey);

    private readonly CompiledAssemblyCache _memory;
    private readonly ExpressionDiskCache _disk;
    private readonly ConcurrentDictionary<string, Lazy<Task<ExpressionCompilation>>> _pending = new(StringComparer.Ordinal);
    private readonly Worker.CompileWorkerPool? _workers;
    private int _compileCount;
    private int _diskLoadCount;

    public CompilationCache(
        string? folder = null,
        WasmModuleResolver? wasmModules = null,
        Worker.CompileWorkerPool? workers = null,
        CompilationCacheOptions? options = null,
        TimeProvider? time = null)
    {
        _workers = workers;
        options ??= new CompilationCacheOptions();
        _memory = new CompiledAssemblyCache(options, time);
        Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder);
        _disk = new ExpressionDiskCache(Folder, options, time);
        WasmModules = wasmModules ?? WasmModuleResolver.Disabled;
    }

    /// <summary>Where reports' WebAssembly code modules come from; their bytes are part of the cache key.</summary>
    public WasmModuleResolver WasmModules { get; }

    /// <summary>Where the assembly images are kept.</summary>
    public string Folder { get; }

    /// <summary>How many times this instance ran the compiler.</summary>
    public int CompileCount => Volatile.Read(ref _compileCount);

    /// <summary>How many times this instance loaded an image from disk instead of compiling.</summary>
    public int DiskLoadCount => Volatile.Read(ref _diskLoadCount);

    /// <summary>Compiled reports held in memory now.</summary>
    public int MemoryCount => _memory.Count;

    /// <summary>Bytes of assembly images (and WebAssembly modules) held in memory now.</summary>
    public long MemoryBytes => _memory.Bytes;

    /// <summary>Entries dropped from memory (bounds or age) since start.</summary>
    public long Evictions => _memory.Evictions;

    /// <summary>Files deleted from the disk cache (size or age) since start.</summary>
    public long DiskEvictions => _disk.Evictions;

    /// <summary>The cache keys held in memory, most recently used first.</summary>
    public IReadOnlyList<string> MemoryKeys => _memory.Keys;

    /// <summary>Returns the cached compilation of <paramref name="rdlBytes"/> or compiles <paramref name="report"/> (read from those bytes).</summary>
    public ExpressionCompilation GetOrCompile(byte[] rdlBytes, ReportDefinition report, string fileName) =>
        GetOrCompileAsync(rdlBytes, report, fileName).GetAwaiter().GetResult();

    /// <inheritdoc cref="GetOrCompile"/>
    public async Task<ExpressionCompilation> GetOrCompileAsync(byte[] rdlBytes, ReportDefinition report, string fileName)
    {
        ArgumentNullException.ThrowIfNull(rdlBytes);
        ArgumentNullException.ThrowIfNull(report);
        var modules = WasmModules.Resolve(report, fileName);
        if (modules.HasErrors) return ExpressionCompilation.Failed(modules.Diagnostics, ExpressionCollector.Collect(report).Length);
        var key = ComputeKey(rdlBytes, modules);
        if (_memory.TryGet(key, out var cached, out var diskTouchDue))
        {
            if (diskTouchDue) _disk.MarkUsed(key);
            return cached;
        }
        // Concurrent requests for one key share one load or compile while it runs.
        var entry = _pending.GetOrAdd(key, k => new Lazy<Task<ExpressionCompilation>>(() => LoadOrCompileAsync(k, rdlBytes, report, fileName, modules), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var result = await entry.Value.ConfigureAwait(false);
            // Diagnostics name the file they were compiled for, so a failure is recomputed next time.
            if (result.Success) _memory.Add(key, result);
            return result;
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Lazy<Task<ExpressionCompilation>>>(key, entry));
        }
    }

    /// <summary>The cache key (lower-case hex SHA-256) for <paramref name="rdlBytes"/> in this process's environment.</summary>
    public static string ComputeKey(byte[] rdlBytes) => ComputeKey(rdlBytes, WasmModuleSet.Empty);

    /// <summary>The cache key of <paramref name="rdlBytes"/> with its WebAssembly <paramref name="modules"/> (names and bytes).</summary>
    public static string ComputeKey(byte[] rdlBytes, WasmModuleSet modules)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(rdlBytes);
        hash.AppendData(EnvironmentKey.Value);
        foreach (var module in modules.Modules)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\nwasm:" + module.Image.Name + "\n"));
            hash.AppendData(SHA256.HashData(module.Image.Bytes));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task<ExpressionCompilation> LoadOrCompileAsync(string key, byte[] rdlBytes, ReportDefinition report, string fileName, WasmModuleSet modules)
    {
        if (_disk.TryReadImage(key) is { } image)
        {
            Interlocked.Increment(ref _diskLoadCount);
            return new ExpressionCompilation(true, modules.Diagnostics, image, ExpressionCollector.Collect(report).Length)
            {
                WasmModules = modules.Images,
                WasmLimits = modules.Limits,
            };
        }

        if (_disk.TryReadRefusal(key, fileName) is { } refusal)
            return ExpressionCompilation.Failed([refusal], ExpressionCollector.Collect(report).Length);

        Interlocked.Increment(ref _compileCount);
        // The isolation tests switch the guard off to reach the OS layers; the worker (a separate process) cannot see that switch.
        var compilation = _workers is null || Guard.ExpressionGuard.IsSuspendedForTests
            ? ExpressionCompiler.Compile(report, fileName, modules)
            : await _workers.CompileAsync(rdlBytes, fileName, modules, ExpressionCollector.Collect(report).Length).ConfigureAwait(false);
        if (compilation.Success) _disk.Write(key, ExpressionDiskCache.ImageExtension, compilation.AssemblyImage);
        else if (Worker.CompileWorkerPool.IsOverBudget(compilation)) _disk.Write(key, ExpressionDiskCache.RefusalExtension, EncodeRefusal(compilation));
        return compilation;
    }

    private static byte[] EncodeRefusal(ExpressionCompilation compilation)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            Worker.CompileWorkerCodec.WriteDiagnostic(writer, compilation.Diagnostics.First(d => d.Code == Worker.CompileWorkerPool.OverBudget));
        return stream.ToArray();
    }

    private static byte[] BuildEnvironmentKey()
    {
        var roslyn = typeof(VisualBasicCompilation).Assembly;
        var roslynVersion = roslyn.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? roslyn.GetName().Version?.ToString() ?? "?";
        var runtime = typeof(ReportExpressionHost).Assembly.ManifestModule.ModuleVersionId;
        // The model assembly decides which expressions exist and in which order (ExpressionCollector): the sandbox binds
        // compiled methods by that index, so a cached assembly from another model build must not be reused.
        var model = typeof(Rdl.Model.Expressions.ExpressionCollector).Assembly.ManifestModule.ModuleVersionId;
        var text = string.Join('\n', ExpressionCompiler.GeneratorVersion, RuntimeInformation.FrameworkDescription, roslynVersion, runtime.ToString("N"), model.ToString("N"));
        return Encoding.UTF8.GetBytes("\n" + text);
    }
}
