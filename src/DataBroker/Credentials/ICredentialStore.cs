namespace DataBroker.Credentials;

/// <summary>Looks up secrets by credential name. Only the trusted host side ever holds an implementation.</summary>
public interface ICredentialStore
{
    /// <summary>The credential called <paramref name="name"/> (case-insensitive), or null when none is stored.</summary>
    DataCredential? Find(string name);

    /// <summary>
    /// Decrypts the connection string stored for data source <paramref name="dataSourceName"/> (case-insensitive). Called by the
    /// broker only when it opens a connection; the result overrides the configured connection string. <see cref="ConnectionSecret.None"/>
    /// when nothing is stored for the source.
    /// </summary>
    ConnectionSecret OpenConnectionString(string dataSourceName) => ConnectionSecret.None;
}
