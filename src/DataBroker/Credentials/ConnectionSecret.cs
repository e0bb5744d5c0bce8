namespace DataBroker.Credentials;

/// <summary>
/// The outcome of decrypting one data source's connection string: the plaintext, nothing stored, or a DAT602x failure.
/// <see cref="ToString"/> never shows the connection string. Do not keep instances beyond the connection they are for.
/// </summary>
public sealed class ConnectionSecret
{
    private ConnectionSecret(string? connectionString, string? errorCode, string? errorMessage)
    {
        ConnectionString = connectionString;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Nothing is stored for the data source: use the configured connection string.</summary>
    public static ConnectionSecret None { get; } = new(null, null, null);

    /// <summary>The decrypted connection string, or null.</summary>
    public string? ConnectionString { get; }

    /// <summary>A <see cref="CredentialDiagnostics"/> code when the stored entry could not be used.</summary>
    public string? ErrorCode { get; }

    /// <summary>Why, naming the data source and key id only.</summary>
    public string? ErrorMessage { get; }

    public bool Failed => ErrorCode is not null;

    public static ConnectionSecret Decrypted(string connectionString) => new(connectionString, null, null);

    public static ConnectionSecret Failure(CredentialException error) => new(null, error.Code, error.Message);

    public override string ToString() =>
        Failed ? $"{ErrorCode}: {ErrorMessage}" : ConnectionString is null ? "No stored connection string" : "Decrypted connection string (hidden)";
}
