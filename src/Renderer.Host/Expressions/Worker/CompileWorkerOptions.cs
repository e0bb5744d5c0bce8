namespace Renderer.Host.Expressions.Worker;

/// <summary>
/// Bounds of the compile worker, the child process that compiles report code (section <c>CompileWorker</c>). A compile
/// that passes one of them kills the worker (a fresh one replaces it) and refuses the report with EXP3200.
/// </summary>
public sealed class CompileWorkerOptions
{
    public const string SectionName = "CompileWorker";

    /// <summary>CPU time one compile may use, in seconds (watched by the host; RLIMIT_CPU one second later as a backstop).</summary>
    public int CpuSeconds { get; set; } = 20;

    /// <summary>Wall-clock time one compile may take, in seconds, waiting for a free CPU included.</summary>
    public int WallSeconds { get; set; } = 60;

    /// <summary>The worker's resident memory limit in MiB (watched from /proc); its GC heap hard limit is three quarters of it.</summary>
    public int MemoryMegabytes { get; set; } = 1024;

    /// <summary>How many compiles run at once (one worker each); more wait their turn.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>How long a worker may take to start and warm up, in seconds.</summary>
    public int StartSeconds { get; set; } = 120;

    /// <summary>The dotnet muxer to start the worker with; found next to the running runtime when unset.</summary>
    public string? DotnetPath { get; set; }

    /// <summary>Null when the options are usable; otherwise what is wrong.</summary>
    public string? Validate() =>
        CpuSeconds <= 0 ? "CompileWorker:CpuSeconds must be positive."
        : WallSeconds <= 0 ? "CompileWorker:WallSeconds must be positive."
        : MemoryMegabytes < 128 ? "CompileWorker:MemoryMegabytes must be at least 128."
        : MaxConcurrent is < 1 or > 64 ? "CompileWorker:MaxConcurrent must be between 1 and 64."
        : StartSeconds <= 0 ? "CompileWorker:StartSeconds must be positive."
        : null;
}

/// <summary>Stops start-up on a <c>CompileWorker</c> setting that cannot work, naming it (<see cref="CompileWorkerOptions.Validate"/>).</summary>
internal sealed class CompileWorkerOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<CompileWorkerOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, CompileWorkerOptions options) =>
        options.Validate() is { } problem ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problem) : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
