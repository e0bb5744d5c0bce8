using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataBroker.Credentials;

/// <summary>
/// The encrypted credential file: <c>{"version":1,"algorithm":"AES-256-GCM","entries":{"&lt;data source&gt;":{"keyId":"...",
/// "nonce":"base64","ciphertext":"base64","tag":"base64"}}}</c>. A missing file is an empty store. Data source names match
/// case-insensitively. Saved atomically, owner read/write only (base64 written as is: the file is never embedded in HTML).
/// </summary>
public sealed class EncryptedCredentialFile
{
    private readonly SortedDictionary<string, EncryptedEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<EncryptedEntry> Entries => _entries.Values;

    /// <summary>Reads <paramref name="path"/>; a missing file gives an empty store.</summary>
    /// <exception cref="CredentialException">DAT6024 when the file is malformed.</exception>
    public static EncryptedCredentialFile Load(string path)
    {
        var file = new EncryptedCredentialFile();
        if (!File.Exists(path)) return file;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw CredentialDiagnostics.BadFile("the root is not a JSON object");
            if (document.RootElement.TryGetProperty("version", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1))
                throw CredentialDiagnostics.BadFile("unsupported version (expected 1)");
            if (!document.RootElement.TryGetProperty("entries", out var entries)) return file;
            if (entries.ValueKind != JsonValueKind.Object) throw CredentialDiagnostics.BadFile("\"entries\" is not an object");
            foreach (var entry in entries.EnumerateObject()) file.Set(ReadEntry(entry));
            return file;
        }
        catch (JsonException ex)
        {
            throw CredentialDiagnostics.BadFile($"not valid JSON (line {ex.LineNumber + 1})");
        }
    }

    public EncryptedEntry? Find(string dataSource) => _entries.GetValueOrDefault(dataSource);

    public void Set(EncryptedEntry entry) => _entries[entry.DataSource] = entry;

    public bool Remove(string dataSource) => _entries.Remove(dataSource);

    public void Save(string path)
    {
        var entries = _entries.Values.ToDictionary(
            e => e.DataSource,
            e => new { keyId = e.KeyId, nonce = Convert.ToBase64String(e.Nonce), ciphertext = Convert.ToBase64String(e.Ciphertext), tag = Convert.ToBase64String(e.Tag) });
        var json = JsonSerializer.Serialize(new { version = 1, algorithm = "AES-256-GCM", entries }, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        SecureFile.WriteAllText(path, json + "\n");
    }

    private static EncryptedEntry ReadEntry(JsonProperty entry)
    {
        var name = entry.Name;
        if (name.Trim().Length == 0) throw CredentialDiagnostics.BadFile("an entry has an empty data source name");
        if (entry.Value.ValueKind != JsonValueKind.Object) throw CredentialDiagnostics.BadFile($"entry '{CredentialKeyRing.Printable(name)}' is not an object");
        var keyId = Text(entry.Value, name, "keyId");
        if (!CredentialKeyRing.IsValidId(keyId)) throw CredentialDiagnostics.BadFile($"entry '{CredentialKeyRing.Printable(name)}' has an invalid keyId");
        var nonce = Bytes(entry.Value, name, "nonce");
        var ciphertext = Bytes(entry.Value, name, "ciphertext");
        var tag = Bytes(entry.Value, name, "tag");
        if (nonce.Length != CredentialCipher.NonceSize) throw CredentialDiagnostics.BadFile($"entry '{CredentialKeyRing.Printable(name)}': the nonce is not {CredentialCipher.NonceSize} bytes");
        if (tag.Length != CredentialCipher.TagSize) throw CredentialDiagnostics.BadFile($"entry '{CredentialKeyRing.Printable(name)}': the tag is not {CredentialCipher.TagSize} bytes");
        return new EncryptedEntry(name, keyId, nonce, ciphertext, tag);
    }

    private static string Text(JsonElement entry, string name, string field) =>
        entry.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw CredentialDiagnostics.BadFile($"entry '{CredentialKeyRing.Printable(name)}' has no \"{field}\" string");

    private static byte[] Bytes(JsonElement entry, string name, string field)
    {
        var text = Text(entry, name, field);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw CredentialDiagnostics.BadFile($"entry '{CredentialKeyRing.Printable(name)}': \"{field}\" is not base64");
        }
    }
}
