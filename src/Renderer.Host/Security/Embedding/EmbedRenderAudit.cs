using System.Text.Json;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;
using Renderer.Host.Viewer.Sessions;

namespace Renderer.Host.Security.Embedding;

/// <summary>An audit-log entry for each render made through an embed token: the effective user, the report, the application and the format.</summary>
public sealed class EmbedRenderAudit(CatalogDatabase database, ILogger<EmbedRenderAudit> logger)
{
    public async Task AppendAsync(EmbedGrant grant, ViewerSession session, string format, bool success, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var details = JsonSerializer.Serialize(new { application = grant.Application, format, roles = grant.Roles });
            await CatalogAudit.AppendAsync(connection, null, new CatalogActor(grant.UserName, null), "EmbedRender", session.Item.Path.Value,
                success ? "success" : "failed", details, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The render itself stands; the log records that its audit entry is missing.
            logger.LogError(exception, "Could not write the audit entry of an embedded render of {Report} for {Application}.", session.Item.Path, grant.Application);
        }
    }
}
