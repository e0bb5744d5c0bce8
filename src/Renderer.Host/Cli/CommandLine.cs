namespace Renderer.Host.Cli;

/// <summary>What the program was asked to do.</summary>
public enum HostMode
{
    Server,
    Render,
    Credentials,
    Catalog,
    Token,
    Help,
    UsageError,
}

/// <summary>
/// Reads the first argument: no argument (or only <c>--setting value</c> pairs) runs the server; <c>render</c>,
/// <c>credentials</c> and <c>catalog</c> are commands; <c>--help</c> anywhere prints the help of the program or the
/// command; any other word is a usage error, never a server start.
/// </summary>
public static class CommandLine
{
    public const string ProgramHelp = """
        Renderer.Host: a paginated report server for RDL reports.

        Usage: Renderer.Host [--urls <url>] [--<Section>:<Key> <value>]...   run the server (Ctrl+C stops it)
               Renderer.Host render <report.rdl> [options]                    render a file without a server
               Renderer.Host credentials <command>                            manage encrypted connection strings
               Renderer.Host catalog export|import <folder> [options]         back up or move catalog folders
               Renderer.Host token <user>                                     an access token from the built-in sign-in
               Renderer.Host <command> --help                                 help for one command

        Settings come from appsettings.json, environment variables (Section__Key) and --Section:Key arguments.
        """;

    public static HostMode Classify(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?" or "help")) return HostMode.Help;
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) return HostMode.Server;
        return args[0] switch
        {
            "render" => HostMode.Render,
            "credentials" => HostMode.Credentials,
            "catalog" => HostMode.Catalog,
            "token" => HostMode.Token,
            _ => HostMode.UsageError,
        };
    }

    /// <summary>The help for the command <paramref name="args"/> names, or the program's.</summary>
    public static string Help(string[] args) => args.FirstOrDefault() switch
    {
        "render" => RenderCommand.Usage,
        "credentials" => CredentialsCommand.Usage,
        "catalog" => CatalogCommand.Usage,
        "token" => TokenCommand.Usage,
        _ => ProgramHelp,
    };

    public static string UsageError(string[] args) => $"Unknown command '{args[0]}'.{Environment.NewLine}{ProgramHelp}";
}
