using Microsoft.Extensions.Diagnostics.HealthChecks;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Infrastructure.Health;

/// <summary>Ready when the catalog database answers and holds this server's schema version.</summary>
public sealed class CatalogHealthCheck(CatalogDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT MAX(version) FROM schema_version";
            var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            var data = new Dictionary<string, object> { ["provider"] = database.Provider.ToString(), ["schemaVersion"] = version };
            return version == CatalogMigrator.LatestVersion
                ? HealthCheckResult.Healthy("The catalog database answers.", data)
                : HealthCheckResult.Unhealthy($"The catalog schema is at version {version}, the server expects {CatalogMigrator.LatestVersion}.", data: data);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or InvalidCastException)
        {
            return HealthCheckResult.Unhealthy("The catalog database does not answer: " + e.Message);
        }
    }
}
