using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// What native code inside a sandbox can reach of the host (issue 12, findings 6 and 7): the isolation probe runs
/// through the launcher with the sandbox's layers and tries an inherited descriptor of the host, a world-writable Unix
/// socket in /tmp, an abstract Unix socket, the host's /proc entries and pid, the key and credential files, and the
/// network. Each denial is also shown without the layer that gives it, so the test cannot pass vacuously.
/// </summary>
[TestFixture]
[NonParallelizable]
[SupportedOSPlatform("linux")]
public sealed class SandboxEscapeTests
{
    private const string KeyRingText = "k1:CANARY-KEYRING-escape-0c51";

    private string _folder = null!;
    private string _keyFile = null!;
    private string _credentialFile = null!;
    private string _configNextToSandbox = null!;

    [OneTimeSetUp]
    public void CreateSecrets()
    {
        // World-readable on purpose: only the sandbox's view of the file system may keep them out of reach.
        _folder = Directory.CreateTempSubdirectory("rdl-escape-").FullName;
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        _keyFile = Path.Combine(_folder, "keys.txt");
        _credentialFile = Path.Combine(_folder, "credentials.json");
        File.WriteAllText(_keyFile, KeyRingText);
        File.WriteAllText(_credentialFile, "{\"CanaryDb\":\"CANARY-CREDENTIAL\"}");
        _configNextToSandbox = Path.Combine(AppContext.BaseDirectory, "escape-test-secrets.json");
        File.WriteAllText(_configNextToSandbox, "{\"ConnectionString\":\"CANARY\"}");
        foreach (var file in new[] { _keyFile, _credentialFile, _configNextToSandbox }) File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
    }

    [OneTimeTearDown]
    public void DeleteSecrets()
    {
        Directory.Delete(_folder, recursive: true);
        File.Delete(_configNextToSandbox);
    }

    [Test]
    public async Task A_descriptor_the_host_inherited_is_closed_before_the_sandbox_runs()
    {
        using var key = IsolationProbe.OpenInheritable(_keyFile);
        var attempt = $"fd:{key.Fd}";
        // Without the launcher the child gets the descriptor: this is what the host passes on.
        Assert.That((await IsolationProbe.RunAsync(SandboxLayers.None, attempt))[attempt], Does.StartWith("OPEN"));
        // The launcher closes it whatever the layers: with every layer, and with only the rlimits.
        Assert.That((await IsolationProbe.RunAsync(SandboxLayers.All, attempt))[attempt], Is.EqualTo("DENIED EBADF"));
        Assert.That((await IsolationProbe.RunAsync(SandboxLayers.ResourceLimits, attempt))[attempt], Is.EqualTo("DENIED EBADF"));
    }

    [Test]
    public async Task With_every_layer_no_host_socket_process_file_or_network_is_reachable()
    {
        using var pathSocket = PathSocket(out var socketPath);
        using var abstractSocket = AbstractSocket(out var abstractName);
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
        using var key = IsolationProbe.OpenInheritable(_keyFile);
        var host = Environment.ProcessId;

        var result = await IsolationProbe.RunAsync(SandboxLayers.All,
            $"fd:{key.Fd}", $"unix:{socketPath}", $"abstract:{abstractName}", $"pid:{host}", $"file:{_keyFile}", $"file:{_credentialFile}",
            $"file:{_configNextToSandbox}", "file:/etc/passwd", $"tcp:127.0.0.1:{port}", "tcp:1.1.1.1:53", "listdir:/tmp", "listdir:/");

        Assert.Multiple(() =>
        {
            Assert.That(result[$"fd:{key.Fd}"], Is.EqualTo("DENIED EBADF"));
            Assert.That(result[$"unix:{socketPath}"], Does.StartWith("DENIED"));
            Assert.That(result[$"abstract:{abstractName}"], Does.StartWith("DENIED"));
            Assert.That(result[$"pid:{host}:kill"], Is.EqualTo("DENIED ESRCH"), "the host's pid does not exist in the sandbox's pid namespace");
            Assert.That(result[$"pid:{host}:environ"], Does.StartWith("DENIED"));
            Assert.That(result[$"pid:{host}:cmdline"], Does.StartWith("DENIED"));
            Assert.That(result[$"file:{_keyFile}"], Does.StartWith("DENIED"));
            Assert.That(result[$"file:{_credentialFile}"], Does.StartWith("DENIED"));
            Assert.That(result[$"file:{_configNextToSandbox}"], Does.StartWith("DENIED"));
            Assert.That(result["file:/etc/passwd"], Does.StartWith("DENIED"));
            Assert.That(result[$"tcp:127.0.0.1:{port}"], Does.StartWith("DENIED"));
            Assert.That(result["tcp:1.1.1.1:53"], Does.StartWith("DENIED"));
            Assert.That(result["self"], Does.Contain("pid=1"), "the sandbox is pid 1 of its own pid namespace");
            Assert.That(pathSocket.Pending, Is.False, "nothing connected to the socket in /tmp");
            Assert.That(abstractSocket.Pending, Is.False, "nothing connected to the abstract socket");
            Assert.That(tcp.Pending(), Is.False);
        });
    }

