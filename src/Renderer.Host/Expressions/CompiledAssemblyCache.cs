namespace Renderer.Host.Expressions;

/// <summary>
/// The in-memory part of <see cref="CompilationCache"/>: successful compilations by cache key, bounded by
/// <see cref="CompilationCacheOptions"/>. Least recently used first out when the count or the bytes pass their bound;
/// entries unused for MaxAge are dropped whenever the cache is read or written. Thread-safe (one lock; every operation is
/// a few dictionary and list steps).
/// </summary>
internal sealed class CompiledAssemblyCache(CompilationCacheOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byUse = new(); // most recently used first
    private long _bytes;
    private long _evictions;

    public CompilationCacheOptions Options { get; } = options;

    public int Count
    {
        get
        {
            lock (_lock) return _byKey.Count;
        }
    }

    public long Bytes
    {
        get
        {
            lock (_lock) return _bytes;
        }
    }

    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The keys, most recently used first.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_lock) return [.. _byUse.Select(e => e.Key)];
        }
    }

    /// <summary>How often a hit in memory marks the entry's disk file as used, so the disk cache does not evict a report that is busy in memory.</summary>
    public static readonly TimeSpan DiskTouchInterval = TimeSpan.FromMinutes(10);

    public bool TryGet(string key, out ExpressionCompilation compilation) => TryGet(key, out compilation, out _);

    /// <summary>A hit; <paramref name="diskTouchDue"/> says the caller should mark the disk file as used (at most once per <see cref="DiskTouchInterval"/>).</summary>
    public bool TryGet(string key, out ExpressionCompilation compilation, out bool diskTouchDue)
    {
        diskTouchDue = false;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            DropExpired(now);
            if (_byKey.TryGetValue(key, out var node))
            {
                node.Value.LastUsed = now;
                if (now - node.Value.DiskTouched >= DiskTouchInterval)
                {
                    node.Value.DiskTouched = now;
                    diskTouchDue = true;
                }
                _byUse.Remove(node);
                _byUse.AddFirst(node);
                compilation = node.Value.Compilation;
                return true;
            }
        }
        compilation = null!;
        return false;
    }

    public void Add(string key, ExpressionCompilation compilation)
    {
        var size = SizeOf(compilation);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_byKey.Remove(key, out var old))
            {
                _byUse.Remove(old);
                _bytes -= old.Value.Bytes;
            }
            var node = _byUse.AddFirst(new Entry(key, compilation, size) { LastUsed = now, DiskTouched = now });
            _byKey[key] = node;
            _bytes += size;
            DropExpired(now);
            while (_byUse.Last is { } last && (_byKey.Count > Options.MaxEntries || _bytes > Options.MaxBytes))
            {
                _byKey.Remove(last.Value.Key);
                Remove(last);
            }
        }
    }

    /// <summary>The bytes an entry holds: its assembly image and the WebAssembly modules sent with it.</summary>
    public static long SizeOf(ExpressionCompilation compilation) =>
        compilation.AssemblyImage.LongLength + compilation.WasmModules.Sum(m => (long)m.Bytes.Length);

    private void DropExpired(DateTimeOffset now)
    {
        if (Options.MaxAge == TimeSpan.MaxValue) return;
        while (_byUse.Last is { } last && now - last.Value.LastUsed > Options.MaxAge)
        {
            _byKey.Remove(last.Value.Key);
            Remove(last);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _byUse.Remove(node);
        _bytes -= node.Value.Bytes;
        Interlocked.Increment(ref _evictions);
    }

    private sealed class Entry(string key, ExpressionCompilation compilation, long bytes)
    {
        public string Key { get; } = key;

        public ExpressionCompilation Compilation { get; } = compilation;

        public long Bytes { get; } = bytes;

        public DateTimeOffset LastUsed { get; set; }

        public DateTimeOffset DiskTouched { get; set; }
    }
}
