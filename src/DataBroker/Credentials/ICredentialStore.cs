namespace DataBroker.Credentials;

/// <summary>Looks up secrets by credential name. Only the trusted host side ever holds an implementation.</summary>
public interface ICredentialStore
{
    /// <summary>The credential called <paramref name="name"/> (case-insensitive), or null when none is stored.</summary>
    DataCredential? Find(string name);
}
