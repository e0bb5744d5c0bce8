using System.Globalization;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// The argument list of <c>rdl-sandbox-launcher</c> for one render: the layers of <paramref name="plan"/> and, for
/// Landlock, what the sandbox may touch. Read: the .NET installation, the sandbox's assemblies (not the host's
/// configuration files next to them), system libraries and a few /proc, /sys and /dev entries the runtime reads;
/// read and write: its working folder and /dev/null; execute: the dotnet muxer (and its ELF loader).
/// </summary>
internal static class LauncherArguments
{
    private static readonly string[] SystemReadable =
    [
        "/usr/lib", "/lib", "/lib64", "/usr/lib64", "/etc/ld.so.cache", "/etc/localtime", "/usr/share/zoneinfo", "/usr/share/icu",
        "/proc/meminfo", "/proc/cpuinfo", "/proc/stat", "/sys/fs/cgroup", "/sys/devices/system/cpu", "/dev/urandom", "/dev/random",
    ];

    public static IReadOnlyList<string> Build(IsolationPlan plan, SandboxOptions options, string dotnet, string sandboxDll, string workingDirectory, IReadOnlyList<string>? sandboxArguments = null)
    {
        var args = new List<string> { "--workdir", workingDirectory };
        var layers = plan.Applied;
        if (layers.HasFlag(SandboxLayers.SeparateUser)) args.AddRange(["--uid", SandboxIsolation.NextUid().ToString(CultureInfo.InvariantCulture)]);
        if (layers.HasFlag(SandboxLayers.NetworkNamespace)) args.Add("--netns");
        if (layers.HasFlag(SandboxLayers.Seccomp)) args.Add("--seccomp");
        if (layers.HasFlag(SandboxLayers.ResourceLimits))
        {
            var cpu = options.CpuSeconds > 0 ? options.CpuSeconds : options.TimeoutSeconds + 5;
            args.AddRange(["--cpu", Invariant(cpu), "--nproc", Invariant(options.MaxThreads), "--fsize", Invariant(options.MaxFileSizeMegabytes * 1024L * 1024L), "--nofile", "1024"]);
        }
        var muxer = RealPath(dotnet);
        if (layers.HasFlag(SandboxLayers.Landlock))
        {
            args.Add("--landlock");
            args.AddRange(["--exec", muxer]);
            if (Path.GetDirectoryName(muxer) is { } dotnetRoot) args.AddRange(["--ro", dotnetRoot]);
            foreach (var path in SandboxFiles(sandboxDll)) args.AddRange(["--ro", path]);
            foreach (var path in SystemReadable) args.AddRange(["--ro", path]);
            args.AddRange(["--rw", workingDirectory, "--rw", "/dev/null"]);
        }
        args.AddRange(["--", muxer, sandboxDll]);
        if (sandboxArguments is not null) args.AddRange(sandboxArguments);
        return args;
    }

    /// <summary>The sandbox's own files: every assembly, its runtimeconfig/deps, native libraries under runtimes/.</summary>
    private static IEnumerable<string> SandboxFiles(string sandboxDll)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(sandboxDll))!;
        var name = Path.GetFileNameWithoutExtension(sandboxDll);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var fileName = Path.GetFileName(file);
            if (fileName.EndsWith(".dll", StringComparison.Ordinal) || fileName.StartsWith(name + ".", StringComparison.Ordinal) || fileName.EndsWith(".so", StringComparison.Ordinal))
                yield return file;
        }
        var runtimes = Path.Combine(folder, "runtimes");
        if (Directory.Exists(runtimes)) yield return runtimes;
    }

    private static string RealPath(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
