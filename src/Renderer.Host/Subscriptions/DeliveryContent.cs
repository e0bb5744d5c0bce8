using System.Globalization;

namespace Renderer.Host.Subscriptions;

/// <summary>One rendered report on its way to a recipient.</summary>
public sealed record DeliveryContent(
    string ReportName,
    string ReportPath,
    byte[] Bytes,
    string ContentType,
    string Extension,
    DateTimeOffset ExecutionTime,
    string ViewerUrl)
{
    /// <summary>
    /// The delivery's idempotency key (subscription, fire time, recipient; <see cref="DeliveryLedger.KeyOf"/>): a mail
    /// sent again for the same delivery carries the same Message-ID, so servers and clients that drop duplicates drop it.
    /// </summary>
    public string? DeliveryKey { get; init; }

    /// <summary><paramref name="template"/> with <c>@ReportName</c> and <c>@ExecutionTime</c> replaced.</summary>
    public string Fill(string template) => template
        .Replace("@ReportName", ReportName, StringComparison.OrdinalIgnoreCase)
        .Replace("@ExecutionTime", ExecutionTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A delivery failure worth retrying (the SMTP server or the share is unavailable), as opposed to a permanent one.</summary>
public sealed class TransientDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A delivery failure that retrying cannot fix (a bad address, a share that is not configured, a path that escapes it).</summary>
public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A way to deliver a rendered report (e-mail, file share).</summary>
public interface IDeliveryChannel
{
    string Kind { get; }

    /// <summary>Delivers <paramref name="content"/> to <paramref name="recipient"/> with <paramref name="settings"/>; throws <see cref="TransientDeliveryException"/> or <see cref="PermanentDeliveryException"/>.</summary>
    Task DeliverAsync(DeliveryContent content, DeliverySettings settings, string recipient, CancellationToken cancellationToken);
}
