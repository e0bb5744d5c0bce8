using System.Text.Json;
using DataBroker.Security;
using Rdl.Model.Definitions;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Security.DataSecurity;

/// <summary>
/// Resolves, for one render, each dataset that names a shared dataset (<c>&lt;SharedDataSet&gt;</c>) to the catalog's
/// definition: the administrator's query, the registered source of its shared data source, and its row-level and
/// object-level security. A reference is a catalog path, absolute or relative to the report's folder. A reference that
/// does not resolve is left unbound, so the broker refuses that dataset (DAT6052) instead of running anything else.
/// </summary>
public sealed class SharedDataSetBinder(CatalogQueries catalog, DataSetSecurityStore security)
{
    /// <summary>The data access of a render of <paramref name="report"/> (at <paramref name="reportPath"/>) and its subreports, as <paramref name="identity"/>.</summary>
    public async Task<DataAccess> BindAsync(EffectiveIdentity identity, ReportDefinition report, string? reportPath, IReadOnlyDictionary<string, ReportDefinition>? subreports, CancellationToken cancellationToken)
    {
        var access = new DataAccess(identity);
        await BindReportAsync(access, report, reportPath, cancellationToken).ConfigureAwait(false);
        foreach (var (name, definition) in subreports ?? new Dictionary<string, ReportDefinition>())
            await BindReportAsync(access, definition, name.StartsWith('/') ? name : reportPath, cancellationToken).ConfigureAwait(false);
        return access;
    }

    private async Task BindReportAsync(DataAccess access, ReportDefinition report, string? reportPath, CancellationToken cancellationToken)
    {
        foreach (var dataSet in report.DataSets)
        {
            if (dataSet.SharedDataSetReference is not { } reference || Resolve(reference, reportPath) is not { } path) continue;
            if (await BindingAsync(path, cancellationToken).ConfigureAwait(false) is { } binding) access.Bind(report, dataSet.Name, binding);
        }
    }

    private async Task<SharedDataSetBinding?> BindingAsync(CatalogPath path, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(path, cancellationToken).ConfigureAwait(false) is not { Kind: CatalogItemKind.DataSet, DeletedAt: null } item) return null;
        var definition = Read(item.Properties);
        if (definition?.DataSourcePath is not { } sourceText || string.IsNullOrWhiteSpace(definition.CommandText) || !CatalogPath.TryParse(sourceText, out var sourcePath, out _)) return null;
        if (await catalog.GetAsync(sourcePath.Value, cancellationToken).ConfigureAwait(false) is not { Kind: CatalogItemKind.DataSource, DeletedAt: null } source) return null;
        if (Read(source.Properties)?.RegisteredSource is not { Length: > 0 } registered) return null;
        return new SharedDataSetBinding(item.Path.Value, registered, definition.CommandText, await security.GetAsync(item.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The catalog path of a reference: absolute, or relative to the report's folder (a file outside the catalog has none).</summary>
    internal static CatalogPath? Resolve(string reference, string? reportPath)
    {
        var text = reference.Trim();
        if (!text.StartsWith('/'))
        {
            if (reportPath is null || !CatalogPath.TryParse(reportPath, out var report, out _)) return null;
            text = report.Value.Parent.IsRoot ? "/" + text : report.Value.Parent.Value + "/" + text;
        }
        return CatalogPath.TryParse(text, out var path, out _) ? path : null;
    }

    private static SharedItemDefinition? Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<SharedItemDefinition>(json, DataSetSecurityStore.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record SharedItemDefinition(string? DataSourcePath, string? CommandText, string? RegisteredSource);
}
