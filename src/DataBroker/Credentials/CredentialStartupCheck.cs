using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataBroker.Credentials;

/// <summary>
/// At start-up, without decrypting anything: warns about passwords in plain-text connection strings, and checks that the
/// encrypted entries' key ids are in the key ring (DAT6020/6021/6022/6024 are logged as warnings; the server still starts,
/// and the affected data sources fail with the same code when used).
/// </summary>
public sealed class CredentialStartupCheck(
    IOptions<CredentialStoreOptions> options,
    IOptions<DataBrokerOptions> brokerOptions,
    ILogger<CredentialStartupCheck> logger) : IHostedService
{
    private static readonly string[] PasswordKeys = ["Password", "Pwd"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Run();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Run()
    {
        var sources = brokerOptions.Value.DataSources;
        foreach (var (name, source) in sources)
        {
            if (source is not null && HasPassword(source.ConnectionString)) CredentialLog.PlaintextPassword(logger, name);
        }

        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.CredentialFile)) return;
        try
        {
            var entries = EncryptedCredentialFile.Load(settings.CredentialFile).Entries;
            if (entries.Count == 0) return;
            CredentialLog.Summary(logger, entries.Count, string.Join(", ", entries.Select(e => e.DataSource)), string.Join(", ", entries.Select(e => e.KeyId).Distinct()));
            foreach (var entry in entries.Where(e => !sources.ContainsKey(e.DataSource))) CredentialLog.Orphan(logger, entry.DataSource);
            using var ring = new KeyRingSource(settings.KeyRing).Load();
            foreach (var entry in entries.Where(e => !ring.Contains(e.KeyId)))
            {
                var error = CredentialDiagnostics.UnknownKey(entry.DataSource, entry.KeyId);
                CredentialLog.StoreUnusable(logger, error.Code, error.Message);
            }
        }
        catch (CredentialException ex)
        {
            CredentialLog.StoreUnusable(logger, ex.Code, ex.Message);
        }
        catch (IOException ex)
        {
            CredentialLog.StoreUnusable(logger, CredentialDiagnostics.CredentialFileMalformed, $"the credential file cannot be read ({ex.GetType().Name})");
        }
    }

    internal static bool HasPassword(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return PasswordKeys.Any(k => builder.TryGetValue(k, out var value) && value?.ToString() is { Length: > 0 });
        }
        catch (ArgumentException)
        {
            return false; // not key=value (a CSV or JSON path)
        }
    }
}
