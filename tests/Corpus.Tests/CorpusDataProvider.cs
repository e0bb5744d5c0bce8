using DataBroker;
using DataBroker.Queries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rdl.Model.Definitions;
using Renderer.Sandbox.Data;

namespace Corpus.Tests;

/// <summary>
/// Serves a corpus report's datasets in process, in this order: the real data broker (<see cref="QueryRunner"/>, with no
/// registered data source, so it only serves data the report carries inline: XML &lt;XmlData&gt; queries and fyiReporting
/// &lt;Rows&gt;); a data file shipped beside the RDL (<c>&lt;Rows File="x.xml"/&gt;</c>, which the broker refuses by design);
/// else deterministic generated rows (<see cref="GeneratedRows"/>). Remembers which it used per dataset.
/// </summary>
internal sealed class CorpusDataProvider(ReportDefinition report, EmbeddedRows embedded) : IDataSetProvider
{
    private static readonly Lazy<IQueryRunner> Broker = new(() =>
    {
        var services = new ServiceCollection();
        services.AddDataBroker(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider().GetRequiredService<IQueryRunner>();
    });

    private readonly Dictionary<string, string> _sources = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Dataset name -> "inline" (broker), "file" (data shipped beside the RDL) or "generated", for the datasets the render asked for.</summary>
    public IReadOnlyDictionary<string, string> Sources
    {
        get
        {
            lock (_sources) return new Dictionary<string, string>(_sources, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Providers of the subreports found beside the RDL file, by name; their requests arrive under qualified names.</summary>
    public Dictionary<string, CorpusDataProvider> Subreports { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        if (!Renderer.Sandbox.Protocol.SubreportDataSetName.TryParse(dataSetName, out var subreport, out var dataSet))
            return RowsAsync(dataSetName, parameters, cancellationToken, record: true);
        return Subreports.TryGetValue(subreport, out var provider)
            ? provider.GetDataSetAsync(dataSet, parameters, cancellationToken)
            : throw new DataSetRequestException(dataSet, $"The render has no subreport '{subreport}'.");
    }

    /// <summary>The rows of a dataset; <paramref name="record"/> false when they are only looked at (to choose parameter values).</summary>
    public async Task<(DataSetRows Rows, string Source)> PeekAsync(string dataSetName, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(dataSetName, new Dictionary<string, object?>(), cancellationToken, record: false);
        lock (_sources) return (rows, _lastSource);
    }

    private string _lastSource = "generated";

    private async Task<DataSetRows> RowsAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken, bool record)
    {
        var dataSet = report.FindDataSet(dataSetName)
            ?? throw new DataSetRequestException(dataSetName, $"The report does not declare dataset '{dataSetName}'.");
        string source;
        DataSetRows rows;
        if (await FromBrokerAsync(dataSet.Name, parameters, cancellationToken) is { } inline) (source, rows) = ("inline", inline);
        else if (embedded.For(dataSet) is { } file) (source, rows) = ("file", file);
        else (source, rows) = ("generated", GeneratedRows.For(dataSet));
        lock (_sources)
        {
            _lastSource = source;
            if (record) _sources[dataSet.Name] = source;
        }
        return rows;
    }

    private async Task<DataSetRows?> FromBrokerAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        await using var result = await Broker.Value.ExecuteAsync(report, dataSetName, parameters, cancellationToken);
        if (!result.Success) return null;
        var rows = new List<object?[]>();
        await foreach (var row in result.Rows.WithCancellation(cancellationToken)) rows.Add(row);
        return new DataSetRows(result.Columns, rows);
    }
}
