using Microsoft.Extensions.Options;

namespace Renderer.Host.Sandboxing;

/// <summary>Stops start-up (server and commands) on a <c>Sandbox</c> setting that cannot work, naming it.</summary>
public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        if (options.TimeoutSeconds <= 0) failures.Add($"Sandbox:TimeoutSeconds is {options.TimeoutSeconds}; it must be positive.");
        if (options.MemoryLimitMegabytes < 0) failures.Add($"Sandbox:MemoryLimitMegabytes is {options.MemoryLimitMegabytes}; use 0 (no limit) or a positive number.");
        if (options.CpuSeconds < 0) failures.Add($"Sandbox:CpuSeconds is {options.CpuSeconds}; use 0 (from the time limit) or a positive number.");
        if (options.MaxThreads < 1) failures.Add($"Sandbox:MaxThreads is {options.MaxThreads}; it must be at least 1.");
        if (options.MaxFileSizeMegabytes < 1) failures.Add($"Sandbox:MaxFileSizeMegabytes is {options.MaxFileSizeMegabytes}; it must be at least 1.");
        if (options.PoolSize is < 0 or > 64) failures.Add($"Sandbox:PoolSize is {options.PoolSize}; use 0 (off) to 64.");
        if (options.PoolIdleLifetimeSeconds < 0) failures.Add($"Sandbox:PoolIdleLifetimeSeconds is {options.PoolIdleLifetimeSeconds}; use 0 (no limit) or a positive number.");
        if (options.PoolMaxConcurrentStarts < 1) failures.Add($"Sandbox:PoolMaxConcurrentStarts is {options.PoolMaxConcurrentStarts}; it must be at least 1.");
        if (!options.PoolWarmUpFormats.All(c => c is (>= 'a' and <= 'z') or ','))
            failures.Add($"Sandbox:PoolWarmUpFormats is '{options.PoolWarmUpFormats}'; give a comma-separated list of formats ({string.Join(", ", Renderer.Contracts.Formats.OutputFormats.Names)}).");
        if ((options.Layers & ~SandboxLayers.All) != 0) failures.Add($"Sandbox:Layers is '{options.Layers}', which names no known layer.");
        foreach (var (setting, path) in new[] { ("SandboxPath", options.SandboxPath), ("DotnetPath", options.DotnetPath), ("LauncherPath", options.LauncherPath), ("BubblewrapPath", options.BubblewrapPath) })
            if (path is not null && (path.Trim().Length == 0 || path.IndexOf('\0') >= 0)) failures.Add($"Sandbox:{setting} is set but empty or not a path.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
