namespace Renderer.Sandbox.Processing;

/// <summary>The values of a group's GroupExpressions for one row; equal keys put rows in the same group instance.</summary>
internal readonly struct GroupKey(object?[] values) : IEquatable<GroupKey>
{
    private readonly object?[] _values = values;

    public bool Equals(GroupKey other)
    {
        if (_values.Length != other._values.Length) return false;
        for (int i = 0; i < _values.Length; i++)
            if (!Equals(Normalize(_values[i]), Normalize(other._values[i]))) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values) hash.Add(Normalize(v));
        return hash.ToHashCode();
    }

    /// <summary>1 (Int32) and 1L (Int64) group together, as do 1.0m and 1.00m.</summary>
    private static object? Normalize(object? v) => v switch
    {
        DBNull => null,
        int or long or short or byte or sbyte or ushort or uint => Convert.ToInt64(v),
        decimal d => d / 1.000000000000000000000000000000000m,
        _ => v,
    };
}
