using Microsoft.Extensions.Options;

namespace Renderer.Host.Subscriptions;

/// <summary>Scheduled subscriptions, bound from <c>Subscriptions</c> and validated at start.</summary>
public sealed class SubscriptionOptions
{
    public const string SectionName = "Subscriptions";

    /// <summary>False: no scheduler runs on this host (the API still stores subscriptions).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most subscription renders at once on this host, so interactive renders are not starved.</summary>
    public int MaxConcurrentRenders { get; set; } = 1;

    /// <summary>Attempts of one delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; each later wait doubles it.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 30_000;

    /// <summary>Quartz worker threads (fires running at once, renders capped by <see cref="MaxConcurrentRenders"/>).</summary>
    public int SchedulerThreads { get; set; } = 4;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The folders file-share deliveries may write to, by name; a subscription names one and never a path.</summary>
    public Dictionary<string, FileShareOptions> FileShares { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The SMTP server e-mail deliveries go through.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>Tls</c> (implicit, port 465) or <c>None</c>.</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>User name to authenticate as; its password is the credential <see cref="CredentialName"/> of the credential store.</summary>
    public string? UserName { get; set; }

    public string? CredentialName { get; set; }

    public string From { get; set; } = "reports@localhost";

    /// <summary>A report larger than this is not attached; the mail carries a link to the viewer instead.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>A folder file-share deliveries may write to.</summary>
public sealed class FileShareOptions
{
    public string? Path { get; set; }
}

internal sealed class SubscriptionOptionsValidator : IValidateOptions<SubscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentRenders < 1) failures.Add("Subscriptions:MaxConcurrentRenders must be at least 1.");
        if (options.MaxAttempts is < 1 or > 50) failures.Add("Subscriptions:MaxAttempts must be between 1 and 50.");
        if (options.RetryBaseDelayMilliseconds < 0) failures.Add("Subscriptions:RetryBaseDelayMilliseconds must be 0 or positive.");
        if (options.SchedulerThreads is < 1 or > 64) failures.Add("Subscriptions:SchedulerThreads must be between 1 and 64.");
        if (options.Smtp.Port is < 1 or > 65535) failures.Add("Subscriptions:Smtp:Port must be a TCP port (1 to 65535).");
        if (options.Smtp.Security is not ("StartTls" or "Tls" or "None")) failures.Add("Subscriptions:Smtp:Security must be StartTls, Tls or None.");
        if (options.Smtp.CredentialName is not null && string.IsNullOrWhiteSpace(options.Smtp.UserName)) failures.Add("Subscriptions:Smtp:CredentialName needs Subscriptions:Smtp:UserName.");
        if (options.Smtp.MaxAttachmentBytes < 0) failures.Add("Subscriptions:Smtp:MaxAttachmentBytes must be 0 or positive.");
        foreach (var (share, value) in options.FileShares)
        {
            if (string.IsNullOrWhiteSpace(value?.Path) || !System.IO.Path.IsPathFullyQualified(value.Path))
                failures.Add($"Subscriptions:FileShares:{share}:Path must be an absolute folder path.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
