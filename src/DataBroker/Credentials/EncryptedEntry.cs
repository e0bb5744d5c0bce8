namespace DataBroker.Credentials;

/// <summary>
/// One data source's encrypted connection string: AES-256-GCM under key <see cref="KeyId"/>, with associated data binding it to
/// <see cref="DataSource"/> and the key id (see <see cref="CredentialCipher"/>). Holds no plaintext.
/// </summary>
public sealed record EncryptedEntry(string DataSource, string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag)
{
    public override string ToString() => $"Encrypted connection string of '{DataSource}' (key '{KeyId}')";
}
