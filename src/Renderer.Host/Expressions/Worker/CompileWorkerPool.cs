using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Expressions.Worker;

/// <summary>
/// Compiles report code in bounded worker processes (<see cref="CompileWorkerProcess"/>), at most
/// <see cref="CompileWorkerOptions.MaxConcurrent"/> at once. Workers stay warm between compiles; one that passed a limit,
/// failed or grew past half its memory limit is dropped and a fresh one is started in the background.
/// A compile over budget becomes an EXP3200 error naming the limit and the expression or Code line being bound.
/// </summary>
public sealed class CompileWorkerPool : IDisposable
{
    /// <summary>A compile passed a limit of the compile worker (CPU time, memory or wall-clock time).</summary>
    public const string OverBudget = DiagnosticCodes.Expressions.CompileOverBudget;

    /// <summary>The compile worker could not start or ended for another reason.</summary>
    public const string WorkerFailed = DiagnosticCodes.Expressions.CompileWorkerFailed;

    private readonly CompileWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<CompileWorkerProcess> _idle = [];
    private readonly CancellationTokenSource _disposed = new();
    private int _started;

    public CompileWorkerPool(CompileWorkerOptions options, ILogger<CompileWorkerPool>? logger = null)
    {
        if (options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _slots = new SemaphoreSlim(options.MaxConcurrent, options.MaxConcurrent);
    }

    public CompileWorkerOptions Options => _options;

    /// <summary>How many worker processes this pool has started.</summary>
    public int StartedCount => Volatile.Read(ref _started);

    /// <summary>Process ids of the warm workers now waiting for a compile.</summary>
    public IReadOnlyList<int> IdleProcessIds => [.. _idle.Select(w => w.ProcessId)];

    /// <summary>Starts one worker in the background so the first upload finds it warm.</summary>
    public void WarmUp() => _ = Task.Run(async () =>
    {
        try
        {
            if (_idle.IsEmpty) _idle.Add(await StartWorkerAsync().ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "The compile worker could not be started ahead of use");
        }
    });

    /// <summary>Compiles <paramref name="rdl"/> (read as <paramref name="fileName"/>) with its WebAssembly <paramref name="modules"/> in a worker.</summary>
    public async Task<ExpressionCompilation> CompileAsync(byte[] rdl, string fileName, Wasm.WasmModuleSet modules, int expressionCount, CancellationToken cancellationToken = default)
    {
        var request = new CompileRequest(fileName, rdl, [.. modules.Modules.Select(m => (m.Image.Name, m.Image.Bytes))], _options.CpuSeconds);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        CompileWorkerProcess? worker = null;
        try
        {
            CompileOutcome outcome;
            var fromIdle = _idle.TryTake(out worker);
            try
            {
                worker ??= await StartWorkerAsync().ConfigureAwait(false);
                outcome = await worker.CompileAsync(request, cancellationToken).ConfigureAwait(false);
                if (fromIdle && outcome is { Answered: false, ExceededLimit: null })
                {
                    // A warm worker that died while idle (or was killed from outside): once more in a fresh one.
                    worker.Dispose();
                    worker = null;
                    worker = await StartWorkerAsync().ConfigureAwait(false);
                    outcome = await worker.CompileAsync(request, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                _logger.LogError(ex, "The compile worker could not be started");
                return ExpressionCompilation.Failed([RdlDiagnostic.Error(WorkerFailed, $"The report's code could not be compiled: the compile worker did not start ({ex.Message}).", new SourceLocation(fileName, 0, 0))], expressionCount);
            }
            if (outcome.Reply is { } reply)
            {
                if (worker.ResidentBytes < (long)_options.MemoryMegabytes * 1024 * 1024 / 2) _idle.Add(worker);
                else worker.Dispose();
                worker = null;
                return new ExpressionCompilation(reply.Success, [.. modules.Diagnostics, .. reply.Diagnostics], reply.AssemblyImage, reply.ExpressionCount)
                {
                    WasmModules = reply.Success ? modules.Images : [],
                    WasmLimits = modules.Limits,
                };
            }
            var diagnostic = outcome.ExceededLimit is { } limit
                ? Refusal(fileName, limit, outcome.Site)
                : RdlDiagnostic.Error(WorkerFailed, $"The report's code could not be compiled: {outcome.Failure}", new SourceLocation(fileName, 0, 0));
            _logger.LogWarning("Compiling {File} was stopped: {Diagnostic}", fileName, diagnostic);
            return ExpressionCompilation.Failed([diagnostic], expressionCount);
        }
        finally
        {
            if (worker is not null)
            {
                worker.Dispose();
                if (!_disposed.IsCancellationRequested) WarmUp();
            }
            _slots.Release();
        }
    }

    /// <summary>Whether <paramref name="compilation"/> was refused for passing a limit (and so is worth remembering).</summary>
    public static bool IsOverBudget(ExpressionCompilation compilation) => compilation.Diagnostics.Any(d => d.Code == OverBudget);

    private static RdlDiagnostic Refusal(string fileName, string limit, RdlDiagnostic? site)
    {
        var report = Path.GetFileNameWithoutExtension(fileName);
        if (site is null || site.Code == ExpressionCompiler.EmitStep)
        {
            var phase = site is null ? "compiling its code" : "emitting the assembly of its expressions";
            return RdlDiagnostic.Error(OverBudget, $"Report '{report}' is refused: {phase} passed the compile worker's {limit}.", new SourceLocation(fileName, 0, 0));
        }
        var what = site.ObjectPath == "Code" ? "this line of the Code block" : "this expression";
        return RdlDiagnostic.Error(OverBudget, $"Report '{report}' is refused: compiling {what} passed the compile worker's {limit}.",
            site.Location, site.ObjectPath, site.Expression);
    }

    private async Task<CompileWorkerProcess> StartWorkerAsync()
    {
        var worker = await CompileWorkerProcess.StartAsync(_options, _disposed.Token).ConfigureAwait(false);
        Interlocked.Increment(ref _started);
        return worker;
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested) return;
        _disposed.Cancel();
        while (_idle.TryTake(out var worker)) worker.Dispose();
        _disposed.Dispose();
    }
}
