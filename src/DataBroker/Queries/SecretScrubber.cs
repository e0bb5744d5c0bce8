using System.Buffers;
using System.Data.Common;
using DataBroker.Connectors;
using DataBroker.Credentials;

namespace DataBroker.Queries;

/// <summary>
/// Removes a data source's connection string, file path and secrets from messages before they leave the trusted side
/// (diagnostics go to the sandbox and to report authors; logs may be shipped elsewhere), and finds them in row values
/// (<see cref="ContainsSecret"/>): the connection string, the password and user, the file's full path, its folder, its
/// file name and each folder name of 8 characters or more along its path.
/// </summary>
internal sealed class SecretScrubber
{
    private const string Mask = "***";
    private const int MinFolderNameLength = 8;
    private static readonly string[] SensitiveKeys = ["Data Source", "DataSource", "Filename", "Password", "Pwd", "Server", "User ID", "Uid"];

    private readonly string[] _secrets;
    private readonly SearchValues<string>? _fragments;

    private SecretScrubber(IEnumerable<string> secrets, IEnumerable<string> fragments)
    {
        _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(s => s.Length)];
        string[] all = [.. _secrets.Concat(fragments.Where(s => s.Length > 0)).Distinct(StringComparer.OrdinalIgnoreCase)];
        _fragments = all.Length == 0 ? null : SearchValues.Create(all, StringComparison.OrdinalIgnoreCase);
    }

    public static SecretScrubber For(RegisteredDataSource dataSource, DataCredential? credential)
    {
        var secrets = new List<string>();
        var fragments = new List<string>();
        if (credential is not null) secrets.Add(credential.Password);

        var connectionString = dataSource.ConnectionString ?? string.Empty;
        AddLong(secrets, connectionString);
        AddPath(secrets, fragments, connectionString.Trim().Trim('"'));
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in SensitiveKeys)
            {
                if (builder.TryGetValue(key, out var value) && value?.ToString() is { } text)
                {
                    AddLong(secrets, text);
                    AddPath(secrets, fragments, text);
                }
            }
        }
        catch (ArgumentException)
        {
            // Not key=value (e.g. a CSV path): the whole string and its path are already listed.
        }

        return new SecretScrubber(secrets, fragments);
    }

    /// <summary>Whether <paramref name="value"/> holds any secret or path fragment of the data source (ignoring case).</summary>
    public bool ContainsSecret(string value) => _fragments is not null && value.AsSpan().ContainsAny(_fragments);

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

    private static void AddPath(List<string> secrets, List<string> fragments, string value)
    {
        if (value.Length == 0 || value.StartsWith(':')) return;
        try
        {
            var full = Path.GetFullPath(value);
            AddLong(secrets, full);
            var folder = Path.GetDirectoryName(full);
            if (folder is not null && Path.GetPathRoot(folder) != folder) AddLong(secrets, folder);
            // Names as the value spells them (a relative path's resolved prefix is the host's working folder, not a secret).
            var names = value.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i].AsSpan().IndexOfAny('=', ';') >= 0) continue;
                if (i == names.Length - 1) AddLong(fragments, names[i]);
                else if (names[i].Length >= MinFolderNameLength) fragments.Add(names[i]);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Not a path.
        }
    }
}
