namespace Renderer.Host.Sandboxing;

/// <summary>Settings of the per-render sandbox process, bound from the "Sandbox" configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Path of Renderer.Sandbox.dll; relative paths are relative to the host's own folder. Default: the copy next to the host.</summary>
    public string? SandboxPath { get; set; }

    /// <summary>Path of the dotnet muxer; default: the one that runs the host (see <see cref="DotnetMuxer"/>).</summary>
    public string? DotnetPath { get; set; }

    /// <summary>Wall-clock limit of one render, data fetching included.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>GC heap limit of the sandbox (DOTNET_GCHeapHardLimit); 0 for none.</summary>
    public int MemoryLimitMegabytes { get; set; } = 1024;

    public string ResolveSandboxPath() =>
        string.IsNullOrWhiteSpace(SandboxPath)
            ? Path.Combine(AppContext.BaseDirectory, "Renderer.Sandbox.dll")
            : Path.GetFullPath(SandboxPath, AppContext.BaseDirectory);
}
