using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Cli;

/// <summary><c>catalog export|import</c>: copies a catalog folder tree to a directory and back (backups, moving between servers).</summary>
public static class CatalogCommand
{
    public const string Usage = """
        Usage: catalog export <directory> [--from /Folder]
               catalog import <directory> [--to /Folder] [--overwrite]

        export writes <directory>/catalog.json and one file per report, resource, data source and dataset (their
        current versions) under <directory>/items. import publishes them into the catalog (the server's own database,
        from the Catalog settings); items that already exist are refused unless --overwrite adds them as new versions.
        Connection strings and credentials are never exported. Exit code 0 on success, 1 when items were refused,
        2 on bad usage.
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 3 || args[1] is not ("export" or "import"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var directory = args[2];
        string? folder = null;
        var overwrite = false;
        for (var i = 3; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" or "--to" when i + 1 < args.Length: folder = args[++i]; break;
                case "--overwrite": overwrite = true; break;
                default:
                    await error.WriteLineAsync($"Unknown argument '{args[i]}'.{Environment.NewLine}{Usage}");
                    return 2;
            }
        }
        if (!CatalogPath.TryParse(folder ?? "/", out var path, out var pathError))
        {
            await error.WriteLineAsync(pathError);
            return 2;
        }
        await services.GetRequiredService<CatalogMigrator>().MigrateAsync();
        var transfer = new CatalogTransfer(services.GetRequiredService<CatalogQueries>(), services.GetRequiredService<CatalogPublisher>());
        if (args[1] == "export")
        {
            try
            {
                var count = await transfer.ExportAsync(path.Value, directory);
                await output.WriteLineAsync($"Exported {count} item(s) from {path} to {Path.GetFullPath(directory)}.");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
        }
        if (!File.Exists(Path.Combine(directory, CatalogTransfer.ManifestName)))
        {
            await error.WriteLineAsync($"{Path.Combine(directory, CatalogTransfer.ManifestName)} not found: is this a catalog export?");
            return 2;
        }
        var (imported, refused) = await transfer.ImportAsync(directory, path.Value, overwrite, new CatalogActor(Environment.UserName, "command line"));
        foreach (var message in refused) await error.WriteLineAsync("refused: " + message);
        await output.WriteLineAsync($"Imported {imported} item(s) into {path}; {refused.Count} refused.");
        return refused.Count == 0 ? 0 : 1;
    }
}
