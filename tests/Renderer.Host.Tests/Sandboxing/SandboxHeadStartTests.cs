using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox;

namespace Renderer.Host.Tests.Sandboxing;

/// <summary>
/// The head start a one-render command gives its sandbox (<see cref="SandboxLauncher.StartAhead"/>): the render uses the
/// process started ahead, with every isolation layer, and a process started ahead but never used (the report did not
/// compile) is killed and its working folder deleted when the launcher goes. Real processes; no durations asserted.
/// </summary>
public sealed class SandboxHeadStartTests
{
    private const string Echo = "__sandbox_test_echo__";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Test]
    public async Task The_render_uses_the_process_started_ahead_and_it_is_gone_afterwards()
    {
        await using var launcher = new SandboxLauncher(Options.Create(new SandboxOptions()), NullLogger<SandboxLauncher>.Instance);
        launcher.StartAhead();
        await WaitUntilAsync(() => launcher.StartedAheadProcessId > 0, "the process started ahead runs");
        var ahead = launcher.StartedAheadProcessId;

        var used = 0;
        var result = await launcher.RenderAsync(Input(), new NoData(), pid => used = pid, CancellationToken.None);
        Assert.That(await result.ProcessExit!, Is.EqualTo(0));

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.True, $"{result.Outcome}: {string.Join("; ", result.Diagnostics)} stderr: {result.StandardErrorTail}");
            Assert.That(used, Is.EqualTo(ahead), "the render used the process started ahead");
            Assert.That(launcher.StartedAheadProcessId, Is.Zero, "a process started ahead serves one render only");
            Assert.That(Directory.Exists($"/proc/{ahead}"), Is.False, $"process {ahead} still exists");
        });
    }

    [Test]
    public async Task A_process_started_ahead_and_never_used_is_killed_with_its_folder_when_the_launcher_goes()
    {
        var launcher = new SandboxLauncher(Options.Create(new SandboxOptions()), NullLogger<SandboxLauncher>.Instance);
        launcher.StartAhead();
        await WaitUntilAsync(() => launcher.StartedAheadProcessId > 0, "the process started ahead runs");
        var ahead = launcher.StartedAheadProcessId;
        string? folder = null;
        // Its folder once the sandbox program runs in it (the launcher's layers start from elsewhere).
        await WaitUntilAsync(() => (folder = WorkingFolder(ahead)) is not null && folder.Contains("rdl-sandbox-"), "the process started ahead runs in its working folder");

        await launcher.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists($"/proc/{ahead}"), Is.False, $"process {ahead} still exists");
            Assert.That(folder, Does.Contain("rdl-sandbox-"));
            Assert.That(Directory.Exists(folder), Is.False, "its working folder was deleted");
        });
    }

    private static string? WorkingFolder(int pid)
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/{pid}/cwd", returnFinalTarget: false)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static RenderInput Input() =>
        new(Echo, Echo + ".rdl", "<Report/>"u8.ToArray(), [], "pdf", new Dictionary<string, object?[]>(),
            new DateTime(2024, 6, 30, 12, 0, 0, DateTimeKind.Utc), "tester");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Deadline) Assert.Fail($"Gave up waiting until {what}.");
            await Task.Delay(50);
        }
    }

    private sealed class NoData : ISandboxDataHandler
    {
        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(SandboxDataResult.Failed("no data in this test"));
    }
}
