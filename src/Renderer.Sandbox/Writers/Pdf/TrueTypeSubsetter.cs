using System.Buffers.Binary;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// Makes a small TrueType font for one document: glyphs the document does not use are emptied (their outlines
/// removed), glyph ids stay the same, so character mapping and advance widths are unchanged and layout measured with
/// the full font still holds. Shaping tables (GSUB, GPOS, GDEF, kern) and per-size tables are dropped and glyph
/// names removed (post version 3), and the horizontal metrics of dropped glyphs zeroed. Skia embeds fonts whole, so this
/// is what keeps a one-page PDF small, also with the 4 MB CJK fallback font.
/// </summary>
internal static class TrueTypeSubsetter
{
    private static readonly HashSet<string> KeptTables = ["cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "prep", "gasp", "loca", "glyf"];

    private const ushort ArgsAreWords = 0x0001;
    private const ushort HaveScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HaveXAndYScale = 0x0040;
    private const ushort HaveTwoByTwo = 0x0080;

    /// <summary>Returns the subset font, or null when the font is not a plain TrueType (glyf) font.</summary>
    public static byte[]? Subset(byte[] font, IEnumerable<ushort> usedGlyphs)
    {
        var tables = ReadTables(font);
        if (!tables.TryGetValue("glyf", out var glyfRange) || !tables.TryGetValue("loca", out var locaRange)
            || !tables.TryGetValue("head", out var headRange) || !tables.TryGetValue("maxp", out var maxpRange))
            return null;
        var glyf = font.AsSpan(glyfRange.Offset, glyfRange.Length);
        bool longLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(headRange.Offset + 50)) == 1;
        int glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxpRange.Offset + 4));
        int locaOffset = locaRange.Offset;

        int GlyphOffset(int g) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(locaOffset + g * 4))
            : BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(locaOffset + g * 2)) * 2;

        var keep = Closure(glyf, usedGlyphs.Append((ushort)0), glyphCount, GlyphOffset);

        // New glyf and (long) loca.
        using var newGlyf = new MemoryStream();
        var newLoca = new byte[(glyphCount + 1) * 4];
        for (int g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            if (!keep.Contains(g)) continue;
            int start = GlyphOffset(g), end = GlyphOffset(g + 1);
            if (end <= start) continue;
            newGlyf.Write(glyf[start..end]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)newGlyf.Length);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, range) in tables)
        {
            if (!KeptTables.Contains(tag)) continue;
            output[tag] = font.AsSpan(range.Offset, range.Length).ToArray();
        }
        output["glyf"] = newGlyf.ToArray();
        output["loca"] = newLoca;
        if (output.TryGetValue("hmtx", out var hmtx) && tables.TryGetValue("hhea", out var hheaRange) && hheaRange.Length >= 36)
            ClearUnusedMetrics(hmtx, keep, glyphCount, BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hheaRange.Offset + 34)));
        var newHead = output["head"];
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);
        if (output.TryGetValue("post", out var post) && post.Length >= 32)
        {
            var post3 = post[..32];
            BinaryPrimitives.WriteUInt32BigEndian(post3, 0x00030000);
            output["post"] = post3;
        }
        return Assemble(font, output);
    }

    /// <summary>
    /// Zeroes the horizontal metrics of dropped glyphs so they compress away (large CJK fonts carry tens of thousands).
    /// The last full metric is kept: its advance also applies to every glyph after it.
    /// </summary>
    private static void ClearUnusedMetrics(byte[] hmtx, HashSet<int> keep, int glyphCount, int longMetrics)
    {
        for (int g = 0; g < glyphCount; g++)
        {
            if (keep.Contains(g) || g == longMetrics - 1) continue;
            int offset = g < longMetrics ? g * 4 : longMetrics * 4 + (g - longMetrics) * 2;
            int length = g < longMetrics ? 4 : 2;
            if (offset + length <= hmtx.Length) hmtx.AsSpan(offset, length).Clear();
        }
    }

    private static HashSet<int> Closure(ReadOnlySpan<byte> glyf, IEnumerable<ushort> used, int glyphCount, Func<int, int> offset)
    {
        var keep = new HashSet<int>();
        var pending = new Stack<int>(used.Where(g => g < glyphCount).Select(g => (int)g));
        while (pending.Count > 0)
        {
            int g = pending.Pop();
            if (!keep.Add(g)) continue;
            int start = offset(g), end = offset(g + 1);
            if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) >= 0) continue;
            int p = start + 10;
            while (p + 4 <= end)
            {
                ushort flags = BinaryPrimitives.ReadUInt16BigEndian(glyf[p..]);
                ushort component = BinaryPrimitives.ReadUInt16BigEndian(glyf[(p + 2)..]);
                if (component < glyphCount) pending.Push(component);
                p += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
                if ((flags & HaveScale) != 0) p += 2;
                else if ((flags & HaveXAndYScale) != 0) p += 4;
                else if ((flags & HaveTwoByTwo) != 0) p += 8;
                if ((flags & MoreComponents) == 0) break;
            }
        }
        return keep;
    }

    private readonly record struct TableRange(int Offset, int Length);

    private static Dictionary<string, TableRange> ReadTables(byte[] font)
    {
        var tables = new Dictionary<string, TableRange>(StringComparer.Ordinal);
        if (font.Length < 12) return tables;
        uint version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565) return tables; // TrueType outlines only
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + i * 16, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset >= 0 && length >= 0 && offset + length <= font.Length) tables[tag] = new TableRange(offset, length);
        }
        return tables;
    }

    private static byte[] Assemble(byte[] original, SortedDictionary<string, byte[]> tables)
    {
        int count = tables.Count;
        int headerSize = 12 + 16 * count;
        int total = headerSize + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(font, BinaryPrimitives.ReadUInt32BigEndian(original));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        int entrySelector = (int)Math.Floor(Math.Log2(count));
        int searchRange = (1 << entrySelector) * 16;
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(count * 16 - searchRange));
        int offset = headerSize, index = 0;
        int headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            var record = font.AsSpan(12 + index * 16, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(font.AsSpan(offset));
            if (tag == "head") headOffset = offset;
            offset += (data.Length + 3) & ~3;
            index++;
        }
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        if (i < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            data[i..].CopyTo(tail);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(tail));
        }
        return sum;
    }
}
