using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Tests.Sandboxing;

/// <summary>
/// The working folders a killed host leaves behind: the next start deletes those of host processes that no longer
/// exist, and nothing else (a live host's, the isolation probe's, names without a host pid).
/// </summary>
public sealed class SandboxFoldersTests
{
    [Test]
    public void Folders_of_ended_hosts_are_deleted_and_those_of_live_hosts_kept()
    {
        var root = Directory.CreateTempSubdirectory("sandbox-folders-").FullName;
        try
        {
            var ended = EndedProcessId();
            var orphan = Make(root, $"rdl-sandbox-{ended}-Ab12Cd");
            File.WriteAllText(Path.Combine(orphan, "left.tmp"), "rows of a killed render");
            var live = Make(root, $"rdl-sandbox-{Environment.ProcessId}-Ef34Gh");
            var probe = Make(root, "rdl-sandbox-probe-Ij56Kl");
            var noPid = Make(root, "rdl-sandbox-Mn78Op");

            var deleted = SandboxFolders.DeleteOrphans(NullLogger.Instance, root);

            Assert.Multiple(() =>
            {
                Assert.That(deleted, Is.EqualTo(1));
                Assert.That(Directory.Exists(orphan), Is.False, "the folder of the ended host (with its file) is deleted");
                Assert.That(Directory.Exists(live), Is.True, "this live host's folder is kept");
                Assert.That(Directory.Exists(probe), Is.True, "the probe's folder is not a sandbox's");
                Assert.That(Directory.Exists(noPid), Is.True, "a name without a host pid is left alone");
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void A_sandbox_folder_is_named_after_its_host_process()
    {
        var folder = SandboxFolders.Create();
        try
        {
            Assert.That(SandboxFolders.HostOf(Path.GetFileName(folder)), Is.EqualTo(Environment.ProcessId));
            Assert.That(Path.GetDirectoryName(folder), Is.EqualTo(Path.GetTempPath().TrimEnd('/')));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static string Make(string root, string name) => Directory.CreateDirectory(Path.Combine(root, name)).FullName;

    /// <summary>The pid of a process that has ended and been reaped.</summary>
    private static int EndedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.That(Directory.Exists($"/proc/{process.Id}"), Is.False);
        return process.Id;
    }
}
