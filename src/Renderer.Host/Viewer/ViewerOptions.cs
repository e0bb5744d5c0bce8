using Microsoft.Extensions.Options;

namespace Renderer.Host.Viewer;

/// <summary>
/// <c>Viewer:*</c>: how many viewer sessions the server keeps and for how long. A session holds the rows its first
/// render received (the snapshot) and the HTML of its current pages; sessions idle for longer than
/// <see cref="SessionTimeout"/> are dropped (SSRS's SessionTimeout, 10 minutes by default), and when the sessions
/// together hold more than <see cref="MaxTotalBytes"/> the least recently used go first.
/// </summary>
public sealed class ViewerOptions
{
    public const string SectionName = "Viewer";

    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most rows (estimated bytes) one session's snapshot keeps; past it the session queries again on each re-render.</summary>
    public long MaxSnapshotBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most bytes all sessions hold together (snapshots and pages).</summary>
    public long MaxTotalBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Most open sessions per user; opening one more drops that user's least recently used.</summary>
    public int MaxSessionsPerUser { get; set; } = 20;

    /// <summary>How long a request for a page not yet written waits for it before answering 202 (try again).</summary>
    public TimeSpan PageWait { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class ViewerOptionsValidator : IValidateOptions<ViewerOptions>
{
    public ValidateOptionsResult Validate(string? name, ViewerOptions options)
    {
        var errors = new List<string>();
        if (options.SessionTimeout < TimeSpan.FromSeconds(10) || options.SessionTimeout > TimeSpan.FromDays(1))
            errors.Add("Viewer:SessionTimeout must be between 00:00:10 and 1.00:00:00.");
        if (options.MaxSnapshotBytes < 0) errors.Add("Viewer:MaxSnapshotBytes must not be negative (0 keeps no snapshot).");
        if (options.MaxTotalBytes < 1024 * 1024) errors.Add("Viewer:MaxTotalBytes must be at least 1048576 (1 MiB).");
        if (options.MaxSessionsPerUser < 1) errors.Add("Viewer:MaxSessionsPerUser must be at least 1.");
        if (options.PageWait < TimeSpan.FromSeconds(1) || options.PageWait > TimeSpan.FromMinutes(5))
            errors.Add("Viewer:PageWait must be between 00:00:01 and 00:05:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
