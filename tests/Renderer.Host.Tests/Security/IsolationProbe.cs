using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Starts the native isolation probe (Security/Probe/isolation-probe.c, built with the tests) through the same
/// <see cref="SandboxStarter"/>, launcher and layers as a render's sandbox, and returns what each attempt got.
/// </summary>
internal static class IsolationProbe
{
    public static string ProbePath => Path.Combine(AppContext.BaseDirectory, "isolation-probe");

    /// <summary>Ignores the test when this machine lacks <paramref name="layers"/>; under CI (CI=true, every layer present) that is a failure.</summary>
    public static void Require(SandboxLayers layers)
    {
        var support = SandboxIsolation.Support(new SandboxOptions());
        if ((support.Available & layers) == layers) return;
        var message = $"This machine lacks {layers & ~support.Available}: {support.Problem}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Ignore(message);
    }

    /// <summary>Runs the probe with <paramref name="layers"/>; the result maps each attempt to "OPEN ..." or "DENIED ERRNO".</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(SandboxLayers layers, params string[] attempts)
    {
        Require(layers);
        Assert.That(File.Exists(ProbePath), Is.True, $"the probe was not built at {ProbePath}");
        var options = new SandboxOptions { Layers = layers, TimeoutSeconds = 30 };
        var (instance, failure) = new SandboxStarter(options, NullLogger.Instance).Start(new SandboxCommand(ProbePath, [], attempts), prewarm: false);
        Assert.That(instance, Is.Not.Null, failure);
        var started = instance!;
        await using (started)
        {
            started.Process.Input.Close();
            using var reader = new StreamReader(started.Process.Output, Encoding.UTF8);
            var output = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var exitCode = await started.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await TestContext.Out.WriteLineAsync($"{layers}:\n{output}");
            Assert.That(exitCode, Is.Zero, $"the probe failed: {output}\n{started.Process.StandardErrorTail()}");
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0) results[line[..space]] = line[(space + 1)..];
            }
            return results;
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading WITHOUT close-on-exec, as a descriptor the host inherited from its own
    /// parent would be: every child process gets it unless something closes it. It is moved to number 900, above any
    /// the sandbox's runtime opens itself, so a read through that number can only reach this file.
    /// </summary>
    public static InheritableDescriptor OpenInheritable(string path)
    {
        const int Number = 900;
        var fd = open(path, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"open {path}: errno {Marshal.GetLastPInvokeError()}");
        var moved = dup2(fd, Number);
        close(fd);
        if (moved != Number) throw new IOException($"dup2: errno {Marshal.GetLastPInvokeError()}");
        return new InheritableDescriptor(Number);
    }

    internal sealed class InheritableDescriptor(int fd) : IDisposable
    {
        public int Fd { get; } = fd;

        public void Dispose() => close(Fd);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int dup2(int fd, int newFd);
}
