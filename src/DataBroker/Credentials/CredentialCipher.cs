using System.Security.Cryptography;
using System.Text;

namespace DataBroker.Credentials;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce and a 128-bit tag. The associated data is
/// <c>"rdl-renderer/credential/v1\n" + UPPER(data source) + "\n" + key id</c>, so an entry copied to another data source,
/// or relabelled with another key id, fails authentication.
/// </summary>
internal static class CredentialCipher
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static EncryptedEntry Encrypt(CredentialKeyRing ring, string dataSource, ReadOnlySpan<char> plaintext)
    {
        var keyId = ring.ActiveKeyId;
        var key = ring.Find(keyId) ?? throw new CredentialException(CredentialDiagnostics.InvalidOperation, "The key ring has no active key");
        var bytes = new byte[Encoding.UTF8.GetByteCount(plaintext)];
        try
        {
            Encoding.UTF8.GetBytes(plaintext, bytes);
            var nonce = RandomNumberGenerator.GetBytes(NonceSize);
            var ciphertext = new byte[bytes.Length];
            var tag = new byte[TagSize];
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, bytes, ciphertext, tag, AssociatedData(dataSource, keyId));
            return new EncryptedEntry(dataSource, keyId, nonce, ciphertext, tag);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Decrypts to a string; the plaintext byte buffer is zeroed before returning.</summary>
    /// <exception cref="CredentialException">DAT6022 for an unknown key id, DAT6023 when authentication fails.</exception>
    public static string DecryptToString(CredentialKeyRing ring, EncryptedEntry entry)
    {
        var bytes = Decrypt(ring, entry);
        try
        {
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Decrypts to a buffer the caller must zero.</summary>
    public static byte[] Decrypt(CredentialKeyRing ring, EncryptedEntry entry)
    {
        var key = ring.Find(entry.KeyId) ?? throw CredentialDiagnostics.UnknownKey(entry.DataSource, entry.KeyId);
        var plaintext = new byte[entry.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(entry.Nonce, entry.Ciphertext, entry.Tag, plaintext, AssociatedData(entry.DataSource, entry.KeyId));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw CredentialDiagnostics.TagMismatch(entry.DataSource, entry.KeyId);
        }
    }

    private static byte[] AssociatedData(string dataSource, string keyId) =>
        Encoding.UTF8.GetBytes($"rdl-renderer/credential/v1\n{dataSource.ToUpperInvariant()}\n{keyId}");
}
