using Microsoft.Extensions.Options;

namespace Renderer.Host.Expressions;

/// <summary>
/// Bounds of the in-memory cache of compiled report assemblies (<c>Compiler:Cache</c>), checked at start. Entries are
/// keyed by report version (the SHA-256 of the RDL content with its WebAssembly modules and the compiler build), so a new
/// version is compiled anew; the least recently used entry goes first when <see cref="MaxEntries"/> or
/// <see cref="MaxBytes"/> is passed, and an entry unused for <see cref="MaxAge"/> is dropped. A dropped entry is read
/// back from the on-disk cache, not compiled again.
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

    /// <summary>No bound at all (tests and the bench's "before" figure): what the cache did before issue 13.</summary>
    public static CompilationCacheOptions Unbounded => new() { MaxEntries = int.MaxValue, MaxBytes = long.MaxValue, MaxAge = TimeSpan.MaxValue };
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
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
