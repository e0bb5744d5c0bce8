using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;
using Renderer.Sandbox;

namespace Renderer.Host.Viewer.Sessions;

/// <summary>
/// One user's view of one report with one set of parameter values: the data snapshot its first render recorded, the
/// drilldown toggles and interactive sorts chosen since, and the current render. It belongs to <see cref="Owner"/>
/// alone; its id is 128 random bits.
/// </summary>
public sealed class ViewerSession(string id, string owner, CatalogItem item, CatalogEntry entry, IReadOnlyList<KeyValuePair<string, string?[]>> parameters, DataSnapshot snapshot)
{
    private readonly HashSet<string> _toggled = new(StringComparer.Ordinal);
    private readonly List<UserSortState> _sorts = [];
    private long _lastUsed = Environment.TickCount64;
    private int _generation;

    public string Id { get; } = id;

    public string Owner { get; } = owner;

    public CatalogItem Item { get; } = item;

    public CatalogEntry Entry { get; } = entry;

    public IReadOnlyList<KeyValuePair<string, string?[]>> Parameters { get; } = parameters;

    public DataSnapshot Snapshot { get; private set; } = snapshot;

    /// <summary>Globals!ExecutionTime of every render in the session (the first view's time, as in SSRS).</summary>
    public DateTime ExecutionTime { get; private set; } = DateTime.Now;

    public SessionRender? Current { get; private set; }

    /// <summary>Serialises the session's renders: a toggle waits for the render before it.</summary>
    public SemaphoreSlim RenderGate { get; } = new(1, 1);

    public TimeSpan Idle => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public void Touch() => Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);

    public IReadOnlyList<string> ToggledItems
    {
        get
        {
            lock (_toggled) return [.. _toggled.Order(StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<UserSortState> UserSorts
    {
        get
        {
            lock (_toggled) return [.. _sorts];
        }
    }

    /// <summary>Flips toggle <paramref name="toggleId"/> from its current state.</summary>
    public void Toggle(string toggleId)
    {
        lock (_toggled)
        {
            if (!_toggled.Remove(toggleId)) _toggled.Add(toggleId);
        }
    }

    /// <summary>Sorts by <paramref name="sortId"/>, replacing an earlier sort by the same control (the newest sort is applied last).</summary>
    public void Sort(string sortId, bool descending)
    {
        lock (_toggled)
        {
            _sorts.RemoveAll(s => s.Id == sortId);
            _sorts.Add(new UserSortState(sortId, descending));
        }
    }

    /// <summary>Refresh: a new snapshot (the queries run again) and a new execution time; toggles and sorts are kept.</summary>
    public void Renew(DataSnapshot snapshot)
    {
        Snapshot = snapshot;
        ExecutionTime = DateTime.Now;
    }

    public SessionRender BeginRender()
    {
        var render = new SessionRender(Interlocked.Increment(ref _generation));
        Current = render;
        return render;
    }

    /// <summary>Bytes the session holds: its snapshot and its current pages.</summary>
    public long Bytes => Snapshot.Bytes + (Current?.Bytes() ?? 0);
}
