namespace Renderer.Host.Sandboxing;

/// <summary>
/// bubblewrap's arguments for the <see cref="SandboxLayers.Namespaces"/> layer: new user, pid, mount, ipc, uts and
/// cgroup namespaces (and network, with that layer), and a filesystem view built on an empty root that holds only
/// read-only binds of the command's files, the launcher and the system libraries, a fresh /proc of the new pid namespace,
/// a minimal /dev, and a private empty /tmp in which only the sandbox's working folder is bound (read-write). The root
/// is remounted read-only at the end. The sandbox runs as pid 1 of its namespace and dies with bubblewrap's outer
/// process, so killing the process the host started ends the whole sandbox.
/// </summary>
internal static class BubblewrapArguments
{
    public static IReadOnlyList<string> Build(SandboxCommand command, string launcher, string workingDirectory, bool network)
    {
        var args = new List<string>
        {
            "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--as-pid-1", "--new-session", "--cap-drop", "ALL", "--hostname", "rdl-sandbox",
            "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev",
        };
        if (network) args.Insert(0, "--unshare-net");
        var bound = new HashSet<string>(StringComparer.Ordinal);
        void ReadOnly(string path)
        {
            var full = Path.GetFullPath(path);
            // /proc and /dev come from bubblewrap itself; a path inside one already bound needs no mount of its own.
            if (full.StartsWith("/proc/", StringComparison.Ordinal) || full.StartsWith("/dev/", StringComparison.Ordinal)) return;
            if (!bound.Add(full) || bound.Any(b => full.StartsWith(b + "/", StringComparison.Ordinal))) return;
            var link = SymbolicLink(full);
            if (link is not null) args.AddRange(["--symlink", link, full]);
            else args.AddRange(["--ro-bind-try", full, full]);
        }
        foreach (var path in LauncherArguments.SystemReadable) ReadOnly(path);
        ReadOnly(launcher);
        ReadOnly(command.Executable);
        foreach (var path in command.ReadOnly) ReadOnly(path);
        args.AddRange(["--bind", workingDirectory, workingDirectory, "--chdir", workingDirectory, "--remount-ro", "/"]);
        return args;
    }

    /// <summary>The target of <paramref name="path"/> when it is a symbolic link (such as /lib -> usr/lib on merged-/usr systems), else null.</summary>
    private static string? SymbolicLink(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists || Directory.Exists(path) ? info.LinkTarget : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
