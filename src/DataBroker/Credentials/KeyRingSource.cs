namespace DataBroker.Credentials;

/// <summary>
/// Loads the key ring each time it is needed (so a rotated key file takes effect without a restart, and keys are not kept in
/// memory between connections): from <see cref="KeyRingOptions.File"/> when set, else from the environment variable.
/// </summary>
public sealed class KeyRingSource(KeyRingOptions options)
{
    /// <summary>Where keys come from, for messages (a configuration key or variable name, never a path or a value).</summary>
    public string Description => IsFileBased ? "DataBroker:KeyRing:File" : $"environment variable {options.EnvironmentVariable}";

    public bool IsFileBased => !string.IsNullOrWhiteSpace(options.File);

    public string? FilePath => IsFileBased ? Path.GetFullPath(options.File!) : null;

    public string EnvironmentVariable => options.EnvironmentVariable;

    /// <summary>The key ring, or null when none is configured (no file setting and the variable unset or empty).</summary>
    /// <exception cref="CredentialException">DAT6020 when the configured file is missing; DAT6021 when the ring is malformed.</exception>
    public CredentialKeyRing? TryLoad()
    {
        if (IsFileBased)
        {
            if (!File.Exists(FilePath)) throw CredentialDiagnostics.KeyFileNotFound();
            return CredentialKeyRing.Parse(File.ReadAllText(FilePath!), Description);
        }

        var text = string.IsNullOrWhiteSpace(options.EnvironmentVariable) ? null : Environment.GetEnvironmentVariable(options.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(text) ? null : CredentialKeyRing.Parse(text, Description);
    }

    /// <summary>The key ring; DAT6020 when none is configured.</summary>
    public CredentialKeyRing Load() => TryLoad() ?? throw CredentialDiagnostics.NoKeyRing(options.EnvironmentVariable);

    /// <summary>Writes the ring to <see cref="KeyRingOptions.File"/> (owner read/write only on Unix), replacing it atomically.</summary>
    public void Save(CredentialKeyRing ring)
    {
        if (!IsFileBased) throw new InvalidOperationException("The key ring comes from an environment variable; it cannot be saved.");
        SecureFile.WriteAllText(FilePath!, ring.ToText());
    }
}
