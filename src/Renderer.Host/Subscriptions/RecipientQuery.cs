using System.Collections.Immutable;
using System.Globalization;
using DataBroker.Queries;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;
using Renderer.Host.Catalog;

namespace Renderer.Host.Subscriptions;

/// <summary>
/// A data-driven subscription's recipients: its query runs through the broker on a registered data source, under the
/// report's catalog path (so the source's AllowedReports apply), and each row is one recipient. Column <c>To</c> is
/// the recipient (addresses, or the file name of a file share); <c>Cc</c>, <c>Bcc</c>, <c>ReplyTo</c>, <c>Subject</c>
/// and <c>Format</c> override the subscription's; a column named like a report parameter gives its value.
/// </summary>
public sealed class RecipientQuery(IQueryRunner broker)
{
    public const int MaxRecipients = 10_000;
    private const string Name = "Recipients";

    public async Task<IReadOnlyList<Recipient>> RunAsync(Subscription subscription, DataDrivenQuery query, CatalogEntry entry, CancellationToken cancellationToken)
    {
        var report = new ReportDefinition(entry.CatalogPath ?? entry.Name,
            [new DataSourceDefinition(Name, null, null, query.DataSource, SourceLocation.None)],
            [new DataSetDefinition(Name, new QueryDefinition(Name, query.CommandText, null, [], SourceLocation.None), [], SourceLocation.None)],
            [], []);
        await using var result = await broker.ExecuteAsync(report, Name, ImmutableDictionary<string, object?>.Empty, cancellationToken).ConfigureAwait(false);
        if (!result.Success)
            throw new RecipientQueryException($"The recipient query failed: {string.Join("; ", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message}"))}");
        var columns = result.Columns;
        var to = Column(columns, "To") ?? throw new RecipientQueryException("The recipient query returns no column 'To'.");
        var parameterColumns = entry.Definition.Parameters
            .Select(p => (p.Name, Index: Column(columns, p.Name))).Where(p => p.Index is not null).ToList();
        var recipients = new List<Recipient>();
        await foreach (var row in result.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (recipients.Count == MaxRecipients) throw new RecipientQueryException($"The recipient query returns more than {MaxRecipients} rows.");
            var key = Text(row, to);
            if (string.IsNullOrWhiteSpace(key)) continue;
            var parameters = new Dictionary<string, string?[]>(subscription.Parameters, StringComparer.OrdinalIgnoreCase);
            foreach (var (parameter, index) in parameterColumns) parameters[parameter] = [Text(row, index!.Value)];
            var settings = subscription.Delivery with
            {
                To = [key],
                Cc = Text(row, Column(columns, "Cc")) is { Length: > 0 } cc ? [cc] : subscription.Delivery.Cc,
                Bcc = Text(row, Column(columns, "Bcc")) is { Length: > 0 } bcc ? [bcc] : subscription.Delivery.Bcc,
                ReplyTo = Text(row, Column(columns, "ReplyTo")) ?? subscription.Delivery.ReplyTo,
                Subject = Text(row, Column(columns, "Subject")) ?? subscription.Delivery.Subject,
            };
            recipients.Add(new Recipient(key.Trim(), parameters, Text(row, Column(columns, "Format")) ?? subscription.Format, settings));
        }
        return recipients;
    }

    private static int? Column(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    private static string? Text(object?[] row, int? index) => index is { } i && row[i] is { } value
        ? Convert.ToString(value, CultureInfo.InvariantCulture)
        : null;
}

/// <summary>A data-driven subscription's recipient query could not be run or read.</summary>
public sealed class RecipientQueryException(string message) : Exception(message);
