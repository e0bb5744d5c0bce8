using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox;

namespace Renderer.Host.Tests.Sandboxing;

/// <summary>
/// Real sandbox processes started by <see cref="SandboxLauncher"/>, driven through the sandbox's test hooks
/// (report names <c>__sandbox_test_*__</c>, see Renderer.Sandbox/SandboxTestHooks.cs).
/// </summary>
public sealed class SandboxLauncherTests
{
    private const string Canary = "CANARY-SECRET-7f3a9";
    private const string Echo = "__sandbox_test_echo__";
    private const string Data = "__sandbox_test_data__";

    [Test]
    public async Task A_round_trip_returns_what_the_sandbox_rendered()
    {
        var input = Input(Echo, new Dictionary<string, object?[]> { ["Year"] = [2024], ["Region"] = ["North", "South"] });

        var result = await Launcher().RenderAsync(input, new FakeData(), CancellationToken.None);

        Assert.That(result.Success, Is.True, Describe(result));
        var text = Encoding.UTF8.GetString(result.Output!.Content);
        Assert.Multiple(() =>
        {
            Assert.That(result.Output.ContentType, Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(result.Output.PageCount, Is.EqualTo(1));
            Assert.That(text, Does.Contain("report=__sandbox_test_echo__"));
            Assert.That(text, Does.Contain("rdl=<Report/>"));
            Assert.That(text, Does.Contain("user=tester"));
            Assert.That(text, Does.Contain("time=2024-06-30T12:00:00.0000000Z"));
            Assert.That(text, Does.Contain("param Region=String:North|String:South"));
            Assert.That(text, Does.Contain("param Year=Int32:2024"));
            Assert.That(result.Output.PeakMemoryBytes, Is.GreaterThan(0), "VmHWM of the sandbox");
            Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { "__sandbox_test_echo__.rdl(1,2): warning SBX7999: Echo from the sandbox test hook. (in Report) Expression: =echo" }));
        });
        Assert.That(result.ProcessExit, Is.Not.Null, "a completed render is reaped in the background");
        Assert.That(await result.ProcessExit!, Is.EqualTo(0), "the sandbox ends by itself with exit code 0 after it answered");
    }

    [Test]
    public async Task Rows_from_the_data_handler_reach_the_sandbox()
    {
        var when = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);
        var data = new FakeData((_, _) => SandboxDataResult.FromRows(["Id", "Name", "Amount", "When", "Note"],
            Enumerable.Range(0, 2500).Select(i => new object?[] { i, $"name {i}", i * 1.5m, when.AddDays(i), i % 2 == 0 ? null : "odd" })));
        var input = Input(Data, new Dictionary<string, object?[]> { ["Year"] = [2024], ["Region"] = ["North", "South"] });

        var result = await Launcher().RenderAsync(input, data, CancellationToken.None);

        Assert.That(result.Success, Is.True, Describe(result));
        var text = Encoding.UTF8.GetString(result.Output!.Content);
        Assert.Multiple(() =>
        {
            Assert.That(data.Requests.Select(r => r.DataSet), Is.EqualTo(new[] { "TestData" }));
            Assert.That(data.Requests[0].Parameters["Year"], Is.EqualTo(2024).And.TypeOf<int>());
            Assert.That(data.Requests[0].Parameters["Region"], Is.EqualTo("North"));
            Assert.That(text, Does.Contain("columns=Id,Name,Amount,When,Note"));
            Assert.That(text, Does.Contain("rows=2500"));
            Assert.That(text, Does.Contain("first=Int32:0|String:name 0|Decimal:0.0|DateTime:2024-01-02T03:04:05.0000000|null"));
            Assert.That(text, Does.Contain("last=Int32:2499|String:name 2499|Decimal:3748.5|DateTime:2030-11-05T03:04:05.0000000|String:odd"));
        });
    }

    [Test]
    public async Task A_failed_query_reaches_the_sandbox_as_the_handlers_message()
    {
        var data = new FakeData((_, _) => SandboxDataResult.Failed("no such table: Orders"));

        var result = await Launcher().RenderAsync(Input(Data), data, CancellationToken.None);

        Assert.That(result.Success, Is.True, Describe(result));
        Assert.That(Encoding.UTF8.GetString(result.Output!.Content), Is.EqualTo("error=TestData: no such table: Orders"));
    }

    [Test]
    public async Task A_throwing_data_handler_gives_the_sandbox_only_a_generic_message()
    {
        var data = new FakeData((_, _) => throw new InvalidOperationException($"login failed for Password={Canary}"));

        var result = await Launcher().RenderAsync(Input(Data), data, CancellationToken.None);

        Assert.That(result.Success, Is.True, Describe(result));
        var text = Encoding.UTF8.GetString(result.Output!.Content);
        Assert.That(text, Is.EqualTo("error=TestData: The query of dataset 'TestData' failed."));
        Assert.That(text, Does.Not.Contain(Canary));
    }

    [Test]
    public async Task A_value_without_a_wire_form_fails_the_dataset_not_the_render()
    {
        var data = new FakeData((_, _) => SandboxDataResult.FromRows(["Link"], [[new Uri("http://example.com")]]));

        var result = await Launcher().RenderAsync(Input(Data), data, CancellationToken.None);

        Assert.That(result.Success, Is.True, Describe(result));
        Assert.That(Encoding.UTF8.GetString(result.Output!.Content), Does.StartWith("error=TestData: ").And.Contain("System.Uri"));
    }

    [Test]
    public async Task A_crashing_sandbox_gives_SBX7001_and_the_next_render_works()
    {
        var result = await Launcher().RenderAsync(Input("__sandbox_test_crash__"), new FakeData(), CancellationToken.None);

        AssertFailure(result, SandboxOutcome.Crashed, "SBX7001", "The sandbox process for report '__sandbox_test_crash__' exited unexpectedly (");
        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        await AssertNextRenderWorksAsync();
    }

    [Test]
    public async Task A_hanging_sandbox_is_stopped_at_the_time_limit_with_SBX7003()
    {
        int pid = 0;

        var result = await Launcher(timeoutSeconds: 2).RenderAsync(Input("__sandbox_test_hang__"), new FakeData(), id => pid = id, CancellationToken.None);

        AssertFailure(result, SandboxOutcome.TimedOut, "SBX7003", "The render of report '__sandbox_test_hang__' exceeded the time limit of 2 s and was stopped");
        AssertProcessGone(pid);
        await AssertNextRenderWorksAsync();
    }

    [Test]
    public async Task Garbage_on_the_sandbox_output_is_a_protocol_error_SBX7004()
    {
        int pid = 0;

        var result = await Launcher().RenderAsync(Input("__sandbox_test_garbage__"), new FakeData(), id => pid = id, CancellationToken.None);

        AssertFailure(result, SandboxOutcome.ProtocolError, "SBX7004", "protocol error: ");
        AssertProcessGone(pid);
        await AssertNextRenderWorksAsync();
    }

    [Test]
    public async Task Killing_the_sandbox_mid_render_gives_SBX7001()
    {
        int pid = 0;
        var data = new FakeData((_, _) =>
        {
            using (var child = Process.GetProcessById(pid)) child.Kill();
            return SandboxDataResult.FromRows(["Id"], [[1]]);
        });

        var result = await Launcher().RenderAsync(Input(Data), data, id => pid = id, CancellationToken.None);

        AssertFailure(result, SandboxOutcome.Crashed, "SBX7001", "exited unexpectedly (killed by signal 9 (SIGKILL))");
        Assert.That(data.Requests, Has.Count.EqualTo(1), "the kill happened while the sandbox waited for data");
        AssertProcessGone(pid);
        await AssertNextRenderWorksAsync();
    }

    [Test]
    public async Task The_sandbox_environment_and_command_line_hold_nothing_from_the_host()
    {
        string[] allowed = ["DOTNET_GCHeapHardLimit", "DOTNET_gcServer", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO", "DOTNET_EnableDiagnostics", "HOME", "TMPDIR"];
        Environment.SetEnvironmentVariable("RENDERER_TEST_CANARY", Canary);
        Environment.SetEnvironmentVariable("ConnectionStrings__Sales", $"Data Source=db;Password={Canary}");
        try
        {
            string[] environment = [];
            string[] commandLine = [];
            var result = await Launcher().RenderAsync(Input(Echo), new FakeData(), pid =>
            {
                // The child is waiting for its request here, so it is certainly still running.
                environment = ReadNulSeparated($"/proc/{pid}/environ");
                commandLine = ReadNulSeparated($"/proc/{pid}/cmdline");
            }, CancellationToken.None);

            Assert.That(result.Success, Is.True, Describe(result));
            var names = environment.Select(e => e.Split('=', 2)[0]).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(names, Is.SubsetOf(allowed));
                Assert.That(names, Does.Contain("DOTNET_GCHeapHardLimit"));
                Assert.That(environment, Does.Contain("DOTNET_GCHeapHardLimit=0x40000000"), "1024 MB by default");
                Assert.That(string.Join('\n', environment), Does.Not.Contain(Canary));
                Assert.That(string.Join('\n', commandLine), Does.Not.Contain(Canary));
                Assert.That(commandLine, Has.Length.EqualTo(2));
                Assert.That(Path.GetFileName(commandLine[^1]), Is.EqualTo("Renderer.Sandbox.dll"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("RENDERER_TEST_CANARY", null);
            Environment.SetEnvironmentVariable("ConnectionStrings__Sales", null);
        }
    }

    [Test]
    public async Task Cancelling_a_render_kills_the_sandbox()
    {
        int pid = 0;
        using var cancellation = new CancellationTokenSource();
        var render = Launcher().RenderAsync(Input("__sandbox_test_hang__"), new FakeData(), id =>
        {
            pid = id;
            cancellation.Cancel();
        }, cancellation.Token);

        Assert.That(async () => await render, Throws.InstanceOf<OperationCanceledException>());
        AssertProcessGone(pid);
        await AssertNextRenderWorksAsync();
    }

    [Test]
    public async Task The_memory_limit_becomes_the_sandbox_heap_limit()
    {
        var launcher = new SandboxLauncher(Options.Create(new SandboxOptions { MemoryLimitMegabytes = 300 }), NullLogger<SandboxLauncher>.Instance);

        var result = await launcher.RenderAsync(Input(Echo), new FakeData(), CancellationToken.None);

        Assert.That(result.Success, Is.True, Describe(result));
        Assert.That(Encoding.UTF8.GetString(result.Output!.Content), Does.Contain($"heap-limit={300L * 1024 * 1024}"));
    }

    [Test]
    public async Task A_missing_sandbox_gives_SBX7000()
    {
        var launcher = new SandboxLauncher(Options.Create(new SandboxOptions { SandboxPath = "/nonexistent/Renderer.Sandbox.dll" }), NullLogger<SandboxLauncher>.Instance);

        var result = await launcher.RenderAsync(Input(Echo), new FakeData(), CancellationToken.None);

        AssertFailure(result, SandboxOutcome.StartFailed, "SBX7000", "could not be started");
    }

    [Test]
    public void The_sandbox_and_its_runtime_files_are_copied_next_to_the_host()
    {
        foreach (var file in new[] { "Renderer.Sandbox.dll", "Renderer.Sandbox.runtimeconfig.json", "Renderer.Sandbox.deps.json" })
            Assert.That(File.Exists(Path.Combine(AppContext.BaseDirectory, file)), Is.True, file);
    }

    [Test]
    public async Task Disposing_the_launcher_waits_until_a_completed_renders_process_is_reaped_and_its_folder_deleted()
    {
        var launcher = Launcher();
        int pid = 0;
        string? folder = null;
        var result = await launcher.RenderAsync(Input(Echo), new FakeData(), id =>
        {
            pid = id;
            folder = File.ResolveLinkTarget($"/proc/{id}/cwd", returnFinalTarget: false)?.FullName;
        }, CancellationToken.None);
        Assert.That(result.Success, Is.True, Describe(result));

        // As the host does when it stops (the CLI right after its one render).
        await launcher.DisposeAsync();

        Assert.That(folder, Does.Contain("rdl-sandbox-"));
        Assert.That(Directory.Exists(folder), Is.False, "the working folder was deleted");
        AssertProcessGone(pid);
        Assert.That(result.ProcessExit!.IsCompleted, Is.True);
    }

    private static SandboxLauncher Launcher(int timeoutSeconds = 60) =>
        new(Options.Create(new SandboxOptions { TimeoutSeconds = timeoutSeconds }), NullLogger<SandboxLauncher>.Instance);

    private static RenderInput Input(string reportName, IReadOnlyDictionary<string, object?[]>? parameters = null) =>
        new(reportName, reportName + ".rdl", "<Report/>"u8.ToArray(), [], "pdf", parameters ?? new Dictionary<string, object?[]>(),
            new DateTime(2024, 6, 30, 12, 0, 0, DateTimeKind.Utc), "tester");

    private static async Task AssertNextRenderWorksAsync()
    {
        var next = await Launcher().RenderAsync(Input(Echo), new FakeData(), CancellationToken.None);
        Assert.That(next.Success, Is.True, "the render after the failure: " + Describe(next));
    }

    private static void AssertFailure(SandboxResult result, SandboxOutcome outcome, string code, string messagePart)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(result.Outcome, Is.EqualTo(outcome), Describe(result));
            Assert.That(result.Output, Is.Null);
            Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { code }));
            Assert.That(result.Diagnostics[0].Message, Does.Contain(messagePart));
            Assert.That(result.Diagnostics[0].IsError, Is.True);
        });
    }

    /// <summary>Reaped, not a zombie: /proc has no entry for it any more.</summary>
    private static void AssertProcessGone(int pid)
    {
        Assert.That(pid, Is.GreaterThan(0), "the launcher reported the child's pid");
        Assert.That(Directory.Exists($"/proc/{pid}"), Is.False, $"process {pid} still exists");
    }

    private static string[] ReadNulSeparated(string path) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(path)).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static string Describe(SandboxResult result) =>
        $"{result.Outcome}: {string.Join("; ", result.Diagnostics)} (exit {result.ExitCode}) stderr: {result.StandardErrorTail}";

    /// <summary>A data handler that records requests and answers with <paramref name="answer"/>.</summary>
    private sealed class FakeData(Func<string, IReadOnlyDictionary<string, object?>, SandboxDataResult>? answer = null) : ISandboxDataHandler
    {
        public List<(string DataSet, IReadOnlyDictionary<string, object?> Parameters)> Requests { get; } = [];

        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        {
            Requests.Add((dataSetName, parameters));
            return Task.FromResult((answer ?? ((_, _) => SandboxDataResult.Failed("no data in this test")))(dataSetName, parameters));
        }
    }
}
