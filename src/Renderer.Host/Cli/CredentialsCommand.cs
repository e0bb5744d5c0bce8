using DataBroker.Credentials;

namespace Renderer.Host.Cli;

/// <summary>
/// <c>credentials set|list|rotate|new-key|remove-key|remove</c>: manages the broker's encrypted connection strings
/// (<c>DataBroker:CredentialFile</c>, keys from <c>DataBroker:KeyRing:File</c> or <c>RENDERER_KEYRING</c>). Values are never printed.
/// Exit code 0 on success, 1 on a credential error (printed as <c>error DAT602x: message</c>), 2 on bad usage.
/// </summary>
public static class CredentialsCommand
{
    public const string Usage = """
        Usage: credentials set <source> (--connection-string <value> | --from-stdin)
               credentials list
               credentials rotate
               credentials new-key [--id <id>]
               credentials remove-key <id>
               credentials remove <source>
        """;

    public static bool IsCredentials(string[] args) => args.Length > 0 && args[0] == "credentials";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var manager = services.GetRequiredService<CredentialManager>();
        try
        {
            switch (args.Length > 1 ? args[1] : null)
            {
                case "set" when args.Length >= 3:
                    return await SetAsync(manager, services, args, input, output, error);
                case "list" when args.Length == 2:
                    var entries = manager.List();
                    if (entries.Count == 0) await output.WriteLineAsync($"No encrypted connection strings in {manager.CredentialFile}.");
                    foreach (var entry in entries) await output.WriteLineAsync($"{entry.DataSource}\tkey {entry.KeyId}");
                    return 0;
                case "rotate" when args.Length == 2:
                    var count = manager.Rotate();
                    var active = count == 0 ? null : manager.List()[0].KeyId;
                    await output.WriteLineAsync(count == 0 ? "Nothing to rotate." : $"Re-encrypted {count} connection string(s) with key '{active}'. Keys no entry uses can now be removed.");
                    return 0;
                case "new-key" when args.Length is 2 or 4 && (args.Length == 2 || args[2] == "--id"):
                    var added = manager.NewKey(args.Length == 4 ? args[3] : null);
                    await ReportKeyChangeAsync(added, $"Added key '{added.KeyId}' and made it active; run 'credentials rotate' to re-encrypt existing entries with it.", output, error);
                    return 0;
                case "remove-key" when args.Length == 3:
                    var removed = manager.RemoveKey(args[2]);
                    await ReportKeyChangeAsync(removed, $"Removed key '{removed.KeyId}'.", output, error);
                    return 0;
                case "remove" when args.Length == 3:
                    await output.WriteLineAsync(manager.Remove(args[2]) ? $"Removed the encrypted connection string of '{args[2]}'." : $"No encrypted connection string for '{args[2]}'.");
                    return 0;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (CredentialException ex)
        {
            await error.WriteLineAsync($"error {ex.Code}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> SetAsync(CredentialManager manager, IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var source = args[2];
        string? value = args switch
        {
            [_, _, _, "--connection-string", var v] => v,
            [_, _, _, "--from-stdin"] => TrimOneNewline(await input.ReadToEndAsync()),
            _ => null,
        };
        if (value is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var entry = manager.Set(source, value);
        await output.WriteLineAsync($"Stored the connection string of '{entry.DataSource}' encrypted with key '{entry.KeyId}' in {manager.CredentialFile}.");
        var registered = services.GetRequiredService<IConfiguration>().GetSection("DataBroker:DataSources").GetChildren()
            .Any(s => string.Equals(s.Key, entry.DataSource, StringComparison.OrdinalIgnoreCase));
        if (!registered)
            await error.WriteLineAsync($"warning: '{entry.DataSource}' is not registered under DataBroker:DataSources; add it (with its Provider) for reports to use it.");
        return 0;
    }

    private static async Task ReportKeyChangeAsync(KeyRingChange change, string message, TextWriter output, TextWriter error)
    {
        if (change.KeyFile is not null)
        {
            await output.WriteLineAsync($"{message} Key file: {change.KeyFile}");
            return;
        }

        // No key file configured: the ring lives in an environment variable, so the new ring text goes to stdout for its owner.
        await error.WriteLineAsync($"{message} No key file is configured (DataBroker:KeyRing:File): store the key ring below in the environment variable (or a key file) before rotating.");
        await output.WriteAsync(change.RingText);
    }

    private static string TrimOneNewline(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
}
