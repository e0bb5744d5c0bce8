using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataBroker.Credentials;

/// <summary>
/// Connection strings encrypted at rest in <see cref="CredentialStoreOptions.CredentialFile"/>, decrypted only in
/// <see cref="OpenConnectionString"/>, which the broker calls as it opens a connection: the file and the key ring are read
/// afresh each time (a rotation applies without a restart), the key bytes and the plaintext buffer are zeroed before it
/// returns, and nothing is cached. Credentials by name (<see cref="Find"/>) still come from configuration.
/// A malformed credential file fails every data source (closed), not only those it lists.
/// </summary>
public sealed class EncryptedCredentialStore(
    IOptions<CredentialStoreOptions> options,
    IOptions<DataBrokerOptions> brokerOptions,
    ILogger<EncryptedCredentialStore> logger) : ICredentialStore
{
    private readonly ConfigurationCredentialStore _configuration = new(brokerOptions);

    public DataCredential? Find(string name) => _configuration.Find(name);

    public ConnectionSecret OpenConnectionString(string dataSourceName)
    {
        ArgumentNullException.ThrowIfNull(dataSourceName);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.CredentialFile)) return ConnectionSecret.None;
        try
        {
            var entry = EncryptedCredentialFile.Load(settings.CredentialFile).Find(dataSourceName);
            if (entry is null) return ConnectionSecret.None;
            using var ring = new KeyRingSource(settings.KeyRing).Load();
            var connectionString = CredentialCipher.DecryptToString(ring, entry);
            foreach (var (name, value) in settings.Placeholders)
                connectionString = connectionString.Replace("{" + name + "}", value, StringComparison.Ordinal);
            CredentialLog.Decrypted(logger, entry.DataSource, entry.KeyId);
            return ConnectionSecret.Decrypted(connectionString);
        }
        catch (CredentialException ex)
        {
            CredentialLog.DecryptionRefused(logger, dataSourceName, ex.Code, ex.Message);
            return ConnectionSecret.Failure(ex);
        }
        catch (IOException ex)
        {
            var error = CredentialDiagnostics.BadFile($"cannot be read ({ex.GetType().Name})");
            CredentialLog.DecryptionRefused(logger, dataSourceName, error.Code, error.Message);
            return ConnectionSecret.Failure(error);
        }
    }

    /// <summary>Names of the data sources with a stored connection string (reads the file; decrypts nothing). Empty when the file is unreadable.</summary>
    internal static IReadOnlyCollection<string> StoredNames(CredentialStoreOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.CredentialFile)) return [];
        try
        {
            return [.. EncryptedCredentialFile.Load(settings.CredentialFile).Entries.Select(e => e.DataSource)];
        }
        catch (Exception ex) when (ex is CredentialException or IOException)
        {
            return [];
        }
    }
}
