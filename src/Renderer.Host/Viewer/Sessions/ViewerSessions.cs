using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Viewer.Sessions;

/// <summary>
/// The open viewer sessions of this host, in memory (a viewer's requests must reach the host that holds its session:
/// behind a load balancer, use session affinity). Bounded by <see cref="ViewerOptions"/>: idle sessions are dropped,
/// each user has at most so many, and all together hold at most so many bytes. A session is only found by its owner;
/// for anyone else it does not exist.
/// </summary>
public sealed class ViewerSessions : IDisposable
{
    private readonly ConcurrentDictionary<string, ViewerSession> _sessions = new(StringComparer.Ordinal);
    private readonly IOptions<ViewerOptions> options;
    private readonly Timer _sweeper;

    public ViewerSessions(IOptions<ViewerOptions> options)
    {
        this.options = options;
        // Idle sessions go even when nobody opens a new one (their snapshots can be large).
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(5).Ticks, options.Value.SessionTimeout.Ticks / 4));
        _sweeper = new Timer(_ => Sweep(), null, period, period);
    }

    public void Dispose() => _sweeper.Dispose();

    public int Count => _sessions.Count;

    public ViewerSession Open(string owner, CatalogItem item, CatalogEntry entry, IReadOnlyList<KeyValuePair<string, string?[]>> parameters)
    {
        Sweep();
        var mine = _sessions.Values.Where(s => s.Owner == owner).OrderByDescending(s => s.Idle).ToList();
        foreach (var old in mine.Take(Math.Max(0, mine.Count - options.Value.MaxSessionsPerUser + 1))) _sessions.TryRemove(old.Id, out _);
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new ViewerSession(id, owner, item, entry, parameters, NewSnapshot());
        _sessions[id] = session;
        return session;
    }

    public DataSnapshot NewSnapshot() => new(options.Value.MaxSnapshotBytes);

    /// <summary>The session <paramref name="id"/> when <paramref name="owner"/> owns it and it has not expired; otherwise null.</summary>
    public ViewerSession? Find(string id, string owner)
    {
        if (!_sessions.TryGetValue(id, out var session)) return null;
        if (session.Idle > options.Value.SessionTimeout)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        if (!string.Equals(session.Owner, owner, StringComparison.Ordinal)) return null;
        session.Touch();
        return session;
    }

    public void Close(ViewerSession session) => _sessions.TryRemove(session.Id, out _);

    /// <summary>Drops expired sessions, then the least recently used until the rest fit in MaxTotalBytes.</summary>
    public void Sweep()
    {
        var limit = options.Value;
        foreach (var expired in _sessions.Values.Where(s => s.Idle > limit.SessionTimeout).ToList()) _sessions.TryRemove(expired.Id, out _);
        var total = _sessions.Values.Sum(s => s.Bytes);
        foreach (var session in _sessions.Values.OrderByDescending(s => s.Idle).ToList())
        {
            if (total <= limit.MaxTotalBytes) break;
            total -= session.Bytes;
            _sessions.TryRemove(session.Id, out _);
        }
    }
}
