namespace DataBroker.Credentials;

/// <summary>A secret to attach when connecting. <see cref="ToString"/> never shows the password.</summary>
public sealed class DataCredential(string name, string password)
{
    public string Name { get; } = name;

    public string Password { get; } = password;

    public override string ToString() => $"Credential '{Name}'";
}
