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

/// <summary>Stops start-up on a credential setting that cannot work, naming it (a missing key file is checked by <see cref="CredentialStartupCheck"/>).</summary>
internal sealed partial class CredentialStoreOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<CredentialStoreOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, CredentialStoreOptions options)
    {
        var failures = new List<string>();
        if (options.CredentialFile is { } file && (file.Trim().Length == 0 || file.IndexOf('\0') >= 0)) failures.Add("DataBroker:CredentialFile is set but empty or not a path.");
        if (options.KeyRing.File is { } ring && (ring.Trim().Length == 0 || ring.IndexOf('\0') >= 0)) failures.Add("DataBroker:KeyRing:File is set but empty or not a path.");
        if (!EnvironmentVariableName().IsMatch(options.KeyRing.EnvironmentVariable ?? string.Empty))
            failures.Add($"DataBroker:KeyRing:EnvironmentVariable is '{options.KeyRing.EnvironmentVariable}'; give an environment variable name (letters, digits and '_', not starting with a digit).");
        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex EnvironmentVariableName();
}
