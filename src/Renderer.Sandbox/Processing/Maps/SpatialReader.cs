using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;

namespace Renderer.Sandbox.Processing.Maps;

/// <summary>
/// Reads a spatial value: WKB (bytes, or base64 or hex text, as map VectorData holds it) or WKT text
/// (<c>POLYGON ((...))</c>, optionally after <c>SRID=n;</c>). SQL Server's own geography and geometry serialization is
/// recognised (it starts with a 4-byte SRID and a version byte of 1 or 2) and refused with its own message; anything
/// else is refused saying what it is. Z and M values are read past and ignored.
/// </summary>
internal static class SpatialReader
{
    /// <summary>Nesting allowed in geometry collections and coordinates in one value: a hostile value cannot exhaust memory or stack.</summary>
    private const int MaxDepth = 16;

    private const int MaxPoints = 2_000_000;

    public static bool TryRead(object? value, out SpatialGeometry geometry, out string? problem)
    {
        geometry = SpatialGeometry.Empty;
        problem = null;
        switch (value)
        {
            case null or DBNull:
                problem = "the value is empty";
                return false;
            case byte[] bytes:
                return TryBinary(bytes, out geometry, out problem);
            case string text:
                return TryText(text.Trim(), out geometry, out problem);
            default:
                problem = $"a {value.GetType().Name} is neither WKT text nor WKB bytes";
                return false;
        }
    }

