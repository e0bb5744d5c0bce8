using System.Text.RegularExpressions;
using DataBroker;
using DataBroker.Connectors;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Catalog;

/// <summary>
/// The flat report names of the first API (<c>/api/reports/{name}</c>) on the catalog database. A name is the sample
/// <c>/Samples/{name}</c> when there is one, else the upload <c>{Catalog:LegacyUploadFolder}/{name}</c> (default
/// <c>/Uploads</c>). Uploads are published there as catalog versions: a plain upload never replaces a report, a
/// replace (PUT) adds a version, samples are read-only, and a name that a restricted data source lists is reserved
/// for the administrator.
/// </summary>
public sealed partial class LegacyReports(
    CatalogQueries queries,
    CatalogPublisher publisher,
    CatalogReports reports,
    IOptions<CatalogDatabaseOptions> options,
    IOptions<DataBrokerOptions> broker)
{
    /// <summary>Where plain uploads go.</summary>
    public CatalogPath UploadFolder => CatalogPath.Parse(options.Value.LegacyUploadFolder);

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>The report a legacy name stands for: the sample of that name, else the upload; null when neither exists.</summary>
    public async Task<CatalogItem?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!IsValidName(name)) return null;
        foreach (var folder in new[] { SampleSeeder.Folder, UploadFolder })
            if (await queries.GetAsync(folder.Child(name), cancellationToken).ConfigureAwait(false) is { Kind: CatalogItemKind.Report } item) return item;
        return null;
    }

    /// <summary>The samples and the uploads, by name; a sample hides an upload of the same name.</summary>
    public async Task<IReadOnlyList<CatalogItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var byName = new SortedDictionary<string, CatalogItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in new[] { UploadFolder, SampleSeeder.Folder })
        {
            for (var skip = 0; ; skip += CatalogQueries.MaxPageSize)
            {
                var page = await queries.ChildrenAsync(folder, skip, CatalogQueries.MaxPageSize, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Where(i => i.Kind == CatalogItemKind.Report)) byName[item.Name] = item;
                if (page.Count < CatalogQueries.MaxPageSize) break;
            }
        }
        return [.. byName.Values];
    }

    /// <summary>
    /// Reads, compiles and publishes <paramref name="bytes"/> as the upload <paramref name="name"/>. Without
    /// <paramref name="replace"/> an existing report is a conflict (CAT9003); with it the upload is its next version.
    /// </summary>
    public async Task<LegacyUpload> UploadAsync(string name, byte[] bytes, bool replace, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        if (name.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase)) name = Path.GetFileNameWithoutExtension(name);
        if (!IsValidName(name))
            return LegacyUpload.Refused(CatalogError.InvalidPath($"'{name}' is not a valid report name: use letters, digits, spaces, '_', '-' and '.', up to 100 characters."));
        var path = UploadFolder.Child(name);
        // Checked before the (costly) read and compile; the publish checks existence again in its transaction.
        if (await Conflict(name, path, replace, cancellationToken).ConfigureAwait(false) is { } early) return LegacyUpload.Refused(early);
        var validation = await reports.ValidateAsync(bytes, name + ".rdl", path.Value).ConfigureAwait(false);
        if (!validation.Success) return new LegacyUpload(null, null, validation);
        var folder = await publisher.EnsureFolderAsync(UploadFolder, CatalogActor.System, cancellationToken).ConfigureAwait(false);
        if (!folder.Success) return LegacyUpload.Refused(folder.Error!);
        var parameters = validation.Entry!.Definition.Parameters.Select(p => (p.Name, p.DataType.ToString())).ToList();
        var published = await publisher.PublishAsync(path, CatalogItemKind.Report, bytes,
            new PublishOptions { Overwrite = replace, ContentType = "application/xml", Parameters = parameters, Comment = "Uploaded through /api/reports" }, actor, cancellationToken).ConfigureAwait(false);
        if (!published.Success) return LegacyUpload.Refused(Explain(published.Error!, name));
        return new LegacyUpload(published.Value, null, validation);
    }

    /// <summary>Why an upload may not take <paramref name="name"/>, or null when it may.</summary>
    private async Task<CatalogError?> Conflict(string name, CatalogPath path, bool replace, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(SampleSeeder.Folder.Child(name), cancellationToken).ConfigureAwait(false) is { } sample)
            return new CatalogError(Rdl.Model.Diagnostics.DiagnosticCodes.Catalog.ReadOnly, CatalogErrorKind.ReadOnly, $"Report '{sample.Name}' is a sample deployed with the server ({sample.Path}) and is read-only; upload under another name.");
        if (DataSourceAccess.IsNamed(broker.Value, name))
            return new CatalogError(Rdl.Model.Diagnostics.DiagnosticCodes.Catalog.ReadOnly, CatalogErrorKind.ReadOnly,
                $"The name '{name}' is reserved: a restricted data source lists it in AllowedReports, so only the administrator deploys it (in the samples folder).");
        if (!replace && await queries.GetAsync(path, cancellationToken).ConfigureAwait(false) is { } existing)
            return Explain(CatalogError.Exists(existing.Path), existing.Name);
        return null;
    }

    private static CatalogError Explain(CatalogError error, string name) => error.Code == Rdl.Model.Diagnostics.DiagnosticCodes.Catalog.Exists
        ? error with { Message = $"Report '{name}' already exists; replace it explicitly with PUT /api/reports/{Uri.EscapeDataString(name)}." }
        : error;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,99}$")]
    private static partial Regex ValidName();
}

/// <summary>The outcome of a legacy upload: the published version, or the catalog's refusal, or the report's diagnostics.</summary>
public sealed record LegacyUpload(PublishedVersion? Published, CatalogError? Error, CatalogResult Validation)
{
    public bool Success => Published is not null;

    internal static LegacyUpload Refused(CatalogError error) => new(null, error, new CatalogResult(false, null, []));
}
