using System.Globalization;

namespace Renderer.Sandbox.Layout.Text;

/// <summary>
/// A compact implementation of the Unicode bidirectional algorithm (UAX #9) for one line of a paragraph whose base
/// direction is known: resolves an embedding level per UTF-16 code unit (even = left-to-right, odd = right-to-left)
/// and orders level runs visually.
/// </summary>
/// <remarks>
/// Implemented: character types from built-in ranges (<see cref="Classify"/>), weak-type rules W1-W7, neutral rules
/// N1-N2, implicit levels I1-I2, trailing-whitespace reset L1 and reordering L2 (mirroring of brackets, L4, is done by
/// HarfBuzz when it shapes a right-to-left run). Not implemented: explicit embeddings, overrides and isolates
/// (LRE/RLE/LRO/RLO/PDF/LRI/RLI/FSI/PDI are treated as neutrals), bracket pairs (N0), and resolution across line
/// breaks (each line is resolved on its own with the paragraph's base level, so a neutral at a line edge takes the
/// base direction). Character types come from ranges covering Hebrew, Arabic, Syriac, Thaana, N'Ko, the presentation
/// forms and the common number separators, not from the full Unicode database.
/// </remarks>
internal static class BidiResolver
{
    /// <summary>True when <paramref name="text"/> holds a character that is right-to-left or changes number ordering.</summary>
    public static bool HasRightToLeft(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 0x0590 && Classify(c) is BidiClass.R or BidiClass.AL or BidiClass.AN)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Embedding level of each UTF-16 unit of a line (a surrogate pair gets one level on both halves).</summary>
    public static byte[] ResolveLevels(ReadOnlySpan<char> text, bool rightToLeft)
    {
        var baseLevel = (byte)(rightToLeft ? 1 : 0);
        var n = text.Length;
        var types = new BidiClass[n];
        for (var i = 0; i < n; i++)
        {
            types[i] = char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])
                ? BidiClass.NSM
                : Classify(char.IsHighSurrogate(text[i]) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i]);
        }

        var original = (BidiClass[])types.Clone();
        for (var i = 0; i < n; i++)
        {
            if (types[i] == BidiClass.BN)
            {
                types[i] = BidiClass.NSM; // X9 removes format controls (ZWJ, ZWNJ, ...); here they follow their neighbour
            }
        }

        var sos = rightToLeft ? BidiClass.R : BidiClass.L;
        ResolveWeak(types, sos);
        ResolveNeutral(types, sos);

        var levels = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var t = types[i];
            levels[i] = (baseLevel & 1) == 0
                ? (byte)(t == BidiClass.R ? 1 : t is BidiClass.AN or BidiClass.EN ? 2 : 0)
                : (byte)(t is BidiClass.L or BidiClass.EN or BidiClass.AN ? 2 : 1);
        }

        // L1: whitespace at the end of the line (and before tabs) goes back to the paragraph level.
        for (var i = n - 1; i >= 0 && original[i] is BidiClass.WS or BidiClass.S; i--)
        {
            levels[i] = baseLevel;
        }

        for (var i = 0; i < n; i++)
        {
            if (original[i] == BidiClass.S)
            {
                levels[i] = baseLevel;
                for (var j = i - 1; j >= 0 && original[j] == BidiClass.WS; j--)
                {
                    levels[j] = baseLevel;
                }
            }
        }

        return levels;
    }

    /// <summary>
    /// Rule L2 over runs: <paramref name="runLevels"/> holds one level per run in logical order; returns the run
    /// indices in visual (left-to-right) order.
    /// </summary>
    public static int[] VisualOrder(IReadOnlyList<byte> runLevels)
    {
        var order = Enumerable.Range(0, runLevels.Count).ToArray();
        if (runLevels.Count == 0)
        {
            return order;
        }

        var max = runLevels.Max();
        var lowestOdd = runLevels.Where(l => (l & 1) == 1).DefaultIfEmpty((byte)(max + 1)).Min();
        for (int level = max; level >= lowestOdd; level--)
        {
            var i = 0;
            while (i < order.Length)
            {
                if (runLevels[order[i]] < level)
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < order.Length && runLevels[order[i]] >= level)
                {
                    i++;
                }

                Array.Reverse(order, start, i - start);
            }
        }

        return order;
    }

    private static void ResolveWeak(BidiClass[] t, BidiClass sos)
    {
        var n = t.Length;

        // W1: a non-spacing mark takes the type of the character before it.
        for (var i = 0; i < n; i++)
        {
            if (t[i] == BidiClass.NSM)
            {
                t[i] = i == 0 ? sos : t[i - 1];
            }
        }

        // W2: European numbers after Arabic letters are Arabic numbers. W3: AL becomes R.
        var lastStrong = sos;
        for (var i = 0; i < n; i++)
        {
            if (t[i] is BidiClass.L or BidiClass.R or BidiClass.AL)
            {
                lastStrong = t[i];
            }
            else if (t[i] == BidiClass.EN && lastStrong == BidiClass.AL)
            {
                t[i] = BidiClass.AN;
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (t[i] == BidiClass.AL)
            {
                t[i] = BidiClass.R;
            }
        }

        // W4: one separator between two numbers of the same kind joins them.
        for (var i = 1; i + 1 < n; i++)
        {
            if (t[i] == BidiClass.ES && t[i - 1] == BidiClass.EN && t[i + 1] == BidiClass.EN)
            {
                t[i] = BidiClass.EN;
            }
            else if (t[i] == BidiClass.CS && t[i - 1] == t[i + 1] && t[i - 1] is BidiClass.EN or BidiClass.AN)
            {
                t[i] = t[i - 1];
            }
        }

        // W5: terminators (%, $, ...) next to European numbers are European numbers.
        for (var i = 0; i < n; i++)
        {
            if (t[i] != BidiClass.ET)
            {
                continue;
            }

            var end = i;
            while (end < n && t[end] == BidiClass.ET)
            {
                end++;
            }

            var touchesNumber = (i > 0 && t[i - 1] == BidiClass.EN) || (end < n && t[end] == BidiClass.EN);
            for (var j = i; j < end; j++)
            {
                t[j] = touchesNumber ? BidiClass.EN : BidiClass.ON; // W6 for the rest
            }

            i = end - 1;
        }

        // W6: remaining separators are neutral. W7: European numbers after L (or an L start) are L.
        lastStrong = sos;
        for (var i = 0; i < n; i++)
        {
            if (t[i] is BidiClass.ES or BidiClass.CS)
            {
                t[i] = BidiClass.ON;
            }
            else if (t[i] is BidiClass.L or BidiClass.R)
            {
                lastStrong = t[i];
            }
            else if (t[i] == BidiClass.EN && lastStrong == BidiClass.L)
            {
                t[i] = BidiClass.L;
            }
        }
    }

    /// <summary>N1/N2: a run of neutrals between two characters of the same direction takes it, else the base direction.</summary>
    private static void ResolveNeutral(BidiClass[] t, BidiClass sos)
    {
        var n = t.Length;
        for (var i = 0; i < n; i++)
        {
            if (!IsNeutral(t[i]))
            {
                continue;
            }

            var end = i;
            while (end < n && IsNeutral(t[end]))
            {
                end++;
            }

            var before = i == 0 ? sos : Direction(t[i - 1]);
            var after = end == n ? sos : Direction(t[end]);
            var resolved = before == after ? before : sos;
            for (var j = i; j < end; j++)
            {
                t[j] = resolved;
            }

            i = end - 1;
        }
    }

    private static bool IsNeutral(BidiClass c) => c is BidiClass.WS or BidiClass.ON or BidiClass.S or BidiClass.B;

    private static BidiClass Direction(BidiClass c) => c is BidiClass.L ? BidiClass.L : BidiClass.R; // EN/AN count as R (N1)

    /// <summary>Bidi character type of a code point (ranges, see the remarks on the class).</summary>
    internal static BidiClass Classify(int c)
    {
        if (c < 0x80)
        {
            return c switch
            {
                >= '0' and <= '9' => BidiClass.EN,
                '+' or '-' => BidiClass.ES,
                ',' or '.' or '/' or ':' => BidiClass.CS,
                '#' or '$' or '%' => BidiClass.ET,
                ' ' or '\f' => BidiClass.WS,
                '\t' or '\v' or '\u001F' => BidiClass.S,
                '\n' or '\r' or '\u001C' or '\u001D' or '\u001E' => BidiClass.B,
                >= 'A' and <= 'Z' or >= 'a' and <= 'z' => BidiClass.L,
                < 0x20 or 0x7F => BidiClass.BN,
                _ => BidiClass.ON,
            };
        }

        switch (c)
        {
            case 0x00A0: return BidiClass.CS;
            case 0x00B2 or 0x00B3 or 0x00B9: return BidiClass.EN;
            case >= 0x00A2 and <= 0x00A5 or 0x00B0 or 0x00B1 or 0x066A or >= 0x20A0 and <= 0x20CF or 0x2030 or 0x2031: return BidiClass.ET;
            case 0x060C or 0x202F or 0x2044 or 0xFE50 or 0xFE52 or 0xFE55 or 0xFF0C or 0xFF0E or 0xFF0F or 0xFF1A: return BidiClass.CS;
            case 0x200F: return BidiClass.R;
            case 0x200E: return BidiClass.L;
            case 0x061C: return BidiClass.AL;
            case >= 0x0600 and <= 0x0605 or >= 0x0660 and <= 0x0669 or 0x066B or 0x066C or 0x06DD or 0x08E2: return BidiClass.AN;
            case >= 0x06F0 and <= 0x06F9 or >= 0x2070 and <= 0x2079 or >= 0x2080 and <= 0x2089 or >= 0xFF10 and <= 0xFF19: return BidiClass.EN;
            case 0x2028: return BidiClass.WS;
            case 0x2029: return BidiClass.B;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            return BidiClass.NSM;
        }

        if (category is UnicodeCategory.Format or UnicodeCategory.Control)
        {
            return BidiClass.BN;
        }

        if (c is >= 0x0590 and <= 0x05FF or >= 0x07C0 and <= 0x085F or >= 0xFB1D and <= 0xFB4F or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EC6F)
        {
            return BidiClass.R;
        }

        if (c is >= 0x0600 and <= 0x07BF or >= 0x0860 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF or >= 0x1EC70 and <= 0x1EFFF)
        {
            return BidiClass.AL;
        }

        return category switch
        {
            UnicodeCategory.SpaceSeparator => BidiClass.WS,
            UnicodeCategory.LineSeparator => BidiClass.WS,
            UnicodeCategory.ParagraphSeparator => BidiClass.B,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => BidiClass.L,
            UnicodeCategory.CurrencySymbol => BidiClass.ET,
            _ => BidiClass.ON,
        };
    }

    internal enum BidiClass : byte
    {
        L,
        R,
        AL,
        EN,
        ES,
        ET,
        AN,
        CS,
        NSM,
        BN,
        B,
        S,
        WS,
        ON,
    }
}
