using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>The real host (real compiler, sandbox processes and broker) on a private data folder.</summary>
internal sealed class ServerFixture : WebApplicationFactory<Program>
{
    public const string Canary = "CANARY-SECRET-7f3a9";

    /// <summary>The public base URL the fixture configures: the address the test client calls.</summary>
    public const string PublicBaseUrl = Security.Identity.TestSignIn.BaseUrl;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Configuration applied after the fixture's own (e.g. admission limits for one test).</param>
    public ServerFixture(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        DataFolder = Path.Combine(Path.GetTempPath(), "renderer-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        var canaryFolder = Path.Combine(DataFolder, Canary);
        Directory.CreateDirectory(canaryFolder);
        CanaryDatabase = Path.Combine(canaryFolder, "canary.db");
    }

    public string DataFolder { get; }

    /// <summary>A database whose path (and so its connection string) carries the canary secret.</summary>
    public string CanaryDatabase { get; }

    public string SampleDatabase => Path.Combine(DataFolder, "sample.db");

    /// <summary>The regions with orders in <paramref name="year"/> in the sample database, in order.</summary>
    public List<string> SampleRegions(int year)
    {
        using var connection = new SqliteConnection($"Data Source={SampleDatabase};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT Region FROM sales WHERE Year = $year ORDER BY Region";
        command.Parameters.AddWithValue("$year", year);
        using var reader = command.ExecuteReader();
        var regions = new List<string>();
        while (reader.Read()) regions.Add(reader.GetString(0));
        return regions;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        Infrastructure.OfficeOutputCheck.Configure(builder);
        // UseSetting applies before Program's own code reads configuration (ConfigureAppConfiguration would apply later).
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("Sandbox:TimeoutSeconds", "60");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:Provider", "sqlite");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:ConnectionString", $"Data Source={CanaryDatabase};Mode=ReadOnly");
        builder.UseSetting("DataBroker:DataSources:CanaryDb:CredentialName", "CanaryCredential");
        builder.UseSetting("DataBroker:Credentials:CanaryCredential:Password", Canary);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        Security.Identity.TestSignIn.Configure(builder, () => Server);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new StartFailureLog(_startErrors)));
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _startErrors = new();

    /// <summary>
    /// Starts the server expecting it to refuse; returns the exception and the errors the host logged. The host's own
    /// exception (e.g. an OptionsValidationException) is in the log even when WebApplicationFactory's deferred host
    /// reports an ObjectDisposedException instead, which it does when its start races the failed host's disposal.
    /// </summary>
    public string StartFailure()
    {
        var error = NUnit.Framework.Assert.Catch(() => CreateClient(), "the server started");
        return error + "\n" + string.Join("\n", _startErrors);
    }

    private sealed class StartFailureLog(System.Collections.Concurrent.ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue(formatter(state, exception) + " " + exception);
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Clients are signed in as the sample administrator over https://localhost.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Security.Identity.TestSignIn.Authorize(client, this, DataFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
