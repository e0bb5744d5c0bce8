using Microsoft.Extensions.Options;

namespace DataBroker.Credentials;

/// <summary>Reads credentials in plain text from <c>DataBroker:Credentials</c>. Encrypted connection strings are in <see cref="EncryptedCredentialStore"/>, which wraps this.</summary>
public sealed class ConfigurationCredentialStore(IOptions<DataBrokerOptions> options) : ICredentialStore
{
    public DataCredential? Find(string name)
    {
        foreach (var (key, value) in options.Value.Credentials)
        {
            if (value is not null && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return new DataCredential(key, value.Password ?? string.Empty);
            }
        }

        return null;
    }
}
