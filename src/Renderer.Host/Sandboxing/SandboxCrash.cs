namespace Renderer.Host.Sandboxing;

/// <summary>Reads why a sandbox ended from its exit code and the tail of its stderr, for a clear error message.</summary>
internal static class SandboxCrash
{
    /// <summary>The launcher's own exit code when a requested isolation layer could not be applied.</summary>
    public const int LauncherExitCode = 125;

    private const int SigXcpu = 24;

    /// <summary>The launcher's "launcher: layer: reason" line when it, not the sandbox, failed.</summary>
    public static string? LauncherFailure(int exitCode, string stderr)
    {
        if (exitCode != LauncherExitCode) return null;
        var line = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("launcher: ", StringComparison.Ordinal));
        return line?.Trim();
    }

    /// <summary>SIGXCPU at the soft CPU limit (SIGKILL follows at the hard limit one second later if it is ignored).</summary>
    public static bool IsCpuLimit(int exitCode) => exitCode == 128 + SigXcpu;

    /// <summary>", stack overflow" and the like when stderr names the cause; empty otherwise.</summary>
    public static string Cause(string stderr)
    {
        if (stderr.Contains("Stack overflow", StringComparison.Ordinal)) return ": stack overflow (infinite recursion in report code?)";
        if (stderr.Contains("OutOfMemoryException", StringComparison.Ordinal)) return ": out of memory (the sandbox heap limit was reached)";
        return stderr.Contains("Thread failed to start", StringComparison.Ordinal) || stderr.Contains("Resource temporarily unavailable", StringComparison.Ordinal)
            ? ": too many threads (the sandbox thread limit was reached)"
            : string.Empty;
    }

}
