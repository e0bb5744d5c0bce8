using System.Globalization;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// The argument list of <c>rdl-sandbox-launcher</c> for one sandbox: the layers of the plan and, for Landlock, what the
/// sandbox may touch. Read: the command's files (the .NET installation, the sandbox's assemblies), system libraries and
/// a few /proc, /sys and /dev entries the runtime reads; read and write: its working folder and /dev/null; execute: the
/// command's executable (and its ELF loader).
/// With the <see cref="SandboxLayers.Namespaces"/> layer the launcher runs twice:
/// <c>launcher [uid, rlimits] -- bwrap [namespaces, view] -- launcher [Landlock, seccomp] -- program</c>. The first one
/// drops to the sandbox's uid, so bubblewrap runs unprivileged and maps only that uid into the new user namespace; the
/// second one applies Landlock and seccomp last, because they deny the mount and unshare calls bubblewrap needs.
/// </summary>
internal static class LauncherArguments
{
    /// <summary>System files the runtime reads (shared by the Landlock rules and the bubblewrap view).</summary>
    internal static readonly string[] SystemReadable =
    [
        "/usr/lib", "/lib", "/lib64", "/usr/lib64", "/etc/ld.so.cache", "/etc/localtime", "/usr/share/zoneinfo", "/usr/share/icu",
        "/proc/meminfo", "/proc/cpuinfo", "/proc/stat", "/sys/fs/cgroup", "/sys/devices/system/cpu", "/dev/urandom", "/dev/random",
    ];

    public static IReadOnlyList<string> Build(IsolationPlan plan, SandboxOptions options, SandboxCommand command, string workingDirectory)
    {
        var args = new List<string> { "--workdir", workingDirectory };
        var layers = plan.Applied;
        var namespaces = layers.HasFlag(SandboxLayers.Namespaces);
        if (layers.HasFlag(SandboxLayers.SeparateUser)) args.AddRange(["--uid", SandboxIsolation.NextUid().ToString(CultureInfo.InvariantCulture)]);
        if (layers.HasFlag(SandboxLayers.NetworkNamespace) && !namespaces) args.Add("--netns");
        if (layers.HasFlag(SandboxLayers.ResourceLimits))
        {
            var cpu = options.CpuSeconds > 0 ? options.CpuSeconds : options.TimeoutSeconds + 5;
            args.AddRange(["--cpu", Invariant(cpu), "--nproc", Invariant(options.MaxThreads), "--fsize", Invariant(options.MaxFileSizeMegabytes * 1024L * 1024L), "--nofile", "1024"]);
        }
        if (namespaces)
        {
            args.Add("--");
            args.Add(options.ResolveBubblewrapPath());
            args.AddRange(BubblewrapArguments.Build(command, options.ResolveLauncherPath(), workingDirectory, layers.HasFlag(SandboxLayers.NetworkNamespace)));
            args.Add("--");
            args.AddRange([options.ResolveLauncherPath(), "--unsetenv", "PWD"]);
        }
        if (layers.HasFlag(SandboxLayers.Seccomp)) args.Add("--seccomp");
        if (layers.HasFlag(SandboxLayers.Landlock))
        {
            args.Add("--landlock");
            args.AddRange(["--exec", command.Executable]);
            foreach (var path in command.ReadOnly) args.AddRange(["--ro", path]);
            foreach (var path in SystemReadable) args.AddRange(["--ro", path]);
            args.AddRange(["--rw", workingDirectory, "--rw", "/dev/null"]);
        }
        args.AddRange(["--", command.Executable]);
        args.AddRange(command.Arguments);
        return args;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
