using System.Runtime.InteropServices;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// Finds the dotnet muxer that starts the sandbox: the configured path, else the one of the runtime running the host
/// (<c>&lt;runtime dir&gt;/../../../dotnet</c>), else this process when it is dotnet itself, else DOTNET_HOST_PATH.
/// </summary>
public static class DotnetMuxer
{
    public static string? Find(string? configured = null)
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var candidates = new List<string?>
        {
            configured,
            Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", name)),
        };
        if (Environment.ProcessPath is { } processPath && string.Equals(Path.GetFileName(processPath), name, StringComparison.OrdinalIgnoreCase))
            candidates.Add(processPath);
        candidates.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"));
        return candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c) && File.Exists(c));
    }
}
