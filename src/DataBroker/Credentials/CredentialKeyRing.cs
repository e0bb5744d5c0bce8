using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DataBroker.Credentials;

/// <summary>
/// 256-bit AES keys by id. The active key encrypts; every key decrypts. Parsed from lines of <c>id:base64</c> (blank lines and
/// <c>#</c> comments skipped, <c>active=id</c> picks the active key, else the last listed is active) or from JSON
/// <c>{"active":"id","keys":{"id":"base64"}}</c>. <see cref="Dispose"/> zeroes the key bytes. Error messages name ids and line
/// numbers, never key material.
/// </summary>
public sealed class CredentialKeyRing : IDisposable
{
    /// <summary>Key size in bytes (AES-256).</summary>
    public const int KeySize = 32;

    private readonly List<(string Id, byte[] Key)> _keys = [];

    private CredentialKeyRing(bool json) => IsJson = json;

    /// <summary>The id of the key new entries are encrypted with.</summary>
    public string ActiveKeyId { get; private set; } = string.Empty;

    /// <summary>Key ids in the order listed.</summary>
    public IReadOnlyList<string> KeyIds => [.. _keys.Select(k => k.Id)];

    /// <summary>Whether <see cref="ToText"/> writes JSON (the format it was read in).</summary>
    public bool IsJson { get; }

    /// <summary>A new empty ring (add keys with <see cref="AddNewKey"/>).</summary>
    public static CredentialKeyRing Empty(bool json = false) => new(json);

    /// <summary>Parses <paramref name="text"/>; <paramref name="where"/> (e.g. "DataBroker:KeyRing:File") goes into error messages.</summary>
    /// <exception cref="CredentialException">DAT6021 when the text is malformed.</exception>
    public static CredentialKeyRing Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var ring = new CredentialKeyRing(trimmed.StartsWith('{'));
        try
        {
            string? active = ring.IsJson ? ring.ReadJson(trimmed, where) : ring.ReadLines(trimmed, where);
            if (ring._keys.Count == 0) throw CredentialDiagnostics.Malformed(where, "it holds no key");
            active ??= ring._keys[^1].Id;
            if (!ring.Contains(active)) throw CredentialDiagnostics.Malformed(where, $"the active key '{active}' is not listed");
            ring.ActiveKeyId = active;
            return ring;
        }
        catch
        {
            ring.Dispose();
            throw;
        }
    }

    /// <summary>Whether a key id is well formed: 1 to 64 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public bool Contains(string keyId) => _keys.Exists(k => k.Id == keyId);

    /// <summary>The key bytes for <paramref name="keyId"/> (owned by the ring; do not keep them), or null.</summary>
    internal byte[]? Find(string keyId) => _keys.Find(k => k.Id == keyId).Key;

    /// <summary>Adds a fresh random key and makes it active. Returns its id.</summary>
    public string AddNewKey(string? id = null)
    {
        id ??= $"key-{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        if (!IsValidId(id)) throw new CredentialException(CredentialDiagnostics.InvalidOperation, $"Key id '{Printable(id)}' is not 1-64 letters, digits, '.', '_' or '-'");
        if (Contains(id)) throw new CredentialException(CredentialDiagnostics.InvalidOperation, $"The key ring already holds a key '{id}'");
        _keys.Add((id, RandomNumberGenerator.GetBytes(KeySize)));
        ActiveKeyId = id;
        return id;
    }

    /// <summary>Removes a key that is not active.</summary>
    public void Remove(string keyId)
    {
        if (keyId == ActiveKeyId) throw new CredentialException(CredentialDiagnostics.InvalidOperation, $"Key '{keyId}' is the active key; add a new key before removing it");
        var index = _keys.FindIndex(k => k.Id == keyId);
        if (index < 0) throw new CredentialException(CredentialDiagnostics.UnknownKeyId, $"The key ring holds no key '{Printable(keyId)}'");
        CryptographicOperations.ZeroMemory(_keys[index].Key);
        _keys.RemoveAt(index);
    }

    /// <summary>The ring as text in its own format (this contains the keys: write it only to the key file or the owner's terminal).</summary>
    public string ToText()
    {
        if (IsJson)
        {
            var keys = _keys.ToDictionary(k => k.Id, k => Convert.ToBase64String(k.Key));
            return JsonSerializer.Serialize(new { active = ActiveKeyId, keys }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
        }

        var text = new StringBuilder("# Renderer credential key ring: id:base64 (256-bit keys); the active key encrypts, all keys decrypt.\n");
        foreach (var (id, key) in _keys) text.Append(id).Append(':').Append(Convert.ToBase64String(key)).Append('\n');
        return text.Append("active=").Append(ActiveKeyId).Append('\n').ToString();
    }

    public void Dispose()
    {
        foreach (var (_, key) in _keys) CryptographicOperations.ZeroMemory(key);
        _keys.Clear();
    }

    public override string ToString() => $"Key ring ({_keys.Count} keys, active '{ActiveKeyId}')";

    private string? ReadLines(string text, string where)
    {
        string? active = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("active=", StringComparison.OrdinalIgnoreCase))
            {
                active = line["active=".Length..].Trim();
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0) throw CredentialDiagnostics.Malformed(where, $"line {i + 1} is not 'id:base64' or 'active=id'");
            Add(line[..colon].Trim(), line[(colon + 1)..].Trim(), where, $"line {i + 1}");
        }

        return active;
    }

    private string? ReadJson(string text, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            string? active = null;
            var sawKeys = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("active") && property.Value.ValueKind == JsonValueKind.String)
                {
                    active = property.Value.GetString();
                }
                else if (property.NameEquals("keys") && property.Value.ValueKind == JsonValueKind.Object)
                {
                    sawKeys = true;
                    foreach (var key in property.Value.EnumerateObject())
                    {
                        if (key.Value.ValueKind != JsonValueKind.String) throw CredentialDiagnostics.Malformed(where, $"key '{Printable(key.Name)}' is not a base64 string");
                        Add(key.Name, key.Value.GetString()!, where, $"key '{Printable(key.Name)}'");
                    }
                }
            }

            if (!sawKeys) throw CredentialDiagnostics.Malformed(where, "the JSON has no \"keys\" object");
            return active;
        }
        catch (JsonException ex)
        {
            throw CredentialDiagnostics.Malformed(where, $"not valid JSON (line {ex.LineNumber + 1})");
        }
    }

    private void Add(string id, string base64, string where, string at)
    {
        if (!IsValidId(id)) throw CredentialDiagnostics.Malformed(where, $"{at}: the key id is not 1-64 letters, digits, '.', '_' or '-'");
        if (Contains(id)) throw CredentialDiagnostics.Malformed(where, $"{at}: key id '{id}' is listed twice");
        var key = new byte[KeySize];
        if (!Convert.TryFromBase64String(base64, key, out var written) || written != KeySize)
        {
            CryptographicOperations.ZeroMemory(key);
            throw CredentialDiagnostics.Malformed(where, $"{at}: the key '{id}' is not {KeySize} bytes of base64 (a 256-bit key)");
        }

        _keys.Add((id, key));
    }

    internal static string Printable(string text) =>
        new string([.. text.Take(64).Select(c => char.IsControl(c) ? '?' : c)]) + (text.Length > 64 ? "..." : string.Empty);
}
