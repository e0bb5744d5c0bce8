using System.Diagnostics;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Infrastructure;

/// <summary>
/// Every options class is validated at start: one bad setting per class stops the server before it takes a request,
/// and a command before it does anything, with a message naming the setting.
/// </summary>
[NonParallelizable]
public sealed class OptionsValidationTests
{
    private static readonly object[] BadSettings =
    [
        new object[] { "CatalogDatabaseOptions", "Catalog:ExecutionLogRetentionDays", "0" },
        new object[] { "CatalogDatabaseOptions (upload folder)", "Catalog:LegacyUploadFolder", "no-slash" },
        new object[] { "CatalogReportCacheOptions", "Catalog:ReportCache:MaxEntries", "0" },
        new object[] { "CompilationCacheOptions", "Compiler:Cache:DiskMaxBytes", "1000" },
        new object[] { "CompileWorkerOptions", "CompileWorker:MemoryMegabytes", "64" },
        new object[] { "SandboxOptions", "Sandbox:TimeoutSeconds", "0" },
        new object[] { "SandboxOptions (pool)", "Sandbox:PoolSize", "1000" },
        new object[] { "CsvExportOptions", "Renderer:Csv:ProtectFormulas", "perhaps" },
        new object[] { "RenderAdmissionOptions", "Renderer:Admission:RetryAfterSeconds", "0" },
        new object[] { "PublicUrlOptions", "Renderer:PublicBaseUrl", "ftp://reports.example" },
        new object[] { "WasmModuleOptions", "Renderer:WasmModules:FuelPerCall", "0" },
        new object[] { "DataBrokerOptions", "DataBroker:MaxValueBytes", "0" },
        new object[] { "CredentialStoreOptions", "DataBroker:KeyRing:EnvironmentVariable", "NOT A NAME" },
        new object[] { "SubscriptionOptions", "Subscriptions:MaxConcurrentRenders", "0" },
        new object[] { "SubscriptionOptions (file share)", "Subscriptions:FileShares:Reports:Path", "relative/folder" },
        new object[] { "ViewerOptions", "Viewer:SessionTimeout", "00:00:01" },
        new object[] { "EmbeddingOptions", "Embedding:KeyRotation", "00:00:01" },
        new object[] { "EmbeddingOptions (origin)", "Embedding:Applications:portal:Origins:0", "http://portal.example/path" },
    ];

    [TestCaseSource(nameof(BadSettings))]
    public void A_bad_setting_stops_the_server_at_start_naming_it(string optionsClass, string setting, string value)
    {
        using var server = new ServerFixture(new Dictionary<string, string?> { [setting] = value });

        var failure = server.StartFailure();

        Assert.That(failure, Does.Contain(setting), $"{optionsClass}: {setting}={value}");
    }

    [TestCaseSource(nameof(BadSettings))]
    public void A_bad_setting_stops_a_command_naming_it(string optionsClass, string setting, string value)
    {
        var data = Path.Combine(Path.GetTempPath(), "options-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        try
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(ErrorHandlingTests.ProjectRoot(), "src", "Renderer.Host", "bin", configuration, "net10.0", "Renderer.Host.dll"));
            foreach (var arg in new[] { "catalog", "export", Path.Combine(data, "export") }) start.ArgumentList.Add(arg);
            start.Environment["DataFolder"] = data;
            start.Environment[setting.Replace(":", "__", StringComparison.Ordinal)] = value;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(120_000)) { process.Kill(true); Assert.Fail("the command did not finish"); }

            Assert.That(process.ExitCode, Is.Not.EqualTo(0), $"{optionsClass}: {setting}={value} was accepted");
            Assert.That(stderr.Result, Does.Contain(setting), optionsClass);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
