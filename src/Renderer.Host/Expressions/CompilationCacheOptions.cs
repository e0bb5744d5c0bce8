using Microsoft.Extensions.Options;

namespace Renderer.Host.Expressions;

/// <summary>
/// Bounds of the cache of compiled report assemblies (<c>Compiler:Cache</c>), checked at start. Entries are keyed by
/// report version (the SHA-256 of the RDL content with its WebAssembly modules and the compiler build), so a new version
/// is compiled anew. In memory the least recently used entry goes first when <see cref="MaxEntries"/> or
/// <see cref="MaxBytes"/> is passed, and an entry unused for <see cref="MaxAge"/> is dropped; a dropped entry is read
/// back from the on-disk cache, not compiled again. On disk the least recently used files go first when
/// <see cref="DiskMaxBytes"/> is passed, and a file unused for <see cref="DiskMaxAge"/> is deleted; a deleted file is
/// compiled again when its report is next rendered.
/// </summary>
public sealed class CompilationCacheOptions
{
    public const string SectionName = "Compiler:Cache";

    /// <summary>Most compiled reports kept in memory.</summary>
    public int MaxEntries { get; set; } = 256;

    /// <summary>Most bytes of assembly images (and their WebAssembly modules) kept in memory; 64 MiB by default.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long an entry may go unused before it is dropped.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most bytes of assembly images (and remembered refusals) kept on disk; 1 GiB by default.</summary>
    public long DiskMaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>How long a file on disk may go unused (not written nor read back) before it is deleted; 30 days by default.</summary>
    public TimeSpan DiskMaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>No bound at all (tests and the bench's "before" figure): what the cache did before issue 13.</summary>
    public static CompilationCacheOptions Unbounded => new()
    {
        MaxEntries = int.MaxValue,
        MaxBytes = long.MaxValue,
        MaxAge = TimeSpan.MaxValue,
        DiskMaxBytes = long.MaxValue,
        DiskMaxAge = TimeSpan.MaxValue,
    };
}

/// <summary>Refuses <see cref="CompilationCacheOptions"/> that would keep nothing or never expire by mistake, naming the setting.</summary>
internal sealed class CompilationCacheOptionsValidator : IValidateOptions<CompilationCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CompilationCacheOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEntries < 1) failures.Add($"{CompilationCacheOptions.SectionName}:MaxEntries must be at least 1 (got {options.MaxEntries}).");
        if (options.MaxBytes < 1024 * 1024) failures.Add($"{CompilationCacheOptions.SectionName}:MaxBytes must be at least 1 MiB (1048576; got {options.MaxBytes}).");
        if (options.MaxAge <= TimeSpan.Zero) failures.Add($"{CompilationCacheOptions.SectionName}:MaxAge must be a positive time span such as 01:00:00 (got {options.MaxAge}).");
        if (options.DiskMaxBytes < 16 * 1024 * 1024) failures.Add($"{CompilationCacheOptions.SectionName}:DiskMaxBytes must be at least 16 MiB (16777216; got {options.DiskMaxBytes}).");
        if (options.DiskMaxAge < TimeSpan.FromMinutes(1)) failures.Add($"{CompilationCacheOptions.SectionName}:DiskMaxAge must be a time span of at least a minute such as 30.00:00:00 (got {options.DiskMaxAge}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
