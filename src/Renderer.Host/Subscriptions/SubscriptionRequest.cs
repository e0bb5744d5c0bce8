using Renderer.Contracts.Formats;

namespace Renderer.Host.Subscriptions;

/// <summary>The body of a create or edit: which report, with what, to whom, when.</summary>
public sealed record SubscriptionRequest
{
    public Guid? ReportId { get; init; }
    public string? ReportPath { get; init; }
    public string? Description { get; init; }
    public Dictionary<string, string?[]>? Parameters { get; init; }
    public string Format { get; init; } = OutputFormats.Pdf.Name;
    public string DeliveryKind { get; init; } = DeliveryKinds.Email;
    public DeliverySettings? Delivery { get; init; }
    public DataDrivenQuery? DataDriven { get; init; }
    public ScheduleDefinition? Schedule { get; init; }
    public Guid? SharedScheduleId { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>Why the request cannot be stored (besides permissions and the report's existence), or null.</summary>
    public string? Problem(SubscriptionOptions options)
    {
        if (OutputFormats.Find(Format) is null) return $"The format '{Format}' is not supported; use one of: {string.Join(", ", OutputFormats.Names)}.";
        if (!DeliveryKinds.IsKnown(DeliveryKind)) return $"'{DeliveryKind}' is not a delivery kind (email, fileshare).";
        var delivery = Delivery ?? new DeliverySettings();
        if (DeliveryKind == DeliveryKinds.Email && DataDriven is null && delivery.To.Count == 0) return "An e-mail subscription names at least one recipient (delivery.to).";
        if (DeliveryKind == DeliveryKinds.FileShare)
        {
            if (delivery.FileShare is null || !options.FileShares.ContainsKey(delivery.FileShare))
                return $"'{delivery.FileShare}' is not a configured file share (Subscriptions:FileShares).";
            if (DataDriven is null && delivery.FileName is not null)
            {
                try { FileShareDelivery.FileName(delivery.FileName, OutputFormats.Pdf.Extension); }
                catch (PermanentDeliveryException e) { return e.Message; }
            }
        }
        if (DataDriven is { } query && (string.IsNullOrWhiteSpace(query.DataSource) || string.IsNullOrWhiteSpace(query.CommandText)))
            return "A data-driven subscription names a data source and a query.";
        if (Schedule is not null && SharedScheduleId is not null) return "A subscription has its own schedule or a shared one, not both.";
        return Schedule?.Problem();
    }
}
