using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Renderer.Host.Tests.Catalog;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, started on a free loopback port with
/// fsync off, stopped and deleted when the test run ends. Started once per run; each test fixture gets its own database.
/// As root (CI), the server runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private static readonly Lazy<PostgresCluster?> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _startError;
    private readonly string _folder;
    private readonly string _bin;
    private int _databases;

    private PostgresCluster(string folder, string bin, int port)
    {
        (_folder, _bin, Port) = (folder, bin, port);
    }

    public int Port { get; }

    /// <summary>The running cluster; under CI=true a missing PostgreSQL fails the test, elsewhere it is ignored.</summary>
    public static PostgresCluster Require()
    {
        if (Shared.Value is { } cluster) return cluster;
        var message = $"PostgreSQL is not available for the catalog tests: {_startError}. .ci/setup-machine installs Debian's postgresql.";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
        Assert.Ignore(message);
        throw new InvalidOperationException(message);
    }

    public static void StopShared()
    {
        if (Shared.IsValueCreated) Shared.Value?.Dispose();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"catalog_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Run("psql", $"-h 127.0.0.1 -p {Port} -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c \"CREATE DATABASE {name}\"");
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Pooling=true;Maximum Pool Size=40";
    }

    public void Dispose()
    {
        try { Run("pg_ctl", $"-D {_folder}/data -m immediate -w stop"); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private static PostgresCluster? Start()
    {
        var bin = FindBin();
        if (bin is null) { _startError = "no initdb under /usr/lib/postgresql/*/bin"; return null; }
        var folder = Path.Combine(Path.GetTempPath(), "rdl-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root") Exec("chown", $"postgres:postgres {folder}", asPostgres: false);
        var port = FreePort();
        var cluster = new PostgresCluster(folder, bin, port);
        try
        {
            cluster.Run("initdb", $"-D {folder}/data -U postgres -A trust -E UTF8 --no-sync --no-instructions");
            cluster.Run("pg_ctl", $"-D {folder}/data -l {folder}/server.log -w -t 60 -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200\" start");
            return cluster;
        }
        catch (InvalidOperationException e)
        {
            _startError = e.Message;
            cluster.Dispose();
            return null;
        }
    }

    private void Run(string tool, string arguments) => Exec(Path.Combine(_bin, tool), arguments, asPostgres: Environment.UserName == "root");

    private static void Exec(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(); throw new InvalidOperationException($"{program} {arguments} did not finish"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error}{output.Result}");
    }

    private static string? FindBin() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
        : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
