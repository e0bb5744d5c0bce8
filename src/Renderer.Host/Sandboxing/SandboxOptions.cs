namespace Renderer.Host.Sandboxing;

/// <summary>Settings of the per-render sandbox process, bound from the "Sandbox" configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>
    /// Path of Renderer.Sandbox.dll; relative paths are relative to the host's own folder. Default: the precompiled,
    /// self-contained sandbox in the <c>sandbox</c> folder next to the host when a Release build published one there
    /// (see Directory.Build.targets), else the copy next to the host.
    /// </summary>
    public string? SandboxPath { get; set; }

    /// <summary>Path of the dotnet muxer; default: the one that runs the host (see <see cref="DotnetMuxer"/>).</summary>
    public string? DotnetPath { get; set; }

    /// <summary>Wall-clock limit of one render, data fetching included.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>GC heap limit of the sandbox (DOTNET_GCHeapHardLimit); 0 for none.</summary>
    public int MemoryLimitMegabytes { get; set; } = 1024;

    /// <summary>The isolation layers to apply (default all). Tests switch single layers off to prove each one holds on its own.</summary>
    public SandboxLayers Layers { get; set; } = SandboxLayers.All;

    /// <summary>Refuse to start the server (and to render) when one of <see cref="Layers"/> is not available on this machine.</summary>
    public bool Strict { get; set; }

    /// <summary>Path of the native launcher; default: <c>rdl-sandbox-launcher</c> next to the host.</summary>
    public string? LauncherPath { get; set; }

    /// <summary>Path of bubblewrap (<c>bwrap</c>), which builds the <see cref="SandboxLayers.Namespaces"/> layer; default: the first <c>bwrap</c> on PATH, else /usr/bin/bwrap.</summary>
    public string? BubblewrapPath { get; set; }

    /// <summary>CPU time limit in seconds (all threads); 0: <see cref="TimeoutSeconds"/> + 5, so the wall-clock limit normally ends a loop first.</summary>
    public int CpuSeconds { get; set; }

    /// <summary>Most threads of one sandbox (RLIMIT_NPROC of its own uid).</summary>
    public int MaxThreads { get; set; } = 256;

    /// <summary>Largest file the sandbox may write in its working folder.</summary>
    public int MaxFileSizeMegabytes { get; set; } = 64;

    /// <summary>
    /// Pre-started, warmed-up sandbox processes kept waiting for a render (see <see cref="SandboxPool"/>); each still
    /// serves one render only. 0 turns the pool off: every render starts its own process.
    /// </summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>An idle pooled process older than this is replaced by a fresh one; 0 for no limit.</summary>
    public int PoolIdleLifetimeSeconds { get; set; } = 300;

    /// <summary>Most pooled processes starting and warming up at once, so refills leave CPU to running renders.</summary>
    public int PoolMaxConcurrentStarts { get; set; } = 1;

    /// <summary>Formats a pooled process renders a tiny built-in report to while it waits (comma-separated names of <c>OutputFormats</c>: pdf, xlsx, csv, docx, html).</summary>
    public string PoolWarmUpFormats { get; set; } = Renderer.Contracts.Formats.OutputFormats.Default.Name;

    public string ResolveLauncherPath() =>
        string.IsNullOrWhiteSpace(LauncherPath)
            ? Path.Combine(AppContext.BaseDirectory, SandboxIsolation.LauncherFileName)
            : Path.GetFullPath(LauncherPath, AppContext.BaseDirectory);

    public string ResolveBubblewrapPath()
    {
        if (!string.IsNullOrWhiteSpace(BubblewrapPath)) return Path.GetFullPath(BubblewrapPath, AppContext.BaseDirectory);
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "bwrap");
            if (Path.IsPathFullyQualified(candidate) && File.Exists(candidate)) return candidate;
        }
        return "/usr/bin/bwrap";
    }

    public string ResolveSandboxPath()
    {
        if (!string.IsNullOrWhiteSpace(SandboxPath)) return Path.GetFullPath(SandboxPath, AppContext.BaseDirectory);
        var published = Path.Combine(AppContext.BaseDirectory, PublishedSandboxFolder, SandboxFileName);
        return File.Exists(published) ? published : Path.Combine(AppContext.BaseDirectory, SandboxFileName);
    }

    /// <summary>The folder, next to the host, where Release builds publish the self-contained composite sandbox.</summary>
    public const string PublishedSandboxFolder = "sandbox";

    private const string SandboxFileName = "Renderer.Sandbox.dll";
}
