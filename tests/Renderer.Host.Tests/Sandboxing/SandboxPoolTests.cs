using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using DataBroker.Queries;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Host.Tests.Security;
using Renderer.Sandbox;

namespace Renderer.Host.Tests.Sandboxing;

/// <summary>
/// The pre-started sandbox pool with real processes: each pooled process serves exactly one render and is then gone,
/// dead idle processes are replaced, the time limit and the isolation layers still apply, and PoolSize 0 turns it off.
/// The head start a one-render command gives its sandbox (<see cref="SandboxLauncher.StartAhead"/>) too: the render uses
/// the process started ahead, and one never used is killed with its folder when the launcher goes.
/// Waits for the pool to fill have a generous deadline; nothing asserts on durations.
/// </summary>
public sealed class SandboxPoolTests
{
    private const string Echo = "__sandbox_test_echo__";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Test]
    public async Task A_pooled_process_serves_exactly_one_render_and_is_gone_afterwards()
    {
        await using var pool = await StartPoolAsync(new SandboxOptions { PoolSize = 2 });
        var launcher = Launcher(pool);
        await WaitUntilAsync(() => pool.ReadyProcessIds.Count == 2, "the pool has two warmed-up processes");
        var ready = pool.ReadyProcessIds;

        int first = 0, second = 0;
        string? firstFolder = null;
        var one = await launcher.RenderAsync(Input(Echo), new NoData(), pid =>
        {
            first = pid;
            firstFolder = File.ResolveLinkTarget($"/proc/{pid}/cwd", returnFinalTarget: false)?.FullName;
        }, CancellationToken.None);
        var two = await launcher.RenderAsync(Input(Echo), new NoData(), pid => second = pid, CancellationToken.None);
        // A completed render returns once its answer arrived; the process is reaped and its folder deleted just after.
        Assert.That(await one.ProcessExit!, Is.EqualTo(0));
        Assert.That(await two.ProcessExit!, Is.EqualTo(0));

        Assert.Multiple(() =>
        {
            Assert.That(one.Success, Is.True, Describe(one));
            Assert.That(two.Success, Is.True, Describe(two));
            Assert.That(ready, Does.Contain(first), "the first render used a pre-started process");
            Assert.That(second, Is.Not.EqualTo(first), "the second render got another process");
            Assert.That(pool.ReadyProcessIds, Does.Not.Contain(first), "a used process never goes back to the pool");
            Assert.That(firstFolder, Does.StartWith(Path.GetTempPath().TrimEnd('/')).And.Contains("rdl-sandbox-"));
            Assert.That(Directory.Exists(firstFolder), Is.False, "the pooled process's working folder was deleted");
        });
        AssertProcessGone(first);
        AssertProcessGone(second);
    }

    [Test]
    public async Task An_idle_process_killed_from_outside_is_replaced_and_renders_still_succeed()
    {
        await using var pool = await StartPoolAsync(new SandboxOptions { PoolSize = 2 });
        var launcher = Launcher(pool);
        await WaitUntilAsync(() => pool.ReadyProcessIds.Count == 2, "the pool has two warmed-up processes");
        var victim = pool.ReadyProcessIds[0];

        using (var process = Process.GetProcessById(victim)) process.Kill();
        await WaitUntilAsync(() => !pool.ReadyProcessIds.Contains(victim) && pool.ReadyProcessIds.Count == 2, "the killed process is replaced");

        var used = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var result = await launcher.RenderAsync(Input(Echo), new NoData(), used.Add, CancellationToken.None);
            Assert.That(result.Success, Is.True, Describe(result));
        }
        Assert.That(used, Does.Not.Contain(victim));
        Assert.That(used.Distinct().Count(), Is.EqualTo(3));
        AssertProcessGone(victim);
    }

    [Test]
    public async Task An_idle_process_past_its_lifetime_is_replaced_by_a_fresh_one()
    {
        await using var pool = await StartPoolAsync(new SandboxOptions { PoolSize = 1, PoolIdleLifetimeSeconds = 1 });
        await WaitUntilAsync(() => pool.ReadyProcessIds.Count == 1, "the pool has a warmed-up process");
        var first = pool.ReadyProcessIds[0];

        await WaitUntilAsync(() => pool.ReadyProcessIds is [var next] && next != first, "the expired process is replaced");
        await WaitUntilAsync(() => !Directory.Exists($"/proc/{first}"), "the expired process is killed and reaped");

        var result = await Launcher(pool).RenderAsync(Input(Echo), new NoData(), CancellationToken.None);
        Assert.That(result.Success, Is.True, Describe(result));
    }

    [Test]
    public async Task With_pool_size_zero_every_render_starts_its_own_process()
    {
        await using var pool = await StartPoolAsync(new SandboxOptions { PoolSize = 0 });
        var launcher = Launcher(pool);

        int pid = 0;
        var result = await launcher.RenderAsync(Input(Echo), new NoData(), id => pid = id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.True, Describe(result));
            Assert.That(pool.IsEnabled, Is.False);
            Assert.That(pool.ReadyProcessIds, Is.Empty);
        });
        Assert.That(await result.ProcessExit!, Is.EqualTo(0));
        AssertProcessGone(pid);
    }

    [Test]
    public async Task The_time_limit_stops_a_hanging_render_from_the_pool_and_the_next_render_works()
    {
        var options = new SandboxOptions { PoolSize = 1, TimeoutSeconds = 2 };
        await using var pool = await StartPoolAsync(options);
        var launcher = Launcher(pool, options);
        await WaitUntilAsync(() => pool.ReadyProcessIds.Count == 1, "the pool has a warmed-up process");
        var pooled = pool.ReadyProcessIds[0];

        int pid = 0;
        var hung = await launcher.RenderAsync(Input("__sandbox_test_hang__"), new NoData(), id => pid = id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(pid, Is.EqualTo(pooled), "the hanging render ran in the pre-started process");
            Assert.That(hung.Outcome, Is.EqualTo(SandboxOutcome.TimedOut), Describe(hung));
            Assert.That(hung.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "SBX7003" }));
        });
        AssertProcessGone(pid);
        var next = await launcher.RenderAsync(Input(Echo), new NoData(), CancellationToken.None);
        Assert.That(next.Success, Is.True, Describe(next));
    }

    [Test]
    public async Task Stopping_the_pool_kills_its_idle_processes()
    {
        var pool = await StartPoolAsync(new SandboxOptions { PoolSize = 2 });
        await WaitUntilAsync(() => pool.ReadyProcessIds.Count == 2, "the pool has two warmed-up processes");
        var idle = pool.ReadyProcessIds;

        await pool.DisposeAsync();

        Assert.That(pool.ReadyProcessIds, Is.Empty);
        foreach (var pid in idle) AssertProcessGone(pid);
    }

    [Test]
    public async Task A_pooled_process_runs_with_every_isolation_layer_the_machine_supports()
    {
        var support = SandboxIsolation.Support(new SandboxOptions());
        Security.SecurityPrerequisite.Require((support.Available & SandboxLayers.All) == SandboxLayers.All, $"This machine lacks {SandboxLayers.All & ~support.Available}: {support.Problem}");
        using var server = new HostileServer();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var entry = server.AddUnguarded("PooledLayers", AttackReport(((IPEndPoint)listener.LocalEndpoint).Port, server.CanaryDatabase));
        var compiled = server.CompileUnguarded(entry);
        Assert.That(compiled.Success, Is.True, string.Join("\n", compiled.Diagnostics));
        var options = new SandboxOptions { PoolSize = 1, TimeoutSeconds = 30, MemoryLimitMegabytes = 512 };
        await using var pool = await StartPoolAsync(options);
        var launcher = Launcher(pool, options);
        await WaitUntilAsync(() => pool.ReadyProcessIds.Count == 1, "the pool has a warmed-up process");
        var pooled = pool.ReadyProcessIds[0];

        int pid = 0;
        var data = new BrokerDataHandler(server.Services.GetRequiredService<IQueryRunner>(), entry.Definition);
        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, "csv", new Dictionary<string, object?[]>(), DateTime.Now, "tester");
        var result = await launcher.RenderAsync(input, data, id => pid = id, CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics) + "\n" + result.StandardErrorTail);
        var text = Encoding.UTF8.GetString(result.Output!.Content);
        await TestContext.Out.WriteLineAsync(text);
        Assert.Multiple(() =>
        {
            Assert.That(pid, Is.EqualTo(pooled), "the render ran in the pre-started process");
            Assert.That(text, Does.Contain("NET BLOCKED").And.Not.Contain("CONNECTED"));
            Assert.That(text, Does.Contain("PASSWD BLOCKED").And.Contain("CANARY BLOCKED").And.Contain("SHADOW BLOCKED").And.Contain("HOSTPROC BLOCKED").And.Not.Contain("READ "));
            Assert.That(text, Does.Contain("PROCESS BLOCKED").And.Not.Contain("STARTED"));
            Assert.That(text, Does.Match(@"UID \d{6}"), "runs as one of the sandbox uids (200000 and up), not root");
        });
    }

    /// <summary>
    /// Regression: bubblewrap's --die-with-parent ties a sandbox's life to the THREAD that started it (PR_SET_PDEATHSIG),
    /// and the thread pool retires idle threads. A pooled process started by a thread that then ended was killed with
    /// SIGKILL in the middle of its render (the first long render after a host start). Processes are now started from
    /// one thread that lives as long as the host.
    /// </summary>
    [Test]
    public async Task A_pooled_process_outlives_the_thread_that_asked_for_it()
    {
        IsolationProbe.Require(SandboxLayers.Namespaces);
        SandboxInstance? instance = null;
        string? failure = null;
        var thread = new Thread(() => (instance, failure) = new SandboxStarter(new SandboxOptions(), NullLogger.Instance).Start(prewarm: true));
        thread.Start();
        thread.Join();
        Assert.That(instance, Is.Not.Null, failure);
        var started = instance!;
        await using (started)
        {
            await started.Hello!.WaitAsync(Deadline);
            // The thread has ended; a process tied to it would be gone within moments.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.That(started.Process.HasExited, Is.False, $"the sandbox died with the thread that started it: {started.Process.StandardErrorTail()}");
        }
    }

    [Test]
    public async Task The_render_uses_the_process_started_ahead_and_it_is_gone_afterwards()
    {
        await using var launcher = new SandboxLauncher(Options.Create(new SandboxOptions()), NullLogger<SandboxLauncher>.Instance);
        launcher.StartAhead();
        await WaitUntilAsync(() => launcher.StartedAheadProcessId > 0, "the process started ahead runs");
        var ahead = launcher.StartedAheadProcessId;

        var used = 0;
        var result = await launcher.RenderAsync(Input(Echo), new NoData(), pid => used = pid, CancellationToken.None);
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

    private static string AttackReport(int port, string canaryFile)
    {
        string Attempt(string label, string body) => $"""
                    Try
            {body}
                    Catch ex As Exception
                        r = r &amp; "{label} BLOCKED; "
                    End Try
            """;
        string Read(string label, string path) => Attempt(label, $"""            r = r &amp; "READ " &amp; System.IO.File.ReadAllText("{path}").Length &amp; "; " """);
        var code = string.Join("\n",
            "Public Function Attack() As String",
            "    Dim r As String = \"\"",
            Attempt("NET", $"""
                        Dim client As Object = Activator.CreateInstance(Type.GetType("System.Net.Sockets.TcpClient, System.Net.Sockets"))
                        client.Connect("127.0.0.1", {port})
                        r = r &amp; "CONNECTED; "
                """),
            Read("PASSWD", "/etc/passwd"),
            Read("SHADOW", "/etc/shadow"),
            Read("CANARY", canaryFile),
            // Another process's /proc entry: the host's (with the namespaces layer the sandbox is pid 1 of its own pid namespace).
            Read("HOSTPROC", $"/proc/{Environment.ProcessId}/environ"),
            Attempt("PROCESS", """
                        Dim processType As Type = Type.GetType("System.Diagnostics.Process, System.Diagnostics.Process")
                        Dim started As Object = processType.GetMethod("Start", New Type() {GetType(String), GetType(String)}).Invoke(Nothing, New Object() {"/bin/echo", "x"})
                        r = r &amp; "STARTED; "
                """),
            """    For Each line As String In System.IO.File.ReadAllLines("/proc/self/status")""",
            """        If line.StartsWith("Uid:") Then r = r &amp; "UID " &amp; line.Substring(4).Trim().Split(ChrW(9))(0)""",
            "    Next",
            "    Return r",
            "End Function");
        return AttackReports.WithCode(code);
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

    private static async Task<SandboxPool> StartPoolAsync(SandboxOptions options)
    {
        var pool = new SandboxPool(Options.Create(options), NullLogger<SandboxPool>.Instance);
        await pool.StartAsync(CancellationToken.None);
        return pool;
    }

    private static SandboxLauncher Launcher(SandboxPool pool, SandboxOptions? options = null) =>
        new(Options.Create(options ?? new SandboxOptions()), NullLogger<SandboxLauncher>.Instance, pool);

    private static RenderInput Input(string reportName) =>
        new(reportName, reportName + ".rdl", "<Report/>"u8.ToArray(), [], "pdf", new Dictionary<string, object?[]>(),
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

    /// <summary>Reaped, not a zombie: /proc has no entry for it any more.</summary>
    private static void AssertProcessGone(int pid)
    {
        Assert.That(pid, Is.GreaterThan(0), "the launcher reported the child's pid");
        Assert.That(Directory.Exists($"/proc/{pid}"), Is.False, $"process {pid} still exists");
    }

    private static string Describe(SandboxResult result) =>
        $"{result.Outcome}: {string.Join("; ", result.Diagnostics)} (exit {result.ExitCode}) stderr: {result.StandardErrorTail}";

    private sealed class NoData : ISandboxDataHandler
    {
        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(SandboxDataResult.Failed("no data in this test"));
    }
}
