using System.Data.Common;
using DataBroker.Connectors;
using DataBroker.Credentials;

namespace DataBroker.Queries;

/// <summary>
/// Removes a data source's connection string, file path and secrets from messages before they leave the trusted side
/// (diagnostics go to the sandbox and to report authors; logs may be shipped elsewhere).
/// </summary>
internal sealed class SecretScrubber
{
    private const string Mask = "***";
    private static readonly string[] SensitiveKeys = ["Data Source", "DataSource", "Filename", "Password", "Pwd", "Server", "User ID", "Uid"];

    private readonly string[] _secrets;

    private SecretScrubber(IEnumerable<string> secrets)
    {
        _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(s => s.Length)];
    }

    public static SecretScrubber For(RegisteredDataSource dataSource, DataCredential? credential)
    {
        var secrets = new List<string>();
        if (credential is not null) secrets.Add(credential.Password);

        var connectionString = dataSource.ConnectionString ?? string.Empty;
        AddLong(secrets, connectionString);
        AddPath(secrets, connectionString.Trim().Trim('"'));
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in SensitiveKeys)
            {
                if (builder.TryGetValue(key, out var value) && value?.ToString() is { } text)
                {
                    AddLong(secrets, text);
                    AddPath(secrets, text);
                }
            }
        }
        catch (ArgumentException)
        {
            // Not key=value (e.g. a CSV path): the whole string and its path are already listed.
        }

        return new SecretScrubber(secrets);
    }

    public string Scrub(string message)
    {
        foreach (var secret in _secrets)
        {
            message = message.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return message;
    }

    private static void AddLong(List<string> secrets, string value)
    {
        if (value.Trim().Length >= 4) secrets.Add(value.Trim());
    }

    private static void AddPath(List<string> secrets, string value)
    {
        if (value.Length == 0 || value.StartsWith(':')) return;
        try
        {
            var full = Path.GetFullPath(value);
            AddLong(secrets, full);
            var folder = Path.GetDirectoryName(full);
            if (folder is not null && Path.GetPathRoot(folder) != folder) AddLong(secrets, folder);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Not a path.
        }
    }
}
