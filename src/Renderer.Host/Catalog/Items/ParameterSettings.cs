using System.Data.Common;
using Renderer.Host.Catalog.Database;

namespace Renderer.Host.Catalog.Items;

/// <summary>A report parameter setting an administrator changed on the server (default values, prompt, hidden...), as JSON.</summary>
public sealed record ParameterSetting(string Name, string DataType, string Settings, string ModifiedBy, DateTimeOffset ModifiedAt);

/// <summary>
/// Server-side report parameter settings. They outlive new versions of the report while the parameter keeps its
/// name and type (SSRS keeps them the same way), and are dropped when it does not.
/// </summary>
public sealed class ParameterSettings(CatalogDatabase database)
{
    public async Task<IReadOnlyList<ParameterSetting>> GetAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Read(connection, null, itemId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CatalogResult<ParameterSetting>> SetAsync(CatalogPath reportPath, string name, string dataType, string settingsJson, CatalogActor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var item = await CatalogItemRows.ByPath(connection, transaction, reportPath, cancellationToken).ConfigureAwait(false);
        if (item is null) return CatalogError.NotFound(reportPath.Value);
        if (item.Kind != CatalogItemKind.Report) return CatalogError.WrongKind(reportPath, CatalogItemKind.Report, item.Kind);
        var now = DateTimeOffset.UtcNow;
        await using (var command = connection.Command("""
            INSERT INTO report_parameter_settings (item_id, name, data_type, settings, modified_by, modified_at) VALUES (@id, @name, @type, @settings, @user, @now)
            ON CONFLICT (item_id, name) DO UPDATE SET data_type = excluded.data_type, settings = excluded.settings, modified_by = excluded.modified_by, modified_at = excluded.modified_at
            """, transaction))
        {
            command.With("id", item.Id.ToString("D")).With("name", name).With("type", dataType).With("settings", settingsJson).With("user", actor.UserName).With("now", now.ToUnixMs());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await CatalogAudit.AppendAsync(connection, transaction, actor, "SetParameter", reportPath.Value, "Success", name, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ParameterSetting(name, dataType, settingsJson, actor.UserName, now);
    }

    /// <summary>Drops the settings of parameters the new version no longer has with the same name and type.</summary>
    internal static async Task PruneAsync(DbConnection connection, DbTransaction transaction, Guid itemId, IReadOnlyCollection<(string Name, string DataType)> parameters, CancellationToken cancellationToken)
    {
        var keep = parameters.Select(p => (p.Name.ToLowerInvariant(), p.DataType.ToLowerInvariant())).ToHashSet();
        foreach (var setting in await Read(connection, transaction, itemId, cancellationToken).ConfigureAwait(false))
        {
            if (keep.Contains((setting.Name.ToLowerInvariant(), setting.DataType.ToLowerInvariant()))) continue;
            await using var delete = connection.Command("DELETE FROM report_parameter_settings WHERE item_id = @id AND name = @name", transaction)
                .With("id", itemId.ToString("D")).With("name", setting.Name);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<ParameterSetting>> Read(DbConnection connection, DbTransaction? transaction, Guid itemId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT name, data_type, settings, modified_by, modified_at FROM report_parameter_settings WHERE item_id = @id ORDER BY name", transaction)
            .With("id", itemId.ToString("D"));
        var settings = new List<ParameterSetting>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            settings.Add(new ParameterSetting(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DbCommandExtensions.FromUnixMs(reader.GetInt64(4))));
        return settings;
    }
}
