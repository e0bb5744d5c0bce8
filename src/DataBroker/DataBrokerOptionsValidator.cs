using DataBroker.Credentials;
using Microsoft.Extensions.Options;

namespace DataBroker;

/// <summary>Checks <see cref="DataBrokerOptions"/> at start-up so a misconfigured source fails fast, not at the first report.</summary>
internal sealed class DataBrokerOptionsValidator(IOptions<CredentialStoreOptions> credentialOptions) : IValidateOptions<DataBrokerOptions>
{
    public static readonly string[] SupportedProviders = ["sqlite", "csv", "json"];

    public ValidateOptionsResult Validate(string? name, DataBrokerOptions options)
    {
        var failures = new List<string>();
        var encrypted = EncryptedCredentialStore.StoredNames(credentialOptions.Value);
        foreach (var (sourceName, source) in options.DataSources)
        {
            if (source is null)
            {
                failures.Add($"DataBroker:DataSources:{sourceName} is empty.");
                continue;
            }

            if (!SupportedProviders.Contains(source.Provider, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"DataBroker:DataSources:{sourceName}:Provider is '{source.Provider}'; expected one of: {string.Join(", ", SupportedProviders)}.");
            }

            if (string.IsNullOrWhiteSpace(source.ConnectionString) && !encrypted.Contains(sourceName, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"DataBroker:DataSources:{sourceName}:ConnectionString is required (in configuration, or encrypted with 'credentials set {sourceName}').");
            }

            var badReport = source.AllowedReports?.FindIndex(r => string.IsNullOrWhiteSpace(r) || r.Trim() != r || r.IndexOfAny(['\\', '*', '?']) >= 0
                || (r.Contains('/') && (!r.StartsWith('/') || r.Contains("//", StringComparison.Ordinal)))) ?? -1;
            if (badReport >= 0)
            {
                failures.Add($"DataBroker:DataSources:{sourceName}:AllowedReports:{badReport} is '{source.AllowedReports![badReport]}'; list report names, or catalog paths of reports or folders starting with '/' (no wildcards or surrounding spaces).");
            }

            if (!string.IsNullOrEmpty(source.CredentialName) && !options.Credentials.Keys.Contains(source.CredentialName, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"DataBroker:DataSources:{sourceName}:CredentialName '{source.CredentialName}' is not defined under DataBroker:Credentials.");
            }
        }

        if (options.MaxRows <= 0)
        {
            failures.Add("DataBroker:MaxRows must be greater than 0.");
        }

        if (options.QueryTimeoutSeconds <= 0)
        {
            failures.Add("DataBroker:QueryTimeoutSeconds must be greater than 0.");
        }

        if (options.MaxValueBytes <= 0 || options.MaxRowBytes < options.MaxValueBytes || options.MaxRenderBytes < options.MaxRowBytes)
        {
            failures.Add($"DataBroker:MaxValueBytes ({options.MaxValueBytes}), MaxRowBytes ({options.MaxRowBytes}) and MaxRenderBytes ({options.MaxRenderBytes}) must be greater than 0 and in that order (a row holds values, a render rows).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
