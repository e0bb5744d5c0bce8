using Microsoft.Extensions.Logging;

namespace DataBroker.Credentials;

/// <summary>Log messages of the credential store: data source names, key ids and codes only, never values or keys.</summary>
internal static partial class CredentialLog
{
    [LoggerMessage(EventId = 6020, Level = LogLevel.Debug, Message = "Decrypted the connection string of data source '{DataSource}' (key '{KeyId}') to connect")]
    public static partial void Decrypted(ILogger logger, string dataSource, string keyId);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Connection string of data source '{DataSource}' not decrypted: {Code} {Message}")]
    public static partial void DecryptionRefused(ILogger logger, string dataSource, string code, string message);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Warning,
        Message = "Data source '{DataSource}' has a password in its plain-text connection string (DataBroker:DataSources:{DataSource}:ConnectionString); " +
                  "store it encrypted with 'credentials set {DataSource} --from-stdin' and remove it from configuration")]
    public static partial void PlaintextPassword(ILogger logger, string dataSource);

    [LoggerMessage(EventId = 6023, Level = LogLevel.Warning, Message = "Encrypted credentials cannot be used: {Code} {Message}")]
    public static partial void StoreUnusable(ILogger logger, string code, string message);

    [LoggerMessage(EventId = 6024, Level = LogLevel.Warning,
        Message = "The encrypted connection string of '{DataSource}' belongs to no data source registered under DataBroker:DataSources; it is not used")]
    public static partial void Orphan(ILogger logger, string dataSource);

    [LoggerMessage(EventId = 6025, Level = LogLevel.Information, Message = "{Count} encrypted connection string(s) for [{DataSources}], key ids [{KeyIds}]")]
    public static partial void Summary(ILogger logger, int count, string dataSources, string keyIds);
}
