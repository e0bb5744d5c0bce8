namespace Renderer.Host.Sandboxing;

/// <summary>The isolation layers the native launcher (src/Renderer.Sandbox.Launcher) and bubblewrap apply before the sandbox's runtime starts.</summary>
[Flags]
public enum SandboxLayers
{
    None = 0,

    /// <summary>Runs as its own unprivileged uid/gid (no capabilities, no access to root-only files or other processes' /proc).</summary>
    SeparateUser = 1,

    /// <summary>A new, empty network namespace: no interface but a down loopback.</summary>
    NetworkNamespace = 2,

    /// <summary>seccomp: no process creation, only AF_UNIX sockets, no ptrace, mount, namespaces, bpf, io_uring.</summary>
    Seccomp = 4,

    /// <summary>Landlock: read only the runtime, the sandbox's files and system libraries; write only its working folder; no TCP.</summary>
    Landlock = 8,

    /// <summary>rlimits: CPU seconds, threads, file size, open files; no core dumps.</summary>
    ResourceLimits = 16,

    /// <summary>
    /// Own user, pid, mount, ipc and uts namespaces and a minimal read-only filesystem view (the runtime, the sandbox's
    /// files, system libraries, a private empty /tmp holding only its working folder), built by bubblewrap: no host
    /// file, socket or process is reachable by path or pid.
    /// </summary>
    Namespaces = 32,

    All = SeparateUser | NetworkNamespace | Seccomp | Landlock | ResourceLimits | Namespaces,
}
