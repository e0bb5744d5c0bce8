using System.Text;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Viewer.Sessions;

/// <summary>
/// The rows a viewer session's first render received, per dataset request (name and parameter values), so that paging,
/// toggles, sorts and exports in the session show the same data without running the queries again (SSRS session
/// semantics). Bounded: when the rows pass <see cref="MaxBytes"/> the snapshot stops recording and is
/// <see cref="Complete"/> false (later renders then query again).
/// </summary>
public sealed class DataSnapshot(long maxBytes)
{
    private readonly Dictionary<string, RecordedDataSet> _dataSets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _bytes;
    private bool _overflowed;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Estimated size of the rows held.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>False when a dataset did not fit (or failed while recording); renders then run the queries again.</summary>
    public bool Complete
    {
        get
        {
            lock (_gate) return !_overflowed && _dataSets.Count > 0 && _dataSets.Values.All(d => d.Finished);
        }
    }

    /// <summary>The recorded rows of this request, when the whole dataset was recorded.</summary>
    public RecordedDataSet? Find(string dataSetName, IReadOnlyDictionary<string, object?> parameters)
    {
        lock (_gate) return _dataSets.TryGetValue(Key(dataSetName, parameters), out var data) && data.Finished ? data : null;
    }

    /// <summary>Starts recording a dataset request's rows; null when the snapshot is already full.</summary>
    public RecordedDataSet? Start(string dataSetName, IReadOnlyDictionary<string, object?> parameters, IReadOnlyList<string> columns)
    {
        lock (_gate)
        {
            if (_overflowed) return null;
            var data = new RecordedDataSet(this, columns);
            _dataSets[Key(dataSetName, parameters)] = data;
            return data;
        }
    }

    /// <summary>Charges <paramref name="bytes"/> to the snapshot; false (and the snapshot dropped) when it no longer fits.</summary>
    internal bool Charge(long bytes)
    {
        if (Interlocked.Add(ref _bytes, bytes) <= MaxBytes) return true;
        lock (_gate)
        {
            _overflowed = true;
            _dataSets.Clear();
        }
        Interlocked.Exchange(ref _bytes, 0);
        return false;
    }

    private static string Key(string dataSetName, IReadOnlyDictionary<string, object?> parameters)
    {
        var key = new StringBuilder(dataSetName);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            key.Append('\u001f').Append(name).Append('=').Append(Describe(value));
        return key.ToString();
    }

    private static string Describe(object? value) => value switch
    {
        null => "\u0000",
        object?[] values => "[" + string.Join('\u001e', values.Select(Describe)) + "]",
        IFormattable formattable => value.GetType().Name + ":" + formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };
}

/// <summary>One dataset request's columns and rows as recorded.</summary>
public sealed class RecordedDataSet(DataSnapshot owner, IReadOnlyList<string> columns)
{
    private readonly List<object?[]> _rows = [];
    private bool _dropped;

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>All rows were recorded (the stream ended without error and the snapshot had room).</summary>
    public bool Finished { get; private set; }

    internal void Add(object?[] row)
    {
        if (_dropped) return;
        if (!owner.Charge(32 + row.Sum(ValueCodec.EstimateSize)))
        {
            _dropped = true;
            _rows.Clear();
            return;
        }
        _rows.Add(row);
    }

    internal void Finish()
    {
        if (!_dropped) Finished = true;
    }
}