    [Test]
    public async Task The_namespaces_layer_alone_hides_host_sockets_processes_and_files()
    {
        using var pathSocket = PathSocket(out var socketPath);
        var host = Environment.ProcessId;
        string[] attempts = [$"unix:{socketPath}", $"pid:{host}", $"file:{_keyFile}", $"file:{_configNextToSandbox}", "listdir:/tmp"];

        // Without any layer each attempt works (the tests below are meaningful).
        var open = await IsolationProbe.RunAsync(SandboxLayers.None, attempts);
        Assert.That(open[$"unix:{socketPath}"], Does.StartWith("OPEN"));
        Assert.That(open[$"pid:{host}:kill"], Does.StartWith("OPEN"));
        Assert.That(open[$"file:{_keyFile}"], Does.StartWith("OPEN"));
        Assert.That(pathSocket.Pending, Is.True, "the unconfined probe connected to the socket in /tmp");

        var result = await IsolationProbe.RunAsync(SandboxLayers.Namespaces, attempts);
        Assert.Multiple(() =>
        {
            Assert.That(result[$"unix:{socketPath}"], Is.EqualTo("DENIED ENOENT"), "the socket file is not in the sandbox's /tmp");
            Assert.That(result[$"pid:{host}:kill"], Is.EqualTo("DENIED ESRCH"));
            Assert.That(result[$"pid:{host}:environ"], Is.EqualTo("DENIED ENOENT"), "the sandbox's /proc shows only its own pid namespace");
            Assert.That(result[$"file:{_keyFile}"], Is.EqualTo("DENIED ENOENT"));
            Assert.That(result[$"file:{_configNextToSandbox}"], Is.EqualTo("DENIED ENOENT"), "of the files next to the sandbox only its assemblies are in the view");
            var tmp = result["listdir:/tmp"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Its /tmp holds its own working folder, and nothing else the host's /tmp holds (the socket above, other tests' folders).
            // A checkout under /tmp shows the path down to the sandbox's own read-only assemblies (bound file by file in
            // Debug builds), so that first folder is expected; everything else of the host's /tmp must be absent.
            var boundRoots = new[] { AppContext.BaseDirectory, System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory() }
                .Where(p => p.StartsWith("/tmp/", StringComparison.Ordinal)).Select(p => p.Split('/')[2]).ToHashSet();
            var hostTmp = Directory.GetFileSystemEntries("/tmp").Select(Path.GetFileName)
                .Where(n => n is not null && !n.StartsWith("rdl-sandbox-", StringComparison.Ordinal) && !boundRoots.Contains(n)).ToHashSet();
            Assert.That(tmp, Has.Some.StartsWith("rdl-sandbox-"), "the sandbox's /tmp holds its working folder: " + result["listdir:/tmp"]);
            Assert.That(tmp.Skip(1).Where(hostTmp.Contains), Is.Empty, "no entry of the host's /tmp is visible: " + result["listdir:/tmp"]);
            Assert.That(result["self"], Does.Contain("pid=1"));
        });
    }

    [Test]
    public async Task The_network_namespace_alone_hides_the_hosts_abstract_unix_sockets()
    {
        using var abstractSocket = AbstractSocket(out var name);
        var attempt = $"abstract:{name}";
        Assert.That((await IsolationProbe.RunAsync(SandboxLayers.None, attempt))[attempt], Does.StartWith("OPEN"));
        Assert.That((await IsolationProbe.RunAsync(SandboxLayers.NetworkNamespace, attempt))[attempt], Is.EqualTo("DENIED ECONNREFUSED"));
        Assert.That((await IsolationProbe.RunAsync(SandboxLayers.NetworkNamespace | SandboxLayers.Namespaces, attempt))[attempt], Is.EqualTo("DENIED ECONNREFUSED"));
    }

    /// <summary>A listening, world-writable Unix socket in the host's /tmp, as the attack found one.</summary>
    private static UnixListener PathSocket(out string path)
    {
        path = Path.Combine("/tmp", $"rdl-escape-{Guid.NewGuid():N}.sock");
        var listener = new UnixListener(path, path);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        return listener;
    }

    /// <summary>A listening abstract Unix socket (no file; its name lives in the network namespace).</summary>
    private static UnixListener AbstractSocket(out string name)
    {
        name = $"rdl-escape-{Guid.NewGuid():N}";
        return new UnixListener("\0" + name, null);
    }

    private sealed class UnixListener : IDisposable
    {
        private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        private readonly string? _file;

        public UnixListener(string address, string? file)
        {
            _file = file;
            _socket.Bind(new UnixDomainSocketEndPoint(address));
            _socket.Listen();
        }

        /// <summary>A connection is waiting.</summary>
        public bool Pending => _socket.Poll(0, SelectMode.SelectRead);

        public void Dispose()
        {
            _socket.Dispose();
            if (_file is not null) File.Delete(_file);
        }
    }
}