    private static bool TryText(string text, out SpatialGeometry geometry, out string? problem)
    {
        geometry = SpatialGeometry.Empty;
        if (text.StartsWith("SRID=", StringComparison.OrdinalIgnoreCase) && text.IndexOf(';') is var semicolon and > 0) text = text[(semicolon + 1)..].TrimStart();
        if (IsWkt(text))
        {
            var builder = new GeometryBuilder();
            try
            {
                new WktParser(text, builder, MaxPoints).Parse();
                geometry = builder.Build();
                problem = null;
                return true;
            }
            catch (FormatException ex)
            {
                problem = "WKT: " + ex.Message;
                return false;
            }
        }
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length > 0 && hex.Length % 2 == 0 && hex.All(Uri.IsHexDigit))
            return TryBinary(Convert.FromHexString(hex), out geometry, out problem);
        var buffer = new byte[text.Length * 3 / 4 + 3];
        if (Convert.TryFromBase64String(text, buffer, out var written))
            return TryBinary(buffer.AsSpan(0, written).ToArray(), out geometry, out problem);
        problem = $"'{(text.Length > 40 ? text[..40] + "..." : text)}' is neither WKT, WKB in hex nor WKB in base64";
        return false;
    }

    private static readonly HashSet<string> WktTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION",
    };

    /// <summary>Whether text starts with a WKT geometry type followed by a space, '(' or its end (base64 may start with letters too).</summary>
    private static bool IsWkt(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return end > 0 && (end == text.Length || text[end] is ' ' or '(' or '\t' or '\r' or '\n') && WktTypes.Contains(text[..end]);
    }

    private static bool TryBinary(byte[] bytes, out SpatialGeometry geometry, out string? problem)
    {
        geometry = SpatialGeometry.Empty;
        if (bytes.Length >= 6 && bytes[0] > 1 && bytes[4] is 1 or 2)
        {
            problem = "SQL Server geography/geometry serialization is not read; return the column as WKB (.STAsBinary()) or WKT (.STAsText())";
            return false;
        }
        var builder = new GeometryBuilder();
        var reader = new WkbReader(bytes, builder);
        try
        {
            reader.Read(0);
            geometry = builder.Build();
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            problem = "WKB: " + ex.Message;
            return false;
        }
    }

    /// <summary>Reads well-known binary (with ISO or EWKB Z/M flags and an EWKB SRID).</summary>
    private sealed class WkbReader(byte[] bytes, GeometryBuilder builder)
    {
        private int _at;
        private int _points;

        public void Read(int depth)
        {
            if (depth > MaxDepth) throw new FormatException("geometry collections nest too deep");
            var little = Byte() == 1;
            var raw = UInt(little);
            var hasZ = (raw & 0x80000000) != 0;
            var hasM = (raw & 0x40000000) != 0;
            if ((raw & 0x20000000) != 0) UInt(little);
            var type = raw & 0x0FFFFFFF;
            var iso = type / 1000;
            type %= 1000;
            if (iso is 1 or 3) hasZ = true;
            if (iso is 2 or 3) hasM = true;
            var dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
            switch (type)
            {
                case 1:
                    var point = Point(little, dims);
                    if (!double.IsNaN(point.X)) builder.Points.Add(point);
                    break;
                case 2: builder.Lines.Add(Ring(little, dims)); break;
                case 3:
                    var rings = ImmutableArray.CreateBuilder<ImmutableArray<GeoPoint>>();
                    for (uint i = 0, n = Count(little); i < n; i++) rings.Add(Ring(little, dims));
                    if (rings.Count > 0) builder.Polygons.Add(new GeoPolygon(rings.ToImmutable()));
                    break;
                case 4 or 5 or 6 or 7:
                    for (uint i = 0, n = Count(little); i < n; i++) Read(depth + 1);
                    break;
                default: throw new FormatException($"geometry type {type} is not a point, line, polygon or collection");
            }
        }

        private ImmutableArray<GeoPoint> Ring(bool little, int dims)
        {
            var n = Count(little);
            var ring = ImmutableArray.CreateBuilder<GeoPoint>((int)n);
            for (uint i = 0; i < n; i++) ring.Add(Point(little, dims));
            return ring.MoveToImmutable();
        }

        private uint Count(bool little)
        {
            var n = UInt(little);
            if (n > (bytes.Length - _at) / 8 + 1) throw new FormatException($"a count of {n} runs past the end of the data");
            return n;
        }

        private GeoPoint Point(bool little, int dims)
        {
            if (++_points > MaxPoints) throw new FormatException($"more than {MaxPoints} points");
            var x = Double(little);
            var y = Double(little);
            for (int i = 2; i < dims; i++) Double(little);
            return new GeoPoint(x, y);
        }

        private byte Byte()
        {
            if (_at >= bytes.Length) throw new FormatException("the data ends early");
            return bytes[_at++];
        }

        private uint UInt(bool little)
        {
            if (_at + 4 > bytes.Length) throw new FormatException("the data ends early");
            var span = bytes.AsSpan(_at, 4);
            _at += 4;
            return little ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);
        }

        private double Double(bool little)
        {
            if (_at + 8 > bytes.Length) throw new FormatException("the data ends early");
            var span = bytes.AsSpan(_at, 8);
            _at += 8;
            return little ? BinaryPrimitives.ReadDoubleLittleEndian(span) : BinaryPrimitives.ReadDoubleBigEndian(span);
        }
    }

    /// <summary>Reads well-known text: POINT, LINESTRING, POLYGON, their MULTI forms and GEOMETRYCOLLECTION, with Z/M/ZM and EMPTY.</summary>
    private sealed class WktParser(string text, GeometryBuilder builder, int maxPoints)
    {
        private int _at;
        private int _points;

        public void Parse()
        {
            Geometry(0);
            Skip();
            if (_at < text.Length) throw new FormatException($"unexpected '{text[_at]}' at {_at}");
        }

        private void Geometry(int depth)
        {
            if (depth > MaxDepth) throw new FormatException("geometry collections nest too deep");
            var keyword = Word();
            var next = Word();
            if (next is "Z" or "M" or "ZM") next = Word();
            if (next == "EMPTY") return;
            if (next.Length > 0) throw new FormatException($"unexpected '{next}' after {keyword}");
            switch (keyword)
            {
                case "POINT":
                    Expect('(');
                    builder.Points.Add(Coordinate());
                    Expect(')');
                    break;
                case "LINESTRING": builder.Lines.Add(Sequence()); break;
                case "POLYGON": builder.Polygons.Add(Polygon()); break;
                case "MULTIPOINT":
                    List(() =>
                    {
                        Skip();
                        var wrapped = Peek() == '(';
                        if (wrapped) Expect('(');
                        builder.Points.Add(Coordinate());
                        if (wrapped) Expect(')');
                    });
                    break;
                case "MULTILINESTRING": List(() => builder.Lines.Add(Sequence())); break;
                case "MULTIPOLYGON": List(() => builder.Polygons.Add(Polygon())); break;
                case "GEOMETRYCOLLECTION": List(() => Geometry(depth + 1)); break;
                default: throw new FormatException($"'{keyword}' is not a WKT geometry type");
            }
        }

        private GeoPolygon Polygon()
        {
            var rings = ImmutableArray.CreateBuilder<ImmutableArray<GeoPoint>>();
            List(() => rings.Add(Sequence()));
            return new GeoPolygon(rings.ToImmutable());
        }

        private ImmutableArray<GeoPoint> Sequence()
        {
            var points = ImmutableArray.CreateBuilder<GeoPoint>();
            List(() => points.Add(Coordinate()));
            return points.ToImmutable();
        }

        private void List(Action item)
        {
            Expect('(');
            do item();
            while (TryTake(','));
            Expect(')');
        }

        private GeoPoint Coordinate()
        {
            if (++_points > maxPoints) throw new FormatException($"more than {maxPoints} points");
            var x = Number();
            var y = Number();
            Skip();
            while (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] is '-' or '+' or '.')) Number();
            return new GeoPoint(x, y);
        }

        private double Number()
        {
            Skip();
            var start = _at;
            while (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] is '-' or '+' or '.' or 'e' or 'E')) _at++;
            if (!double.TryParse(text.AsSpan(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"expected a number at {start}");
            return value;
        }

        private string Word()
        {
            Skip();
            var start = _at;
            while (_at < text.Length && char.IsLetter(text[_at])) _at++;
            return text[start.._at].ToUpperInvariant();
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private bool TryTake(char c)
        {
            Skip();
            if (Peek() != c) return false;
            _at++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c)) throw new FormatException(_at < text.Length ? $"expected '{c}' at {_at}, found '{text[_at]}'" : $"expected '{c}' at the end");
        }
    }
}
