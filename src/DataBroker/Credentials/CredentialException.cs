namespace DataBroker.Credentials;

/// <summary>
/// A credential store failure with its DAT60xx code (see <see cref="CredentialDiagnostics"/>). The message names data
/// sources, key ids and configuration keys only; never a secret, a key or a file's contents.
/// </summary>
public sealed class CredentialException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public override string ToString() => $"{Code}: {Message}";
}
