using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Renderer.Host.Sandboxing;

/// <summary>
/// The sandboxes' working folders in the temporary folder: <c>rdl-sandbox-{host pid}-{random}</c>, one per sandbox
/// process, deleted when it ends. A host that is killed (SIGKILL, OOM, power loss) cannot delete the folders of the
/// sandboxes it held, which die with it; the next host start deletes the folders whose host process no longer exists.
/// A folder of a live host is never touched, as long as the hosts that share a temporary folder share a pid namespace
/// (the usual case: one machine or one container; systemd's PrivateTmp gives each service its own folder anyway). A
/// folder whose name carries no host pid is left alone.
/// </summary>
public static class SandboxFolders
{
    public const string Prefix = "rdl-sandbox-";

    /// <summary>A new working folder for a sandbox of this host process.</summary>
    public static string Create() =>
        Directory.CreateTempSubdirectory(FormattableString.Invariant($"{Prefix}{Environment.ProcessId}-")).FullName;

    /// <summary>Deletes the working folders in <paramref name="tempFolder"/> (default: the temporary folder) left by host processes that have ended; returns how many.</summary>
    public static int DeleteOrphans(ILogger logger, string? tempFolder = null)
    {
        var deleted = 0;
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(tempFolder ?? Path.GetTempPath(), Prefix + "*");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The sandbox working folders left by ended hosts could not be listed");
            return 0;
        }
        foreach (var folder in folders)
        {
            if (HostOf(Path.GetFileName(folder)) is not { } host || HostRuns(host)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "The sandbox working folder {Folder} of ended host process {Host} could not be deleted", folder, host);
            }
        }
        if (deleted > 0) logger.LogInformation("Deleted {Count} sandbox working folders left by host processes that ended without cleaning up", deleted);
        return deleted;
    }

    /// <summary>The host pid in a folder name <c>rdl-sandbox-{pid}-{random}</c>; null for any other name.</summary>
    internal static int? HostOf(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = name.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }

    /// <summary>Whether process <paramref name="pid"/> exists (a reused pid keeps its folders: they are left, never wrongly deleted).</summary>
    private static bool HostRuns(int pid) => !OperatingSystem.IsLinux() || Directory.Exists(FormattableString.Invariant($"/proc/{pid}"));
}
