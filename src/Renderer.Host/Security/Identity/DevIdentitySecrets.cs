using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace Renderer.Host.Security.Identity;

/// <summary>
/// What the built-in development identity provider creates on first run and keeps in
/// <c>{DataFolder}/identity/dev-identity.json</c> (owner-only): the token signing key, the key that protects
/// authorization codes and refresh tokens, the web client's secret, the sample users' passwords, and a client secret
/// for each application registered under <c>Embedding:Applications</c> (added when an application is first seen).
/// </summary>
public sealed class DevIdentitySecrets
{
    public const string FileName = "dev-identity.json";

    public required string SigningKey { get; init; }

    public required string EncryptionKey { get; init; }

    public required string WebClientSecret { get; init; }

    public required Dictionary<string, string> Passwords { get; init; }

    /// <summary>Client secrets of the embedding applications (client credentials grant), by client id.</summary>
    public Dictionary<string, string> ApplicationSecrets { get; init; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public string KeyId => Base64UrlEncoder.Encode(SHA256.HashData(Convert.FromBase64String(SigningKey))[..12]);

    public static string PathIn(string dataFolder) => Path.Combine(dataFolder, "identity", FileName);

    /// <summary>The file's secrets, created on first run; a secret is added for each of <paramref name="applications"/> that lacks one.</summary>
    public static DevIdentitySecrets LoadOrCreate(string dataFolder, IEnumerable<string>? applications = null)
    {
        var path = PathIn(dataFolder);
        if (File.Exists(path))
        {
            var loaded = JsonSerializer.Deserialize<DevIdentitySecrets>(File.ReadAllBytes(path)) ?? throw new InvalidDataException($"{path} is empty.");
            var missing = (applications ?? []).Where(a => !loaded.ApplicationSecrets.ContainsKey(a)).ToList();
            if (missing.Count == 0) return loaded;
            foreach (var application in missing) loaded.ApplicationSecrets[application] = Password();
            Write(path, loaded, overwrite: true);
            return loaded;
        }
        using var rsa = RSA.Create(2048);
        var secrets = new DevIdentitySecrets
        {
            SigningKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()),
            EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            WebClientSecret = Password(),
            Passwords = DevUsers.All.ToDictionary(u => u.Name, _ => Password()),
            ApplicationSecrets = (applications ?? []).Distinct().ToDictionary(a => a, _ => Password(), StringComparer.Ordinal),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!Write(path, secrets, overwrite: false)) return LoadOrCreate(dataFolder, applications); // another host created it first
        return secrets;
    }

    private static bool Write(string path, DevIdentitySecrets secrets, bool overwrite)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N");
        using (var stream = OwnerOnlyFile.CreateNew(temporary))
            JsonSerializer.Serialize(stream, secrets, new JsonSerializerOptions { WriteIndented = true });
        try { File.Move(temporary, path, overwrite); }
        catch (IOException) { File.Delete(temporary); return false; }
        return true;
    }

    public RsaSecurityKey CreateSigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(SigningKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    public SymmetricSecurityKey CreateEncryptionKey() => new(Convert.FromBase64String(EncryptionKey));

    private static string Password() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
}
