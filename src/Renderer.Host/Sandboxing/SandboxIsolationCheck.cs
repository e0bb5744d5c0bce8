using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// At server start-up: probes the isolation layers, logs which are on and which are missing, and in strict mode
/// (<c>Sandbox:Strict=true</c>) stops the server from starting when a requested layer is missing. Then, in the
/// background, deletes the sandbox working folders of hosts that were killed (<see cref="SandboxFolders.DeleteOrphans"/>).
/// </summary>
public sealed class SandboxIsolationCheck(IOptions<SandboxOptions> options, ILogger<SandboxIsolationCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var plan = SandboxIsolation.Plan(settings, logger);
        if (settings.Strict && plan.Missing != SandboxLayers.None)
            throw new InvalidOperationException(
                $"Sandbox:Strict is set but isolation layers are missing on this machine: {plan.Describe(settings.Layers)}. " +
                "Build the launcher (gcc), run on a Linux kernel with seccomp, Landlock and network namespaces, or remove the missing layers from Sandbox:Layers.");
        _ = Task.Run(() => SandboxFolders.DeleteOrphans(logger), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
