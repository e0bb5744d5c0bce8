using Rdl.Model.Diagnostics;

namespace Renderer.Host.Expressions;

/// <summary>
/// The on-disk part of <see cref="CompilationCache"/>: one file per report version (<c>{key}.dll</c>, an assembly image,
/// or <c>{key}.refused</c>, a remembered refusal), bounded by <see cref="CompilationCacheOptions.DiskMaxBytes"/> and
/// <see cref="CompilationCacheOptions.DiskMaxAge"/>. A file's modification time is its last use: it is set when the file
/// is written and when it is read back, so the least recently used files are deleted first (a report busy in memory marks its file every few minutes) when the folder passes its
/// size, and a file unused for the maximum age is deleted. The folder is trimmed on first use and after every write
/// (one directory listing; writes follow a compile, which costs far more). Files are written atomically (temp file +
/// move). Every I/O failure is swallowed: the cache is an optimisation, and a read-only or full disk must not fail a render.
/// </summary>
internal sealed class ExpressionDiskCache(string folder, CompilationCacheOptions options, TimeProvider? time = null)
{
    public const string ImageExtension = ".dll";
    public const string RefusalExtension = ".refused";
    private const string TempExtension = ".tmp";

    /// <summary>A temp file older than this is a write that died half-way (a killed process) and is deleted.</summary>
    private static readonly TimeSpan AbandonedTemp = TimeSpan.FromHours(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _trimLock = new();
    private long _evictions;
    private int _trimmedOnce;

    public string Folder { get; } = folder;

    /// <summary>Files deleted for size or age since start.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The assembly image cached for <paramref name="key"/>, marked as just used; null when there is none or it is damaged.</summary>
    public byte[]? TryReadImage(string key)
    {
        TrimOnce();
        var path = PathOf(key, ImageExtension);
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            // A PE image starts with "MZ"; anything else is a damaged file and is recompiled (and overwritten).
            if (bytes.Length <= 2 || bytes[0] != (byte)'M' || bytes[1] != (byte)'Z') return null;
            Touch(path);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The refusal remembered for <paramref name="key"/>, its location renamed to <paramref name="fileName"/>; null when there is none.</summary>
    public RdlDiagnostic? TryReadRefusal(string key, string fileName)
    {
        var path = PathOf(key, RefusalExtension);
        try
        {
            if (!File.Exists(path)) return null;
            RdlDiagnostic diagnostic;
            using (var reader = new BinaryReader(File.OpenRead(path)))
                diagnostic = Worker.CompileWorkerCodec.ReadDiagnostic(reader);
            Touch(path);
            var message = diagnostic.Message.Replace($"'{Path.GetFileNameWithoutExtension(diagnostic.Location.File)}'", $"'{Path.GetFileNameWithoutExtension(fileName)}'", StringComparison.Ordinal);
            return diagnostic with
            {
                Location = diagnostic.Location with { File = fileName },
                Message = message + " (remembered from an earlier compile of the same content)",
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Marks <paramref name="key"/>'s image as just used (a hit in memory), so it is not the next to go.</summary>
    public void MarkUsed(string key) => Touch(PathOf(key, ImageExtension));

    /// <summary>Writes <paramref name="bytes"/> as <c>{key}{extension}</c> atomically, then trims the folder to its bounds.</summary>
    public void Write(string key, string extension, byte[] bytes)
    {
        var path = PathOf(key, extension);
        var temp = Path.Combine(Folder, $"{key}.{Guid.NewGuid():N}{TempExtension}");
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
            Touch(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return;
        }
        Trim();
    }

    /// <summary>Deletes temp files a dead write left, files unused for DiskMaxAge, then the least recently used files until the rest fits DiskMaxBytes.</summary>
    public void Trim()
    {
        lock (_trimLock)
        {
            List<FileInfo> files;
            try
            {
                if (!Directory.Exists(Folder)) return;
                files = [.. new DirectoryInfo(Folder).EnumerateFiles()];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return;
            }
            var now = _time.GetUtcNow().UtcDateTime;
            var kept = new List<FileInfo>();
            long total = 0;
            foreach (var file in files)
            {
                var age = now - file.LastWriteTimeUtc;
                if (file.Name.EndsWith(TempExtension, StringComparison.Ordinal))
                {
                    if (age > AbandonedTemp) TryDelete(file.FullName);
                    continue;
                }
                if (!file.Name.EndsWith(ImageExtension, StringComparison.Ordinal) && !file.Name.EndsWith(RefusalExtension, StringComparison.Ordinal)) continue;
                if (options.DiskMaxAge != TimeSpan.MaxValue && age > options.DiskMaxAge) Evict(file.FullName);
                else
                {
                    kept.Add(file);
                    total += file.Length;
                }
            }
            if (total <= options.DiskMaxBytes) return;
            foreach (var file in kept.OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
            {
                if (total <= options.DiskMaxBytes) break;
                Evict(file.FullName);
                total -= file.Length;
            }
        }
    }

    private void TrimOnce()
    {
        if (Interlocked.Exchange(ref _trimmedOnce, 1) == 0) Trim();
    }

    private string PathOf(string key, string extension) => Path.Combine(Folder, key + extension);

    private void Touch(string path)
    {
        try
        {
            if (File.Exists(path)) File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only cache folder still serves its files; they just do not count as used.
        }
    }

    private void Evict(string path)
    {
        if (TryDelete(path)) Interlocked.Increment(ref _evictions);
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
