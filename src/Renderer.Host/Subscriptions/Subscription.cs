namespace Renderer.Host.Subscriptions;

/// <summary>
/// A subscription: a report rendered with <see cref="Parameters"/> in <see cref="Format"/> as its <see cref="Owner"/>,
/// delivered by e-mail or to a file share, on its own <see cref="Schedule"/> or on a shared schedule. With
/// <see cref="DataDriven"/> a query gives one delivery per row instead of the one of <see cref="Delivery"/>.
/// </summary>
public sealed record Subscription(
    Guid Id,
    string Owner,
    IReadOnlyList<string> OwnerPrincipals,
    Guid ReportItemId,
    string? Description,
    IReadOnlyDictionary<string, string?[]> Parameters,
    string Format,
    string DeliveryKind,
    DeliverySettings Delivery,
    DataDrivenQuery? DataDriven,
    ScheduleDefinition? Schedule,
    Guid? SharedScheduleId,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt,
    DateTimeOffset? LastRunAt = null,
    string? LastStatus = null);

/// <summary>The delivery kinds.</summary>
public static class DeliveryKinds
{
    public const string Email = "email";
    public const string FileShare = "fileshare";

    public static bool IsKnown(string? kind) => kind is Email or FileShare;
}

/// <summary>
/// Where and how a rendered report goes. E-mail: <see cref="To"/>, <see cref="Cc"/>, <see cref="Bcc"/>,
/// <see cref="ReplyTo"/>, <see cref="Subject"/> and <see cref="Body"/> (both may say <c>@ReportName</c> and
/// <c>@ExecutionTime</c>), the report attached (<see cref="IncludeReport"/>) and/or a link to the viewer
/// (<see cref="IncludeLink"/>). File share: the configured share <see cref="FileShare"/>, a <see cref="FileName"/>
/// (no folders), and <see cref="Overwrite"/> (else the name gets a number: Report (1).pdf).
/// </summary>
public sealed record DeliverySettings
{
    public IReadOnlyList<string> To { get; init; } = [];
    public IReadOnlyList<string> Cc { get; init; } = [];
    public IReadOnlyList<string> Bcc { get; init; } = [];
    public string? ReplyTo { get; init; }
    public string Subject { get; init; } = "@ReportName was executed at @ExecutionTime";
    public string? Body { get; init; }
    public bool IncludeReport { get; init; } = true;
    public bool IncludeLink { get; init; }
    public string? FileShare { get; init; }
    public string? FileName { get; init; }
    public bool Overwrite { get; init; } = true;
}

/// <summary>
/// A data-driven subscription's query on a registered data source, run through the broker: one row per recipient.
/// A column <c>To</c> gives the recipient (e-mail addresses, or the file name for a file share), <c>Format</c> the
/// format, and a column named like a report parameter that parameter's value.
/// </summary>
public sealed record DataDrivenQuery(string DataSource, string CommandText);

/// <summary>A shared schedule: subscriptions that name it fire on it; pausing it pauses them all.</summary>
public sealed record SharedSchedule(Guid Id, string Name, ScheduleDefinition Schedule, bool Paused, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ModifiedAt);

/// <summary>The states of a delivery.</summary>
public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>
/// One delivery of one fire to one recipient, stored before it is attempted: its <see cref="IdempotencyKey"/>
/// (subscription, fire time, recipient) is unique, so a fire run again finds what it already sent.
/// </summary>
public sealed record DeliveryRecord(
    Guid Id,
    Guid SubscriptionId,
    DateTimeOffset FireTime,
    string Recipient,
    string IdempotencyKey,
    string State,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt);
