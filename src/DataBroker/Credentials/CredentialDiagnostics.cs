using Rdl.Model.Diagnostics;

namespace DataBroker.Credentials;

/// <summary>The DAT602x codes of the encrypted credential store (the broker's other codes are in <see cref="Queries.DataDiagnostics"/>).</summary>
public static class CredentialDiagnostics
{
    /// <summary>Encrypted connection strings exist but no key ring is configured, or the configured key file is missing.</summary>
    public const string KeyRingMissing = DiagnosticCodes.Data.KeyRingMissing;

    /// <summary>The key ring cannot be read: a malformed line or JSON, a key that is not 256 bits, a duplicate id, no active key.</summary>
    public const string KeyRingMalformed = DiagnosticCodes.Data.KeyRingMalformed;

    /// <summary>An entry was encrypted with a key id the key ring does not hold.</summary>
    public const string UnknownKeyId = DiagnosticCodes.Data.UnknownKeyId;

    /// <summary>AES-GCM authentication failed: wrong key, tampered nonce/ciphertext/tag, or an entry moved to another data source.</summary>
    public const string DecryptionFailed = DiagnosticCodes.Data.DecryptionFailed;

    /// <summary>The encrypted credential file cannot be read (not JSON, a field missing or not base64, a wrong nonce or tag size).</summary>
    public const string CredentialFileMalformed = DiagnosticCodes.Data.CredentialFileMalformed;

    /// <summary>A CLI request that cannot be carried out (removing a key still in use, no active key to encrypt with).</summary>
    public const string InvalidOperation = DiagnosticCodes.Data.InvalidCredentialOperation;

    internal static CredentialException NoKeyRing(string environmentVariable) => new(
        KeyRingMissing,
        $"Encrypted connection strings exist but no key ring is configured: set DataBroker:KeyRing:File or the {environmentVariable} environment variable");

    internal static CredentialException KeyFileNotFound() => new(
        KeyRingMissing, "The key ring file named by DataBroker:KeyRing:File does not exist");

    internal static CredentialException Malformed(string where, string problem) => new(KeyRingMalformed, $"Key ring ({where}): {problem}");

    internal static CredentialException UnknownKey(string dataSource, string keyId) => new(
        UnknownKeyId,
        $"The connection string of data source '{dataSource}' is encrypted with key '{keyId}', which the key ring does not hold; add that key back or set the connection string again");

    internal static CredentialException TagMismatch(string dataSource, string keyId) => new(
        DecryptionFailed,
        $"The connection string of data source '{dataSource}' failed authentication with key '{keyId}' (wrong key, tampered or moved entry); set it again with 'credentials set {dataSource}'");

    internal static CredentialException BadFile(string problem) => new(CredentialFileMalformed, $"Encrypted credential file: {problem}");
}
