namespace DataBroker.Credentials;

/// <summary>
/// Where the encrypted credential store keeps its files, bound from the <c>DataBroker</c> section:
/// <c>DataBroker:CredentialFile</c>, <c>DataBroker:KeyRing:File</c>, <c>DataBroker:KeyRing:EnvironmentVariable</c>.
/// </summary>
public sealed class CredentialStoreOptions
{
    /// <summary>The encrypted credential file (JSON). Unset: no encrypted connection strings. The host defaults it to <c>{DataFolder}/credentials.json</c>.</summary>
    public string? CredentialFile { get; set; }

    /// <summary>Where the keys come from.</summary>
    public KeyRingOptions KeyRing { get; set; } = new();

    /// <summary>
    /// Text replaced in decrypted connection strings: <c>{Name}</c> becomes the value (the host sets <c>DataFolder</c> and <c>ProjectRoot</c>).
    /// </summary>
    public Dictionary<string, string> Placeholders { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The key ring's source: a file (preferred when set) or an environment variable, both holding the same text.</summary>
public sealed class KeyRingOptions
{
    /// <summary>The default name of the environment variable holding the key ring.</summary>
    public const string DefaultEnvironmentVariable = "RENDERER_KEYRING";

    /// <summary>A key ring file: lines of <c>id:base64</c> (plus an optional <c>active=id</c>) or JSON <c>{"active":"id","keys":{"id":"base64"}}</c>.</summary>
    public string? File { get; set; }

    /// <summary>The environment variable read when <see cref="File"/> is not set.</summary>
    public string EnvironmentVariable { get; set; } = DefaultEnvironmentVariable;
}
