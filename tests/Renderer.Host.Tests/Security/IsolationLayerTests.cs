using System.Net;
using System.Net.Sockets;
using System.Text;
using DataBroker.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Renderer.Host.Rendering;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Each isolation layer holds on its own: the compile-time guard is switched off and the sandbox gets only the one
/// layer under test, then the report code attempts the attack and prints what happened (the render succeeds with the
/// error text in its CSV output).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class IsolationLayerTests
{
    private HostileServer _server = null!;
    private IsolationSupport _support = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new HostileServer();
        _support = SandboxIsolation.Support(new SandboxOptions());
    }

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    private void Require(SandboxLayers layers)
    {
        SecurityPrerequisite.Require((_support.Available & layers) == layers, $"This machine lacks {layers & ~_support.Available}: {_support.Problem}");
    }

    /// <summary>Renders a report whose textbox shows <c>Code.Attack()</c>, with only <paramref name="layers"/>, and returns the CSV text.</summary>
    private async Task<string> Attack(SandboxLayers layers, string body)
    {
        Require(layers);
        var code = $"""
            Public Function Attack() As String
                Try
            {body}
                Catch ex As Exception
                    Return "BLOCKED " &amp; ex.GetBaseException().GetType().Name &amp; ": " &amp; ex.GetBaseException().Message
                End Try
            End Function
            """;
        var rdl = AttackReports.WithCode(code);
        var entry = _server.AddUnguarded("Layer" + Guid.NewGuid().ToString("N"), rdl);
        var compiled = _server.CompileUnguarded(entry);
        Assert.That(compiled.Success, Is.True, string.Join("\n", compiled.Diagnostics));
        var launcher = new SandboxLauncher(Options.Create(new SandboxOptions { Layers = layers, TimeoutSeconds = 30, MemoryLimitMegabytes = 512 }), NullLogger<SandboxLauncher>.Instance);
        var data = new BrokerDataHandler(_server.Services.GetRequiredService<IQueryRunner>(), entry.Definition);
        var input = new RenderInput(entry.Name, entry.FileName, entry.Bytes, compiled.AssemblyImage, "csv", new Dictionary<string, object?[]>(), DateTime.Now, "tester");
        var result = await launcher.RenderAsync(input, data, CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics) + "\n" + result.StandardErrorTail);
        var text = Encoding.UTF8.GetString(result.Output!.Content);
        await TestContext.Out.WriteLineAsync($"{layers}: {text}");
        return text;
    }

    private const string Connect = """
                Dim client As Object = Activator.CreateInstance(Type.GetType("System.Net.Sockets.TcpClient, System.Net.Sockets"))
                client.Connect("127.0.0.1", PORT)
                Return "CONNECTED"
        """;

    private const string StartProcess = """
                Dim processType As Type = Type.GetType("System.Diagnostics.Process, System.Diagnostics.Process")
                Dim started As Object = processType.GetMethod("Start", New Type() {GetType(String), GetType(String)}).Invoke(Nothing, New Object() {"/bin/echo", "x"})
                Return "STARTED " &amp; started.Id
        """;

    private static string Read(string path) => $"""
                Return "READ " &amp; System.IO.File.ReadAllText("{path}").Length
        """;

    [Test]
    public async Task Without_any_layer_the_attacks_work_so_the_tests_below_are_meaningful()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var output = await Attack(SandboxLayers.None, Connect.Replace("PORT", Port(listener)));
        Assert.That(output, Does.Contain("CONNECTED"));
        Assert.That(await Attack(SandboxLayers.None, Read("/etc/passwd")), Does.Contain("READ "));
    }

    [Test]
    public async Task Network_namespace_alone_stops_a_socket_to_127_0_0_1()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var output = await Attack(SandboxLayers.NetworkNamespace, Connect.Replace("PORT", Port(listener)));
        Assert.That(output, Does.Contain("BLOCKED").And.Not.Contain("CONNECTED"));
        Assert.That(listener.Pending(), Is.False, "nothing reached the host's listener");
    }

    [Test]
    public async Task Seccomp_alone_stops_a_socket_to_127_0_0_1()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var output = await Attack(SandboxLayers.Seccomp, Connect.Replace("PORT", Port(listener)));
        Assert.That(output, Does.Contain("BLOCKED").And.Contain("ermission denied"));
        Assert.That(listener.Pending(), Is.False);
    }

    [Test]
    public async Task Landlock_alone_stops_a_tcp_connect_when_the_kernel_has_landlock_abi_4()
    {
        SecurityPrerequisite.Require(_support.LandlockAbi >= 4, $"Landlock ABI {_support.LandlockAbi} has no network rules");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var output = await Attack(SandboxLayers.Landlock, Connect.Replace("PORT", Port(listener)));
        Assert.That(output, Does.Contain("BLOCKED").And.Not.Contain("CONNECTED"));
        Assert.That(listener.Pending(), Is.False);
    }

    [Test]
    public async Task Seccomp_alone_stops_starting_a_process()
    {
        var output = await Attack(SandboxLayers.Seccomp, StartProcess);
        Assert.That(output, Does.Contain("BLOCKED").And.Not.Contain("STARTED"));
    }

    [Test]
    public async Task Landlock_alone_stops_reading_etc_passwd_and_the_hosts_data_folder()
    {
        Assert.That(await Attack(SandboxLayers.Landlock, Read("/etc/passwd")), Does.Contain("BLOCKED").And.Not.Contain("READ "));
        var output = await Attack(SandboxLayers.Landlock, Read(_server.CanaryDatabase));
        Assert.That(output, Does.Contain("BLOCKED").And.Not.Contain("READ "));
    }

    [Test]
    public async Task Landlock_alone_stops_executing_a_program()
    {
        var output = await Attack(SandboxLayers.Landlock, StartProcess);
        Assert.That(output, Does.Contain("BLOCKED").And.Not.Contain("STARTED"));
    }

    [Test]
    public async Task A_separate_user_alone_cannot_read_etc_shadow()
    {
        var output = await Attack(SandboxLayers.SeparateUser, Read("/etc/shadow"));
        Assert.That(output, Does.Contain("BLOCKED").And.Not.Contain("READ "));
    }

    [Test]
    public async Task Report_code_cannot_read_a_descriptor_the_host_inherited()
    {
        var keyFile = Path.Combine(_server.DataFolder, "keys.txt");
        File.WriteAllText(keyFile, "k1:CANARY-KEYRING-inherited");
        using var key = IsolationProbe.OpenInheritable(keyFile);
        var read = $"""
                Dim handle As New Microsoft.Win32.SafeHandles.SafeFileHandle(New IntPtr({key.Fd}), False)
                Using stream As New System.IO.FileStream(handle, System.IO.FileAccess.Read)
                    Dim buffer(255) As Byte
                    Return "READ " &amp; System.Text.Encoding.ASCII.GetString(buffer, 0, stream.Read(buffer, 0, 256))
                End Using
        """;
        // Started without the launcher, the sandbox gets the descriptor; through the launcher it is closed before .NET starts.
        Assert.That(await Attack(SandboxLayers.None, read), Does.Contain("READ k1:CANARY-KEYRING"));
        Assert.That(await Attack(SandboxLayers.All, read), Does.Contain("BLOCKED").And.Not.Contain("CANARY"));
    }

    [Test]
    public async Task Resource_limits_stop_a_thread_bomb()
    {
        var output = await Attack(SandboxLayers.SeparateUser | SandboxLayers.ResourceLimits, """
                For i As Integer = 1 To 5000
                    Dim t As New System.Threading.Thread(Sub() System.Threading.Thread.Sleep(60000))
                    t.IsBackground = True
                    t.Start()
                Next
                Return "STARTED 5000 threads"
        """);
        Assert.That(output, Does.Contain("BLOCKED").And.Not.Contain("STARTED"));
    }

    private static string Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
