using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// Starts one sandbox process the same way for every caller (a render, or the pool): installation checks, the
/// isolation plan (refused in strict mode when a layer is missing), a fresh temporary working folder, the empty
/// environment of <see cref="SandboxEnvironment"/>, and the launcher with its layers when any layer applies.
/// </summary>
internal sealed class SandboxStarter(SandboxOptions settings, ILogger logger)
{
    /// <summary>
    /// Starts a sandbox; <paramref name="prewarm"/> makes it warm up before it says Hello (for the pool: the formats of
    /// <see cref="SandboxOptions.PoolWarmUpFormats"/>, or <paramref name="warmUpFormats"/>). Returns the instance, or why it could not start.
    /// </summary>
    public (SandboxInstance? Instance, string? Failure) Start(bool prewarm, string? warmUpFormats = null)
    {
        var sandboxDll = settings.ResolveSandboxPath();
        var runtimeConfig = Path.ChangeExtension(sandboxDll, ".runtimeconfig.json");
        if (!File.Exists(sandboxDll) || !File.Exists(runtimeConfig))
            return (null, $"the sandbox is not installed ({Path.GetFileName(File.Exists(sandboxDll) ? runtimeConfig : sandboxDll)} was not found next to the host)");
        var dotnet = DotnetMuxer.Find(settings.DotnetPath);
        if (dotnet is null) return (null, "the dotnet executable was not found");

        string[] sandboxArguments = prewarm ? [$"--prewarm={warmUpFormats ?? settings.PoolWarmUpFormats}"] : [];
        return Start(SandboxCommand.DotNet(dotnet, sandboxDll, sandboxArguments), prewarm);
    }

    /// <summary>Starts <paramref name="command"/> with the sandbox's layers (the dotnet sandbox, or in tests the native isolation probe).</summary>
    internal (SandboxInstance? Instance, string? Failure) Start(SandboxCommand command, bool prewarm)
    {
        var plan = SandboxIsolation.Plan(settings, logger);
        if (settings.Strict && plan.Missing != SandboxLayers.None)
            return (null, $"Sandbox:Strict is set but isolation layers are missing: {plan.Describe(settings.Layers)}");

        var workingDirectory = SandboxFolders.Create();
        try
        {
            var environment = SandboxEnvironment.Build(settings, workingDirectory);
            var throughLauncher = plan.Applied != SandboxLayers.None;
            var process = throughLauncher
                ? SandboxProcess.Start(settings.ResolveLauncherPath(), LauncherArguments.Build(plan, settings, command, workingDirectory), environment, workingDirectory,
                    mayHaveDescendants: !plan.Applied.HasFlag(SandboxLayers.Seccomp), wrapped: plan.Applied.HasFlag(SandboxLayers.Namespaces))
                : SandboxProcess.Start(command.Executable, command.Arguments, environment, workingDirectory);
            return (new SandboxInstance(process, workingDirectory, throughLauncher, prewarm, logger), null);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            logger.LogError(ex, "A sandbox process could not be started");
            TryDelete(workingDirectory);
            return (null, ex.Message);
        }
    }

    private void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The sandbox working folder {Folder} could not be deleted", directory);
        }
    }
}
