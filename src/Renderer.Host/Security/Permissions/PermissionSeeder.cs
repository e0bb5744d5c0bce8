using Microsoft.Extensions.Options;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Infrastructure;
using Renderer.Host.Security.Identity;

namespace Renderer.Host.Security.Permissions;

/// <summary>
/// Gives a catalog without any role assignment its first administrators (after the catalog's own start-up work):
/// <c>Security:SignIn:InitialAdministrators</c> become System Administrator and Content Manager of the root. With the
/// built-in development provider its sample users get theirs too, on a <c>/Sales</c> folder holding a sample report:
/// the publisher Browser and Publisher, the analyst Browser only.
/// </summary>
public sealed class PermissionSeeder(
    PermissionStore store,
    CatalogPublisher publisher,
    RendererPaths paths,
    IOptions<SignInOptions> options,
    IServiceProvider services,
    ILogger<PermissionSeeder> logger) : IHostedService
{
    public static CatalogPath SalesFolder { get; } = CatalogPath.Parse("/Sales");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.AnyAsync(cancellationToken).ConfigureAwait(false)) return;
        var dev = services.GetService<DevIdentitySecrets>() is not null;
        var administrators = options.Value.InitialAdministrators.Select(p => Principal.Parse(p)!).ToList();
        if (dev) administrators.Add(Principal.User(DevUsers.Admin.Name));
        if (administrators.Count == 0)
        {
            logger.LogWarning("The catalog has no role assignments and Security:SignIn:InitialAdministrators is empty, so nobody can administer it. Set it (see the README's Sign-in section) and restart.");
            return;
        }
        var admins = administrators.Distinct().ToList();
        if (dev) await SeedSalesAsync(cancellationToken).ConfigureAwait(false);
        await store.SetSystemAsync(admins.Select(a => new RoleAssignment(a, [Roles.SystemAdministrator])).ToList(), CatalogActor.System, cancellationToken).ConfigureAwait(false);
        await store.SetItemAsync(null, false, admins.Select(a => new RoleAssignment(a, [Roles.ContentManager])).ToList(), CatalogActor.System, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Made {Administrators} System Administrator and Content Manager of the root folder.", string.Join(", ", admins));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedSalesAsync(CancellationToken cancellationToken)
    {
        var folder = await publisher.EnsureFolderAsync(SalesFolder, CatalogActor.System, cancellationToken).ConfigureAwait(false);
        if (!folder.Success) throw new InvalidOperationException($"The /Sales folder could not be created: {folder.Error!.Message}");
        var sample = Path.Combine(paths.SamplesFolder, "Sales.rdl");
        if (File.Exists(sample))
            await publisher.PublishAsync(SalesFolder.Child("Sales Summary"), CatalogItemKind.Report, await File.ReadAllBytesAsync(sample, cancellationToken).ConfigureAwait(false),
                new PublishOptions { Comment = "Sample report for the development sign-in", ContentType = "application/xml" }, CatalogActor.System, cancellationToken).ConfigureAwait(false);
        await store.SetItemAsync(folder.Value, false,
        [
            new RoleAssignment(Principal.User(DevUsers.Admin.Name), [Roles.ContentManager]),
            new RoleAssignment(Principal.User(DevUsers.Publisher.Name), [Roles.Browser, Roles.Publisher]),
            new RoleAssignment(Principal.User(DevUsers.Analyst.Name), [Roles.Browser]),
        ], CatalogActor.System, cancellationToken).ConfigureAwait(false);
    }
}
