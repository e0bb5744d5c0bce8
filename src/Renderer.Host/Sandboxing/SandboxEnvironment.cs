using System.Globalization;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// The complete environment of a sandbox process. Nothing is inherited from the host (which holds connection strings
/// and credentials); only these non-secret runtime settings are set.
/// </summary>
public static class SandboxEnvironment
{
    /// <summary>Every variable a sandbox may see.</summary>
    public static IReadOnlySet<string> AllowedNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "DOTNET_GCHeapHardLimit",
        "DOTNET_gcServer",
        "DOTNET_CLI_TELEMETRY_OPTOUT",
        "DOTNET_NOLOGO",
        "DOTNET_EnableDiagnostics",
        "HOME",
        "TMPDIR",
    };

    public static IReadOnlyDictionary<string, string> Build(SandboxOptions options, string workingDirectory)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // No debugger, profiler or diagnostics IPC socket in the sandbox.
            ["DOTNET_EnableDiagnostics"] = "0",
            ["HOME"] = workingDirectory,
            ["TMPDIR"] = workingDirectory,
        };
        if (options.MemoryLimitMegabytes > 0)
            environment["DOTNET_GCHeapHardLimit"] = "0x" + (options.MemoryLimitMegabytes * 1024L * 1024L).ToString("X", CultureInfo.InvariantCulture);
        return environment;
    }
}
