using Microsoft.Extensions.Options;

namespace DataBroker.Credentials;

/// <summary>What <see cref="CredentialManager.NewKey"/> and <see cref="CredentialManager.RemoveKey"/> did.</summary>
/// <param name="KeyId">The key added or removed.</param>
/// <param name="KeyFile">The key file written, or null when the ring comes from an environment variable.</param>
/// <param name="RingText">For an environment-variable ring: the new ring text for the owner to store (it holds the keys).</param>
public sealed record KeyRingChange(string KeyId, string? KeyFile, string? RingText)
{
    public override string ToString() => KeyFile is null ? $"Key '{KeyId}' (ring text to store)" : $"Key '{KeyId}' in {KeyFile}";
}

/// <summary>
/// Administration of the encrypted store for the <c>credentials</c> CLI: set one data source's connection string, list names and
/// key ids, add a key, re-encrypt everything with the active key, remove an unused key. Failures throw <see cref="CredentialException"/>
/// (DAT602x). Files are rewritten atomically; nothing is written when any entry fails.
/// </summary>
public sealed class CredentialManager(IOptions<CredentialStoreOptions> options)
{
    private CredentialStoreOptions Settings => options.Value;

    public KeyRingSource KeyRing => new(Settings.KeyRing);

    public string CredentialFile => string.IsNullOrWhiteSpace(Settings.CredentialFile)
        ? throw new CredentialException(CredentialDiagnostics.InvalidOperation, "No credential file is configured (DataBroker:CredentialFile)")
        : Path.GetFullPath(Settings.CredentialFile);

    /// <summary>The stored entries, without decrypting.</summary>
    public IReadOnlyList<EncryptedEntry> List() => [.. EncryptedCredentialFile.Load(CredentialFile).Entries];

    /// <summary>Encrypts <paramref name="connectionString"/> with the active key and stores it for <paramref name="dataSource"/>.</summary>
    public EncryptedEntry Set(string dataSource, ReadOnlySpan<char> connectionString)
    {
        var name = dataSource.Trim();
        if (name.Length is 0 or > 128 || name.Any(char.IsControl))
            throw new CredentialException(CredentialDiagnostics.InvalidOperation, "A data source name is 1-128 printable characters");
        if (connectionString.IsWhiteSpace()) throw new CredentialException(CredentialDiagnostics.InvalidOperation, "The connection string is empty");
        var file = EncryptedCredentialFile.Load(CredentialFile);
        using var ring = KeyRing.Load();
        var existing = file.Find(name);
        var entry = CredentialCipher.Encrypt(ring, existing?.DataSource ?? name, connectionString);
        file.Set(entry);
        file.Save(CredentialFile);
        return entry;
    }

    /// <summary>Removes a data source's entry; false when there was none.</summary>
    public bool Remove(string dataSource)
    {
        var file = EncryptedCredentialFile.Load(CredentialFile);
        if (!file.Remove(dataSource.Trim())) return false;
        file.Save(CredentialFile);
        return true;
    }

    /// <summary>Re-encrypts every entry with the active key (fresh nonces). Returns the number of entries.</summary>
    public int Rotate()
    {
        var file = EncryptedCredentialFile.Load(CredentialFile);
        if (file.Entries.Count == 0) return 0;
        using var ring = KeyRing.Load();
        var rotated = new EncryptedCredentialFile();
        foreach (var entry in file.Entries)
        {
            var plaintext = CredentialCipher.Decrypt(ring, entry);
            var chars = System.Text.Encoding.UTF8.GetChars(plaintext);
            try
            {
                rotated.Set(CredentialCipher.Encrypt(ring, entry.DataSource, chars));
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
                Array.Clear(chars);
            }
        }

        rotated.Save(CredentialFile);
        return rotated.Entries.Count;
    }

    /// <summary>
    /// Adds a fresh random 256-bit key and makes it active: written to the key file (created if missing), or, for an
    /// environment-variable ring, returned as text. Run <see cref="Rotate"/> next.
    /// </summary>
    public KeyRingChange NewKey(string? keyId = null)
    {
        var source = KeyRing;
        using var ring = (source.IsFileBased && !File.Exists(source.FilePath) ? null : source.TryLoad()) ?? CredentialKeyRing.Empty();
        var id = ring.AddNewKey(keyId);
        if (!source.IsFileBased) return new KeyRingChange(id, null, ring.ToText());
        source.Save(ring);
        return new KeyRingChange(id, source.FilePath, null);
    }

    /// <summary>Removes a key no entry uses and that is not active.</summary>
    public KeyRingChange RemoveKey(string keyId)
    {
        var users = EncryptedCredentialFile.Load(CredentialFile).Entries.Where(e => e.KeyId == keyId).Select(e => e.DataSource).ToList();
        if (users.Count > 0)
            throw new CredentialException(CredentialDiagnostics.InvalidOperation, $"Key '{keyId}' still encrypts [{string.Join(", ", users)}]; run 'credentials rotate' first");
        var source = KeyRing;
        using var ring = source.Load();
        ring.Remove(keyId);
        if (!source.IsFileBased) return new KeyRingChange(keyId, null, ring.ToText());
        source.Save(ring);
        return new KeyRingChange(keyId, source.FilePath, null);
    }
}
