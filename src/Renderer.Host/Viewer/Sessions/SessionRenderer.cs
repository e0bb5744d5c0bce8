using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Renderer.Contracts.Formats;
using Renderer.Host.Catalog;
using Renderer.Host.Infrastructure;
using Renderer.Host.Rendering;
using Renderer.Host.Security.Embedding;
using Renderer.Host.Security.Identity;
using Renderer.Host.Security.Permissions;

namespace Renderer.Host.Viewer.Sessions;

/// <summary>
/// Runs a viewer session's renders: the HTML pages the viewer shows (streamed, a fresh sandbox each time, fed from the
/// session's snapshot once it holds every dataset) and exports of what the user sees (toggles and sorts applied).
/// Renders of one session run one at a time; a new one starts when the one before it has ended.
/// </summary>
public sealed class SessionRenderer(RenderService renderer, CatalogReports reports, PermissionChecker permissions, IOptions<PublicUrlOptions> publicUrl, ILogger<SessionRenderer> logger, Catalog.Logs.ExecutionLogWriter? log = null, EmbedRenderAudit? audit = null)
{
    /// <summary>
    /// Starts a new render of <paramref name="session"/> with its current toggles and sorts, after the render before it
    /// has ended; returns it as soon as it has started (its pages follow). <paramref name="requery"/> runs the queries
    /// again (Refresh) instead of using the snapshot.
    /// </summary>
    public async Task<SessionRender> StartAsync(ViewerSession session, Caller caller, bool requery, DataSnapshot? fresh, CancellationToken cancellationToken)
    {
        await session.RenderGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SessionRender render;
        try
        {
            if (requery && fresh is not null) session.Renew(fresh);
            render = session.BeginRender();
        }
        catch
        {
            session.RenderGate.Release();
            throw;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(session, caller, render).ConfigureAwait(false);
            }
            finally
            {
                session.RenderGate.Release();
            }
        }, CancellationToken.None);
        return render;
    }

    /// <summary>The session's report in <paramref name="format"/> as the user sees it (toggles and sorts), from the snapshot.</summary>
    public async Task<RenderResult> ExportAsync(ViewerSession session, Caller caller, OutputFormat format, CancellationToken cancellationToken)
    {
        await session.RenderGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        session.RenderGate.Release();
        var sink = new SessionRender(0);
        return await RenderAsync(session, caller, format.Name, streamPages: false, sink, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(ViewerSession session, Caller caller, SessionRender render)
    {
        try
        {
            var result = await RenderAsync(session, caller, OutputFormats.Html.Name, streamPages: true, render, CancellationToken.None).ConfigureAwait(false);
            if (result.Success) render.Complete(System.Text.Encoding.UTF8.GetString(result.Content), result.PageCount, result.Diagnostics);
            else render.Fail(result.Diagnostics);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The viewer render of {Report} failed", session.Item.Path);
            render.Fail([RdlDiagnostic.Error(DiagnosticCodes.Server.ViewerRenderFailed, "The report could not be rendered; the server log has the details.", SourceLocation.None)]);
        }
    }

    /// <summary>
    /// Renders the session's report and writes the execution log entry: request type Interactive for the viewer's pages,
    /// Export for a download; source Session when the rows came from the snapshot (SSRS's ExecutionLog3), else Live.
    /// </summary>
    private async Task<RenderResult> RenderAsync(ViewerSession session, Caller caller, string format, bool streamPages, SessionRender sink, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var fromSnapshot = session.Snapshot.Complete;
        var result = await RenderCoreAsync(session, caller, format, streamPages, sink, cancellationToken).ConfigureAwait(false);
        if (caller.Embed is { } grant && audit is not null) await audit.AppendAsync(grant, session, format, result.Success, cancellationToken).ConfigureAwait(false);
        if (log is not null)
        {
            var t = result.Timings;
            var status = result.Success ? "Success" : result.Diagnostics.FirstOrDefault(d => d.IsError)?.Code ?? result.Failure.ToString();
            var parameters = string.Join('&', session.Parameters.SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty))));
            await log.AppendAsync(new Catalog.Logs.ExecutionLogEntry(
                session.Item.Path.Value, caller.UserId, streamPages ? Catalog.Logs.RequestTypes.Interactive : Catalog.Logs.RequestTypes.Export, format,
                parameters.Length == 0 ? null : parameters, start, start.AddMilliseconds(t.Total), t.DataRetrieval, t.Processing, t.Rendering,
                fromSnapshot ? "Session" : "Live", status, result.Content.Length, t.RowCount, result.PageCount, result.PeakMemoryBytes / 1024)).ConfigureAwait(false);
        }
        return result;
    }

    private Task<RenderResult> RenderCoreAsync(ViewerSession session, Caller caller, string format, bool streamPages, SessionRender sink, CancellationToken cancellationToken)
    {
        var snapshot = session.Snapshot;
        var interactive = new InteractiveRender(session.ToggledItems, session.UserSorts, streamPages,
            broker => new SessionDataHandler(broker, snapshot, sink), ReplaysData: snapshot.Complete, ExecutionTime: session.ExecutionTime);
        // An embedded report's subreports are those its application may view (the embed caller has no catalog roles).
        var subreports = CatalogFolderSubreports.ViewableBy(reports, session.Item.Path, permissions, caller.Embed?.ApplicationCaller ?? caller);
        return renderer.RenderAsync(session.Entry, format, session.Parameters, caller.UserId, publicUrl.Value.PublicBaseUrl, subreports, cancellationToken,
            userLanguage: caller.Language, interactive: interactive, identity: caller.DataIdentity);
    }
}
