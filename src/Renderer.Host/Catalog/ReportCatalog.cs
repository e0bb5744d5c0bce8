using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Catalog;

public sealed record CatalogResult(bool Success, CatalogEntry? Entry, ImmutableArray<RdlDiagnostic> Diagnostics);

/// <summary>
/// The reports the server can render: the samples folder, loaded at start, plus uploads, kept in the data folder.
/// A report is accepted only when it reads and its expressions compile; its warnings are kept with it.
/// </summary>
public sealed partial class ReportCatalog
{
    private readonly ConcurrentDictionary<string, CatalogEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly CompilationCache _compiler;
    private readonly ILogger<ReportCatalog> _logger;
    private readonly string _storeFolder;

    public ReportCatalog(RendererPaths paths, CompilationCache compiler, ILogger<ReportCatalog> logger)
    {
        _compiler = compiler;
        _logger = logger;
        _storeFolder = Path.Combine(paths.DataFolder, "catalog");
        Directory.CreateDirectory(_storeFolder);
        LoadFolder(paths.SamplesFolder);
        LoadFolder(_storeFolder);
    }

    public IReadOnlyCollection<CatalogEntry> Entries => _entries.Values.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public bool TryGet(string name, out CatalogEntry entry) => _entries.TryGetValue(name, out entry!);

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>Reads and compiles <paramref name="bytes"/>; on success stores the report under <paramref name="name"/>.</summary>
    public CatalogResult Add(string name, byte[] bytes, bool persist = true) => AddAsync(name, bytes, persist).GetAwaiter().GetResult();

    /// <inheritdoc cref="Add"/>
    public async Task<CatalogResult> AddAsync(string name, byte[] bytes, bool persist = true)
    {
        if (!IsValidName(name))
            return new CatalogResult(false, null, [RdlDiagnostic.Error("CAT9001", $"'{name}' is not a valid report name: use letters, digits, spaces, '_', '-' and '.', up to 100 characters.", SourceLocation.None)]);
        var fileName = name.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase) ? name : name + ".rdl";
        var read = RdlReader.Read(bytes, fileName);
        if (!read.Success || read.Report is null) return new CatalogResult(false, null, read.Diagnostics);
        var compiled = await _compiler.GetOrCompileAsync(bytes, read.Report, fileName);
        var diagnostics = read.Diagnostics.AddRange(compiled.Diagnostics);
        if (!compiled.Success) return new CatalogResult(false, null, diagnostics);
        var reportName = Path.GetFileNameWithoutExtension(fileName);
        var entry = new CatalogEntry(reportName, fileName, bytes, read.Report with { Name = reportName }, diagnostics, DateTimeOffset.UtcNow);
        if (persist)
        {
            var path = Path.Combine(_storeFolder, reportName + ".rdl");
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        _entries[reportName] = entry;
        return new CatalogResult(true, entry, diagnostics);
    }

    private void LoadFolder(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase)).Order())
        {
            var result = Add(Path.GetFileName(file), File.ReadAllBytes(file), persist: false);
            if (result.Success) _logger.LogInformation("Loaded report {Report} from {File}", result.Entry!.Name, file);
            else _logger.LogWarning("Report {File} was not loaded: {Diagnostics}", file, string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,99}$")]
    private static partial Regex ValidName();
}
