using Rdl.Model.Definitions.Items;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Shares one evaluated textbox among the cells of a column that show the same value with the same style (a Region,
/// a quantity, a date in a 100,000-row table): instances are immutable and their text follows from value and style, so
/// a repeated one costs nothing more. Only values whose equality means equal text are shared (strings, integers, dates
/// of the same kind, booleans, null), never a textbox with links. A textbox whose values hardly repeat stops being
/// looked up after <see cref="MaxDistinct"/> distinct ones.
/// </summary>
internal sealed class SharedTextboxes
{
    private const int MaxDistinct = 1024;

    private readonly Dictionary<Textbox, Column> _columns = new(ReferenceEqualityComparer.Instance);

    /// <summary>An instance made earlier for <paramref name="textbox"/> with an equal value and the same style.</summary>
    public bool TryGet(Textbox textbox, object? value, ResolvedStyle style, out TextboxInstance instance)
    {
        instance = null!;
        if (!IsShareable(value) || !_columns.TryGetValue(textbox, out var column) || column.Instances is not { } instances) return false;
        if (!instances.TryGetValue(new ValueKey(value), out var found) || !ReferenceEquals(found.Style, style)) return false;
        column.Hits++;
        instance = found;
        return true;
    }

    /// <summary>Offers <paramref name="instance"/> (made for <paramref name="value"/>, without links) for later cells.</summary>
    public void Add(Textbox textbox, object? value, TextboxInstance instance)
    {
        if (!IsShareable(value)) return;
        if (!_columns.TryGetValue(textbox, out var column)) _columns[textbox] = column = new Column();
        if (column.Instances is not { } instances) return;
        if (instances.Count >= MaxDistinct)
        {
            // Mostly distinct values: stop looking them up (and let the instances go with their cells).
            if (column.Hits < instances.Count) column.Instances = null;
            return;
        }
        instances[new ValueKey(value)] = instance;
    }

    private static bool IsShareable(object? value) => value is null or string or int or long or short or byte or bool or DateTime;

    private sealed class Column
    {
        public Dictionary<ValueKey, TextboxInstance>? Instances { get; set; } = [];

        public long Hits { get; set; }
    }

    /// <summary>A shareable value compared so that equal keys format alike (a DateTime's Kind counts, strings are ordinal).</summary>
    private readonly struct ValueKey(object? value) : IEquatable<ValueKey>
    {
        private readonly object? _value = value;

        public bool Equals(ValueKey other) => (_value, other._value) switch
        {
            (null, null) => true,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (DateTime a, DateTime b) => a.Ticks == b.Ticks && a.Kind == b.Kind,
            ({ } a, { } b) => a.GetType() == b.GetType() && a.Equals(b),
            _ => false,
        };

        public override bool Equals(object? obj) => obj is ValueKey other && Equals(other);

        public override int GetHashCode() => _value switch
        {
            null => 0,
            string s => string.GetHashCode(s, StringComparison.Ordinal),
            _ => _value.GetHashCode(),
        };
    }
}
