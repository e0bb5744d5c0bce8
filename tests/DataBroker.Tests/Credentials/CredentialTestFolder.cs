using System.Security.Cryptography;
using DataBroker.Credentials;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataBroker.Tests.Credentials;

/// <summary>A temporary folder holding a key file and a credential file, with a store and a manager over them.</summary>
internal sealed class CredentialTestFolder : IDisposable
{
    public CredentialTestFolder()
    {
        Folder = Directory.CreateTempSubdirectory("credentials-").FullName;
        Options = new CredentialStoreOptions
        {
            CredentialFile = Path.Combine(Folder, "credentials.json"),
            KeyRing = new KeyRingOptions { File = Path.Combine(Folder, "keys.txt") },
        };
    }

    public string Folder { get; }

    public CredentialStoreOptions Options { get; }

    public string CredentialFile => Options.CredentialFile!;

    public string KeyFile => Options.KeyRing.File!;

    public CredentialManager Manager => new(Microsoft.Extensions.Options.Options.Create(Options));

    public EncryptedCredentialStore Store =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(new DataBrokerOptions()), NullLogger<EncryptedCredentialStore>.Instance);

    /// <summary>Text of a key ring with one random key per id (the last is active).</summary>
    public static string RingText(params string[] ids) =>
        string.Join("\n", ids.Select(id => $"{id}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}")) + "\n";

    public void WriteKeys(params string[] ids) => File.WriteAllText(KeyFile, RingText(ids));

    public string Decrypt(string source)
    {
        var secret = Store.OpenConnectionString(source);
        Assert.That(secret.Failed, Is.False, secret.ToString());
        return secret.ConnectionString!;
    }

    public ConnectionSecret Open(string source) => Store.OpenConnectionString(source);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
