using System.Globalization;
using System.Text;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Reads every readable region of another process's memory (/proc/&lt;pid&gt;/maps, /proc/&lt;pid&gt;/mem; needs root or
/// ptrace rights) and reports which of the given strings occur in it, as UTF-8 or UTF-16LE. Regions that cannot be read
/// (guard pages, [vvar], regions unmapped meanwhile) are skipped.
/// </summary>
internal static class ProcessMemory
{
    private const int ChunkSize = 1 << 20;

    public static (long BytesRead, IReadOnlyList<string> Found) Search(int pid, IReadOnlyList<string> secrets)
    {
        var needles = secrets
            .SelectMany(s => new[] { (Text: s, Bytes: Encoding.UTF8.GetBytes(s)), (Text: s + " (UTF-16)", Bytes: Encoding.Unicode.GetBytes(s)) })
            .ToList();
        int overlap = needles.Max(n => n.Bytes.Length) - 1;
        var found = new HashSet<string>();
        long total = 0;
        var buffer = new byte[ChunkSize + overlap];
        using var mem = new FileStream($"/proc/{pid}/mem", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        foreach (var (start, end) in ReadableRegions(pid))
        {
            int carried = 0;
            for (long address = start; address < end; address += ChunkSize)
            {
                int want = (int)Math.Min(ChunkSize, end - address);
                int read;
                try
                {
                    mem.Seek(address, SeekOrigin.Begin);
                    read = ReadFully(mem, buffer.AsSpan(carried, want));
                }
                catch (IOException)
                {
                    break;
                }
                if (read <= 0) break;
                total += read;
                var window = buffer.AsSpan(0, carried + read);
                foreach (var needle in needles)
                    if (window.IndexOf(needle.Bytes) >= 0) found.Add(needle.Text);
                carried = Math.Min(overlap, window.Length);
                window[^carried..].CopyTo(buffer);
                if (read < want) break;
            }
        }
        return (total, found.Order(StringComparer.Ordinal).ToList());
    }

    private static int ReadFully(FileStream stream, Span<byte> target)
    {
        int done = 0;
        while (done < target.Length)
        {
            int n = stream.Read(target[done..]);
            if (n <= 0) break;
            done += n;
        }
        return done;
    }

    private static IEnumerable<(long Start, long End)> ReadableRegions(int pid)
    {
        foreach (var line in File.ReadAllLines($"/proc/{pid}/maps"))
        {
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[1][0] != 'r') continue;
            if (line.EndsWith("[vvar]", StringComparison.Ordinal) || line.EndsWith("[vsyscall]", StringComparison.Ordinal)) continue;
            var range = parts[0].Split('-');
            yield return (long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }
}
