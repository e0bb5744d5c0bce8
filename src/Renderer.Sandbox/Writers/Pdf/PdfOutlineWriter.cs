using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// Adds an outline (the bookmarks panel) to a finished PDF by an incremental update, since Skia's PDF backend
/// writes none: the original bytes stay as they are, and appended to them are the /Outlines tree (one object per
/// entry, with /Parent /Prev /Next /First /Last /Count and /Dest [page /XYZ left top null]), a new version of
/// the catalog (same object number) adding /Outlines and /PageMode /UseOutlines, a cross-reference section for
/// those objects and a trailer with /Prev pointing at the previous section (ISO 32000-1, 7.5.6 and 12.3.3).
/// The catalog comes from the trailer's /Root, the pages from walking /Pages /Kids. Every outline item is open.
/// Only files with classic cross-reference tables (what Skia writes) are understood; anything else throws
/// <see cref="InvalidDataException"/> and the caller keeps the PDF without an outline.
/// </summary>
internal static partial class PdfOutlineWriter
{
    private const int MaxTreeDepth = 64;
    private const int TailLength = 2048;
    private const int ObjectWindow = 16 * 1024;

    /// <summary>Returns <paramref name="pdf"/> with the outline appended; the input itself when there are no entries.</summary>
    public static byte[] Append(byte[] pdf, IReadOnlyList<PdfOutlineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return pdf;

        // Only small windows of the file are decoded (the tail, the cross-reference table, the catalog and the page
        // tree nodes), so a large PDF is not copied into one big string.
        var startXref = LastStartXref(pdf);
        var (offsets, trailer) = ReadCrossReferences(pdf, startXref);
        var root = Reference(trailer, "Root") ?? throw new InvalidDataException("The PDF trailer has no /Root.");
        var size = IntegerValue(trailer, "Size") ?? throw new InvalidDataException("The PDF trailer has no /Size.");
        var catalog = ReadDictionary(pdf, offsets, root);
        var pageTree = Reference(catalog, "Pages") ?? throw new InvalidDataException("The PDF catalog has no /Pages.");
        var pages = new List<(int Number, int Generation)>();
        CollectPages(pdf, offsets, pageTree, pages, new HashSet<int>(), 0);

        var update = new StringBuilder();
        if (pdf.Length > 0 && pdf[^1] != (byte)'\n') update.Append('\n');
        var newOffsets = new SortedDictionary<int, long>();
        void Object(int number, int generation, string body)
        {
            newOffsets[number] = pdf.Length + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{number} {generation} obj\n{body}\nendobj\n");
        }

        var outlineRoot = size;
        var tree = OutlineTree.Build(entries);
        int ObjectOf(int index) => outlineRoot + 1 + index;
        Object(outlineRoot, 0, $"<< /Type /Outlines /First {ObjectOf(tree.Roots[0])} 0 R /Last {ObjectOf(tree.Roots[^1])} 0 R /Count {entries.Count} >>");
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var body = new StringBuilder("<< /Title ").Append(PdfString(entry.Title));
            body.Append(CultureInfo.InvariantCulture, $" /Parent {(tree.Parent[i] < 0 ? outlineRoot : ObjectOf(tree.Parent[i]))} 0 R");
            if (tree.Previous[i] >= 0) body.Append(CultureInfo.InvariantCulture, $" /Prev {ObjectOf(tree.Previous[i])} 0 R");
            if (tree.Next[i] >= 0) body.Append(CultureInfo.InvariantCulture, $" /Next {ObjectOf(tree.Next[i])} 0 R");
            if (tree.Children[i].Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $" /First {ObjectOf(tree.Children[i][0])} 0 R /Last {ObjectOf(tree.Children[i][^1])} 0 R");
                body.Append(CultureInfo.InvariantCulture, $" /Count {tree.Descendants[i]}");
            }
            if (pages.Count > 0)
            {
                var page = pages[Math.Clamp(entry.PageIndex, 0, pages.Count - 1)];
                body.Append(CultureInfo.InvariantCulture, $" /Dest [{page.Number} {page.Generation} R /XYZ {Number(entry.Left)} {Number(entry.Top)} null]");
            }
            Object(ObjectOf(i), 0, body.Append(" >>").ToString());
        }
        Object(root.Number, root.Generation, WithOutlines(catalog, outlineRoot));

        var xref = pdf.Length + update.Length;
        update.Append("xref\n");
        foreach (var run in Runs(newOffsets.Keys))
        {
            update.Append(CultureInfo.InvariantCulture, $"{run.First} {run.Count}\n");
            for (int n = run.First; n < run.First + run.Count; n++)
                update.Append(CultureInfo.InvariantCulture, $"{newOffsets[n]:D10} {(n == root.Number ? root.Generation : 0):D5} n\r\n");
        }
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {Math.Max(size, ObjectOf(entries.Count - 1) + 1)} /Root {root.Number} {root.Generation} R /Prev {startXref}");
        if (Reference(trailer, "Info") is { } info) update.Append(CultureInfo.InvariantCulture, $" /Info {info.Number} {info.Generation} R");
        if (IdPattern().Match(trailer) is { Success: true } id) update.Append(' ').Append(id.Value);
        update.Append(CultureInfo.InvariantCulture, $" >>\nstartxref\n{xref}\n%%EOF\n");

        var tail = Encoding.Latin1.GetBytes(update.ToString());
        var result = new byte[pdf.Length + tail.Length];
        pdf.CopyTo(result, 0);
        tail.CopyTo(result, pdf.Length);
        return result;
    }

    /// <summary>A PDF text string: a literal string for printable ASCII, else UTF-16BE with a byte-order mark as a hex string.</summary>
    internal static string PdfString(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).ToArray());
        if (clean.All(c => c is >= ' ' and <= '~'))
            return "(" + clean.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";
        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(clean)) + ">";
    }

    private static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static string WithOutlines(string catalog, int outlineRoot)
    {
        var body = OutlinesEntryPattern().Replace(catalog, " ");
        body = PageModeEntryPattern().Replace(body, " ");
        var end = body.LastIndexOf(">>", StringComparison.Ordinal);
        return body[..end].TrimEnd() + $" /Outlines {outlineRoot} 0 R /PageMode /UseOutlines >>";
    }

    private static IEnumerable<(int First, int Count)> Runs(IEnumerable<int> numbers)
    {
        int first = -1, count = 0;
        foreach (var n in numbers)
        {
            if (count > 0 && n == first + count)
            {
                count++;
                continue;
            }
            if (count > 0) yield return (first, count);
            (first, count) = (n, 1);
        }
        if (count > 0) yield return (first, count);
    }

    private static string Window(byte[] pdf, long start, int length) =>
        Encoding.Latin1.GetString(pdf, (int)start, (int)Math.Min(length, pdf.Length - start));

    private static long LastStartXref(byte[] pdf)
    {
        var tail = Window(pdf, Math.Max(0, pdf.Length - TailLength), TailLength);
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException("The PDF has no startxref.");
        var match = IntegerPattern().Match(tail, at + "startxref".Length);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var offset) || offset < 0 || offset >= pdf.Length)
            throw new InvalidDataException("The PDF's startxref offset is invalid.");
        return offset;
    }

    /// <summary>Reads the cross-reference table at <paramref name="start"/> and the sections its trailers chain to with /Prev.</summary>
    private static (Dictionary<int, long> Offsets, string Trailer) ReadCrossReferences(byte[] pdf, long start)
    {
        var offsets = new Dictionary<int, long>();
        string? newest = null;
        var seen = new HashSet<long>();
        for (long? at = start; at is { } position && seen.Add(position);)
        {
            if (position < 0 || position >= pdf.Length) throw new InvalidDataException("A cross-reference offset is outside the file.");
            // The table and its trailer run to the end of the file at most (Skia writes them last).
            var text = Window(pdf, position, pdf.Length);
            var pos = SkipWhitespace(text, 0);
            if (string.CompareOrdinal(text, pos, "xref", 0, 4) != 0)
                throw new InvalidDataException("The PDF uses a cross-reference stream, which is not supported.");
            pos += 4;
            while (true)
            {
                pos = SkipWhitespace(text, pos);
                if (string.CompareOrdinal(text, pos, "trailer", 0, 7) == 0) break;
                var first = ReadInteger(text, ref pos);
                var count = ReadInteger(text, ref pos);
                for (long k = 0; k < count; k++)
                {
                    var offset = ReadInteger(text, ref pos);
                    ReadInteger(text, ref pos);
                    pos = SkipWhitespace(text, pos);
                    var kind = pos < text.Length ? text[pos++] : '\0';
                    var number = checked((int)(first + k));
                    if (kind == 'n' && !offsets.ContainsKey(number)) offsets[number] = offset;
                    else if (kind is not ('n' or 'f')) throw new InvalidDataException("A cross-reference entry is malformed.");
                    else offsets.TryAdd(number, -1);
                }
            }
            var trailer = Dictionary(text, pos + 7);
            newest ??= trailer;
            at = IntegerValue(trailer, "Prev");
        }
        return (offsets, newest ?? throw new InvalidDataException("The PDF has no trailer."));
    }

    private static void CollectPages(byte[] pdf, Dictionary<int, long> offsets, (int Number, int Generation) node, List<(int, int)> pages, HashSet<int> visited, int depth)
    {
        if (depth > MaxTreeDepth || !visited.Add(node.Number)) throw new InvalidDataException("The PDF page tree is cyclic or too deep.");
        var dictionary = ReadDictionary(pdf, offsets, node);
        var kids = KidsPattern().Match(dictionary);
        if (!kids.Success)
        {
            pages.Add(node);
            return;
        }
        foreach (Match kid in ReferencePattern().Matches(kids.Groups[1].Value))
            CollectPages(pdf, offsets, (int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(kid.Groups[2].Value, CultureInfo.InvariantCulture)), pages, visited, depth + 1);
    }

    private static string ReadDictionary(byte[] pdf, Dictionary<int, long> offsets, (int Number, int Generation) reference)
    {
        if (!offsets.TryGetValue(reference.Number, out var offset) || offset < 0 || offset >= pdf.Length)
            throw new InvalidDataException($"PDF object {reference.Number} is not in the cross-reference table.");
        for (int length = ObjectWindow; ; length *= 4)
        {
            var text = Window(pdf, offset, length);
            var header = ObjectHeaderPattern().Match(text);
            if (!header.Success || header.Groups[1].Value != reference.Number.ToString(CultureInfo.InvariantCulture))
                throw new InvalidDataException($"PDF object {reference.Number} is not where the cross-reference table says.");
            try
            {
                return Dictionary(text, header.Length);
            }
            catch (InvalidDataException) when (offset + text.Length < pdf.Length && length < int.MaxValue / 4)
            {
                // The dictionary runs past the window: read a larger one.
            }
        }
    }

    /// <summary>The dictionary (from "&lt;&lt;" to its matching "&gt;&gt;") starting at or after <paramref name="start"/>, skipping strings.</summary>
    private static string Dictionary(string text, int start)
    {
        var open = SkipWhitespace(text, start);
        if (string.CompareOrdinal(text, open, "<<", 0, 2) != 0) throw new InvalidDataException("A PDF dictionary was expected.");
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<' && i + 1 < text.Length && text[i + 1] == '<') { depth++; i++; }
            else if (c == '>' && i + 1 < text.Length && text[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0) return text[open..(i + 1)];
            }
            else if (c == '<') i = text.IndexOf('>', i) is var close and >= 0 ? close : throw new InvalidDataException("Unterminated PDF hex string.");
            else if (c == '(') i = EndOfLiteral(text, i);
        }
        throw new InvalidDataException("Unterminated PDF dictionary.");
    }

    private static int EndOfLiteral(string text, int open)
    {
        int nesting = 0;
        for (int i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\': i++; break;
                case '(': nesting++; break;
                case ')' when --nesting == 0: return i;
            }
        }
        throw new InvalidDataException("Unterminated PDF string.");
    }

    private static int SkipWhitespace(string text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\r' or '\n' or '\t' or '\f' or '\0') pos++;
        return pos;
    }

    private static long ReadInteger(string text, ref int pos)
    {
        pos = SkipWhitespace(text, pos);
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        if (pos == start || !long.TryParse(text.AsSpan(start, pos - start), CultureInfo.InvariantCulture, out var value))
            throw new InvalidDataException("The PDF cross-reference table is malformed.");
        return value;
    }

    private static (int Number, int Generation)? Reference(string dictionary, string key)
    {
        var match = Regex.Match(dictionary, "/" + key + @"\s+(\d+)\s+(\d+)\s+R", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private static int? IntegerValue(string dictionary, string key)
    {
        var match = Regex.Match(dictionary, "/" + key + @"\s+(\d+)(?!\d)(?!\s+\d+\s+R)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [GeneratedRegex(@"\G\s*(\d+)\s+(\d+)\s+obj\b", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectHeaderPattern();

    [GeneratedRegex(@"\G\s*(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex KidsPattern();

    [GeneratedRegex(@"(\d+)\s+(\d+)\s+R", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"/Outlines\s+\d+\s+\d+\s+R", RegexOptions.CultureInvariant)]
    private static partial Regex OutlinesEntryPattern();

    [GeneratedRegex(@"/PageMode\s*/[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex PageModeEntryPattern();
}
