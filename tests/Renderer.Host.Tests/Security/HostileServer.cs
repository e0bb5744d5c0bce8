using Renderer.Host.Tests.EndToEnd;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renderer.Host.Catalog;
using Renderer.Host.Expressions;
using Renderer.Host.Expressions.Guard;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// The real host with short limits (5 s per render, 256 MB heap, test WebAssembly modules), a registered data source whose connection string
/// and credential carry <see cref="Canary"/>, and every log line captured so tests can check none holds the canary.
/// </summary>
internal sealed class HostileServer : WebApplicationFactory<Program>
{
    public const string Canary = "CANARY-SECRET-hostile-91c2";

    public HostileServer()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "renderer-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(DataFolder, Canary));
        CanaryDatabase = Path.Combine(DataFolder, Canary, "canary.db");
        using var connection = new SqliteConnection($"Data Source={CanaryDatabase}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t(Amount REAL); INSERT INTO t VALUES (1.5);";
        command.ExecuteNonQuery();
        ModulesFolder = Wasm.TestModules.CreateFolder();
    }

    /// <summary>The WebAssembly modules folder: the sample textutil plus the hostile modules of Wasm/TestModules.</summary>
    public string ModulesFolder { get; }

    public string DataFolder { get; }

    public string CanaryDatabase { get; }

    public LogCapture Logs { get; } = new();

    public static string HostileFolder => Path.Combine(AppContext.BaseDirectory, "Security", "Hostile");

    public static string Hostile(string fileName) => File.ReadAllText(Path.Combine(HostileFolder, fileName));

    /// <summary>Clients are signed in as the sample administrator over https://localhost.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Security.Identity.TestSignIn.Authorize(client, this, DataFolder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        Infrastructure.OfficeOutputCheck.Configure(builder);
        builder.UseSetting("DataFolder", DataFolder);
        Security.Identity.TestSignIn.Configure(builder, () => Server);
        builder.UseSetting("Sandbox:TimeoutSeconds", "5");
        builder.UseSetting("Sandbox:MemoryLimitMegabytes", "256");
        builder.UseSetting("CompileWorker:CpuSeconds", "4");
        builder.UseSetting("CompileWorker:MemoryMegabytes", "512");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:Provider", "sqlite");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:ConnectionString", $"Data Source={CanaryDatabase};Mode=ReadOnly");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:CredentialName", "CanaryCredential");
        builder.UseSetting("DataBroker:Credentials:CanaryCredential:Password", Canary);
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.UseSetting("Renderer:WasmModules:Folder", ModulesFolder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    /// <summary>Adds <paramref name="rdl"/> to the catalog with the compile-time guard switched off (layer tests only).</summary>
    public CatalogEntry AddUnguarded(string name, string rdl)
    {
        using (ExpressionGuard.SuspendForTests())
            return ReportEntries.Read(Services, name, rdl);
    }

    public ExpressionCompilation CompileUnguarded(CatalogEntry entry)
    {
        using (ExpressionGuard.SuspendForTests())
            return ExpressionCompiler.Compile(entry.Definition, entry.FileName);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
            Directory.Delete(ModulesFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Keeps every formatted log line (with exception text) in memory.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lines) owner._lines.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
