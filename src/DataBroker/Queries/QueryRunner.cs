using System.Collections.Immutable;
using DataBroker.Connectors;
using DataBroker.Connectors.Inline;
using DataBroker.Credentials;
using DataBroker.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Queries;

/// <summary>
/// Runs one dataset query for a report: checks the report declares the dataset (DAT6002), maps its data source to a
/// registered one (DAT6001; an embedded connection string is never used), attaches the credential, binds the query
/// parameters as real provider parameters (DAT6004/DAT6005; a value for an undeclared one is DAT6009), and starts the query. Provider failures become DAT6003
/// with the connection string and secrets scrubbed from the message; every row passes a <see cref="RowCheck"/> (sizes,
/// the render's budget, no secret in a value). Cancellation via the token propagates as
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class QueryRunner : IQueryRunner
{
    private readonly DataSourceResolver _resolver;
    private readonly Dictionary<string, IDataSourceConnector> _connectors;
    private readonly ICredentialStore _credentials;
    private readonly IOptions<DataBrokerOptions> _options;
    private readonly ILogger<QueryRunner> _logger;

    public QueryRunner(
        DataSourceResolver resolver,
        IEnumerable<IDataSourceConnector> connectors,
        ICredentialStore credentials,
        IOptions<DataBrokerOptions> options,
        ILogger<QueryRunner> logger)
    {
        _resolver = resolver;
        _connectors = new Dictionary<string, IDataSourceConnector>(StringComparer.OrdinalIgnoreCase);
        foreach (var connector in connectors) _connectors[connector.Provider] = connector;
        _credentials = credentials;
        _options = options;
        _logger = logger;
    }

    public RenderDataBudget CreateRenderBudget() => new(_options.Value.MaxRenderBytes);

    public Task<DataQueryResult> ExecuteAsync(
        ReportDefinition report, string dataSetName, IReadOnlyDictionary<string, object?> parameterValues, RenderDataBudget? budget, CancellationToken cancellationToken) =>
        ExecuteAsync(report, dataSetName, parameterValues, budget, access: null, cancellationToken);

    public async Task<DataQueryResult> ExecuteAsync(
        ReportDefinition report, string dataSetName, IReadOnlyDictionary<string, object?> parameterValues, RenderDataBudget? budget, DataAccess? access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dataSetName);
        ArgumentNullException.ThrowIfNull(parameterValues);
        cancellationToken.ThrowIfCancellationRequested();

        var dataSet = report.FindDataSet(dataSetName);
        if (dataSet is null) return Refuse(report, dataSetName, DataDiagnostics.Undeclared(dataSetName, report.Name));

        // A dataset bound to an administrator's shared dataset runs that dataset's query on its source, with its security.
        var binding = access?.Find(report, dataSet.Name);
        if (binding is null && dataSet.SharedDataSetReference is not null && access is not null) return Refuse(report, dataSet.Name, SecurityDiagnostics.Unbound(dataSet));
        if (binding is not null)
        {
            var hidden = SecuredRowSource.HiddenColumns(binding.Security, access!.Identity);
            if (dataSet.Fields.FirstOrDefault(f => f.DataField is { } column && hidden.Contains(column)) is { } used)
                return Refuse(report, dataSet.Name, SecurityDiagnostics.Hidden(dataSet, used.DataField!, binding.Path));
            dataSet = dataSet with { Query = dataSet.Query with { DataSourceName = binding.RegisteredSource, CommandText = binding.CommandText } };
        }
        var resolution = binding is not null ? _resolver.ResolveRegistered(binding.RegisteredSource, report, dataSet) : _resolver.Resolve(report, dataSet);
        if (binding is null && resolution.DataSource is { } protectedSource && _options.Value.DataSources[protectedSource.Name].RowLevelSecurity)
            return Refuse(report, dataSet.Name, SecurityDiagnostics.Protected(dataSet, protectedSource.Name));
        switch (binding is not null ? InlineKind.None : InlineData.Classify(report, dataSet))
        {
            case InlineKind.Inline:
                return OpenInline(report, dataSet, budget ?? CreateRenderBudget(), cancellationToken);
            case InlineKind.RefuseUnlessRegistered when !resolution.Success:
                return Refuse(report, dataSet.Name, InlineData.Refusal(report, dataSet));
        }

        if (resolution.DataSource is not { } source) return Refuse(report, dataSet.Name, resolution.Diagnostic!);
        WarnIfEmbedded(report, dataSet, source);

        if (!_connectors.TryGetValue(source.Provider, out var connector))
        {
            return Refuse(report, dataSet.Name, DataDiagnostics.Misconfigured(
                dataSet.Name, $"Data source '{source.Name}' uses provider '{source.Provider}', which this server does not support", dataSet.Query.Location));
        }

        DataCredential? credential = null;
        if (source.CredentialName is { } credentialName && (credential = _credentials.Find(credentialName)) is null)
        {
            return Refuse(report, dataSet.Name, DataDiagnostics.Misconfigured(
                dataSet.Name, $"Data source '{source.Name}' names credential '{credentialName}', which is not defined under DataBroker:Credentials", dataSet.Query.Location));
        }

        var diagnostics = new DiagnosticBag();
        UndeclaredParameterCheck.Check(dataSet, parameterValues, diagnostics);
        var bound = QueryParameterBinder.Bind(dataSet, parameterValues, diagnostics);
        var parameters = bound.Parameters;
        if (diagnostics.HasErrors)
        {
            var refused = diagnostics.ToImmutable();
            foreach (var d in refused) DataBrokerLog.Refused(_logger, dataSet.Name, report.Name, d.Code, d.Message);
            return DataQueryResult.Failure(refused);
        }

        DataBrokerLog.Request(_logger, report.Name, dataSet.Name, source.Name, source.Provider, string.Join(", ", parameters.Select(p => p.Name)));

        // Decrypted only now, as the connection opens; an encrypted connection string overrides the configured one.
        var secret = _credentials.OpenConnectionString(source.Name);
        if (secret.Failed)
        {
            return Refuse(report, dataSet.Name, RdlDiagnostic.Error(secret.ErrorCode!, secret.ErrorMessage!, dataSet.Query.Location, $"DataSet '{dataSet.Name}'"));
        }

        if (secret.ConnectionString is { } stored) source = source with { ConnectionString = stored };

        var options = _options.Value;
        var limits = DataLimits.From(options);
        var request = new ConnectorRequest(
            dataSet.Name, source, credential, bound.CommandText, parameters, TimeSpan.FromSeconds(options.QueryTimeoutSeconds), limits);
        var scrubber = SecretScrubber.For(source, credential);
        IRowSource rows;
        try
        {
            rows = await connector.OpenAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var failure = ex is DataLimitException
                ? DataDiagnostics.TooLarge(dataSet.Name, ex.Message, dataSet.Query.Location)
                : DataDiagnostics.Failed(dataSet.Name, scrubber.Scrub(ex.Message), dataSet.Query.Location);
            DataBrokerLog.QueryFailed(_logger, dataSet.Name, ex.GetType().Name, failure.Code, failure.Message);
            return DataQueryResult.Failure(failure);
        }

        if (binding is not null && (binding.Security.FiltersRows || binding.Security.HiddenFields.Count > 0))
        {
            var secured = SecuredRowSource.Wrap(rows, binding.Security, access!.Identity, out var missingColumn);
            if (secured is null)
            {
                await rows.DisposeAsync().ConfigureAwait(false);
                return Refuse(report, dataSet.Name, SecurityDiagnostics.MissingColumn(dataSet, binding.Path, missingColumn!));
            }
            rows = secured;
        }
        var check = new RowCheck(dataSet.Name, rows.Columns, limits, budget ?? CreateRenderBudget(), scrubber, dataSet.Query.Location);
        var stream = new StreamingRows(rows, dataSet.Name, dataSet.Query.Location, options.MaxRows, check, scrubber, cancellationToken, _logger);
        return DataQueryResult.Streaming(diagnostics.ToImmutable(), rows.Columns, stream);
    }

    /// <summary>Serves rows the report carries itself (see <see cref="InlineData"/>); no registered source or credential is involved.</summary>
    private DataQueryResult OpenInline(ReportDefinition report, DataSetDefinition dataSet, RenderDataBudget budget, CancellationToken cancellationToken)
    {
        var inline = new RegisteredDataSource("(inline)", "inline", string.Empty, null);
        DataBrokerLog.Request(_logger, report.Name, dataSet.Name, inline.Name, inline.Provider, string.Empty);
        IRowSource rows;
        try
        {
            rows = InlineData.Open(dataSet);
        }
        catch (InlineDataRefusedException ex)
        {
            return Refuse(report, dataSet.Name, DataDiagnostics.Refused(dataSet.Name, ex.Message, dataSet.Location));
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or FormatException)
        {
            var failure = DataDiagnostics.Failed(dataSet.Name, $"the inline XML data cannot be read: {ex.Message}", dataSet.Query.Location);
            DataBrokerLog.QueryFailed(_logger, dataSet.Name, ex.GetType().Name, failure.Code, failure.Message);
            return DataQueryResult.Failure(failure);
        }

        var options = _options.Value;
        var scrubber = SecretScrubber.For(inline, null);
        var check = new RowCheck(dataSet.Name, rows.Columns, DataLimits.From(options), budget, scrubber, dataSet.Query.Location);
        var stream = new StreamingRows(rows, dataSet.Name, dataSet.Query.Location, options.MaxRows, check, scrubber, cancellationToken, _logger);
        return DataQueryResult.Streaming([], rows.Columns, stream);
    }

    private DataQueryResult Refuse(ReportDefinition report, string dataSetName, RdlDiagnostic diagnostic)
    {
        DataBrokerLog.Refused(_logger, dataSetName, report.Name, diagnostic.Code, diagnostic.Message);
        return DataQueryResult.Failure(diagnostic);
    }

    private void WarnIfEmbedded(ReportDefinition report, DataSetDefinition dataSet, RegisteredDataSource source)
    {
        var declared = report.DataSources.FirstOrDefault(d => string.Equals(d.Name, dataSet.Query.DataSourceName, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(declared?.ConnectString))
        {
            DataBrokerLog.EmbeddedConnectionIgnored(_logger, declared.Name, report.Name, source.Name);
        }
    }
}
