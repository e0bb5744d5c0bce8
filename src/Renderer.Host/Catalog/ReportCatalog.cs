using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DataBroker;
using DataBroker.Connectors;
using Microsoft.Extensions.Options;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Infrastructure;

namespace Renderer.Host.Catalog;

/// <summary>Why the catalog refused a report.</summary>
public enum CatalogRefusal
{
    None,

    /// <summary>The name or the RDL is invalid, or its expressions do not compile.</summary>
    Invalid,

    /// <summary>A report of that name exists and the upload did not ask to replace it (CAT9002).</summary>
    Exists,

    /// <summary>The name belongs to a read-only report: a sample, or a name a restricted data source lists (CAT9003).</summary>
    ReadOnly,

    /// <summary>The report uses a data source that is restricted to other reports (DAT6040).</summary>
    DataSourceDenied,
}

public sealed record CatalogResult(bool Success, CatalogEntry? Entry, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    public CatalogRefusal Refusal { get; init; }

    /// <summary>Whether the upload replaced a report of the same name.</summary>
    public bool Replaced { get; init; }

    internal static CatalogResult Refused(CatalogRefusal refusal, ImmutableArray<RdlDiagnostic> diagnostics) => new(false, null, diagnostics) { Refusal = refusal };
}

/// <summary>
/// The reports the server can render: the samples folder, loaded at start (read-only), plus uploads, kept in the data
/// folder. A report is accepted only when it reads, its expressions compile and every registered data source it names
/// allows it (<see cref="DataSourceAccess"/>); its warnings are kept with it. An upload never replaces a report unless
/// it asks to (<c>overwrite</c>), never replaces a sample, and never takes a name that a restricted data source lists
/// (until sign-in lands, only the administrator deploys such reports, in the samples folder).
/// </summary>
public sealed partial class ReportCatalog
{
    public const string ExistsCode = DiagnosticCodes.Catalog.Exists;
    public const string ReadOnlyCode = DiagnosticCodes.Catalog.ReadOnly;

    private readonly ConcurrentDictionary<string, CatalogEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly CompilationCache _compiler;
    private readonly ILogger<ReportCatalog> _logger;
    private readonly string _storeFolder;
    private readonly DataSourceResolver _dataSources;
    private readonly IOptions<DataBrokerOptions> _broker;
    private readonly Lock _writeLock = new();

    public ReportCatalog(RendererPaths paths, CompilationCache compiler, DataSourceResolver dataSources, IOptions<DataBrokerOptions> broker, ILogger<ReportCatalog> logger)
    {
        _compiler = compiler;
        _dataSources = dataSources;
        _broker = broker;
        _logger = logger;
        _storeFolder = Path.Combine(paths.DataFolder, "catalog");
        Directory.CreateDirectory(_storeFolder);
        LoadFolder(paths.SamplesFolder, sample: true);
        LoadFolder(_storeFolder, sample: false);
    }

    public IReadOnlyCollection<CatalogEntry> Entries => _entries.Values.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public bool TryGet(string name, out CatalogEntry entry) => _entries.TryGetValue(name, out entry!);

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>
    /// Reads and compiles <paramref name="bytes"/>; on success stores the report under <paramref name="name"/>. An existing
    /// report of that name is replaced only with <paramref name="overwrite"/>, and never when it is read-only.
    /// </summary>
    public CatalogResult Add(string name, byte[] bytes, bool persist = true, bool overwrite = false) => AddAsync(name, bytes, persist, overwrite).GetAwaiter().GetResult();

    /// <inheritdoc cref="Add"/>
    public Task<CatalogResult> AddAsync(string name, byte[] bytes, bool persist = true, bool overwrite = false) => AddAsync(name, bytes, persist, overwrite, sample: false);

    /// <summary>
    /// Loads a report file the administrator named on the command line (the CLI renders it): trusted like a sample, it
    /// replaces a report of the same name in this process's memory only and is never stored. Data source restrictions still apply.
    /// </summary>
    public CatalogResult AddLocalFile(string name, byte[] bytes) => AddAsync(name, bytes, persist: false, overwrite: true, sample: true).GetAwaiter().GetResult();

    private async Task<CatalogResult> AddAsync(string name, byte[] bytes, bool persist, bool overwrite, bool sample)
    {
        if (!IsValidName(name))
            return CatalogResult.Refused(CatalogRefusal.Invalid, [RdlDiagnostic.Error(DiagnosticCodes.Catalog.InvalidPath, $"'{name}' is not a valid report name: use letters, digits, spaces, '_', '-' and '.', up to 100 characters.", SourceLocation.None)]);
        var fileName = name.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase) ? name : name + ".rdl";
        var reportName = Path.GetFileNameWithoutExtension(fileName);
        // Checked before the (costly) read and compile, and again when the entry is stored.
        if (!sample && Conflict(reportName, overwrite) is { } early) return early;
        var read = RdlReader.Read(bytes, fileName);
        if (!read.Success || read.Report is null) return CatalogResult.Refused(CatalogRefusal.Invalid, read.Diagnostics);
        var definition = read.Report with { Name = reportName };
        var denied = _dataSources.Restricted(definition);
        if (!denied.IsEmpty) return CatalogResult.Refused(CatalogRefusal.DataSourceDenied, read.Diagnostics.AddRange(denied));
        var compiled = await _compiler.GetOrCompileAsync(bytes, read.Report, fileName);
        var diagnostics = read.Diagnostics.AddRange(compiled.Diagnostics);
        if (!compiled.Success) return CatalogResult.Refused(CatalogRefusal.Invalid, diagnostics);
        var entry = new CatalogEntry(reportName, fileName, bytes, definition, diagnostics, DateTimeOffset.UtcNow) { ReadOnly = sample };
        lock (_writeLock)
        {
            if (!sample && Conflict(reportName, overwrite) is { } late) return late;
            var replaced = _entries.ContainsKey(reportName);
            if (persist)
            {
                var path = Path.Combine(_storeFolder, reportName + ".rdl");
                var temp = path + ".tmp";
                File.WriteAllBytes(temp, bytes);
                File.Move(temp, path, overwrite: true);
            }
            _entries[reportName] = entry;
            return new CatalogResult(true, entry, diagnostics) { Replaced = replaced };
        }
    }

    /// <summary>Why an upload may not take <paramref name="reportName"/>, or null when it may.</summary>
    private CatalogResult? Conflict(string reportName, bool overwrite)
    {
        if (_entries.TryGetValue(reportName, out var existing) && existing.ReadOnly)
            return CatalogResult.Refused(CatalogRefusal.ReadOnly, [RdlDiagnostic.Error(ReadOnlyCode,
                $"Report '{existing.Name}' is a sample deployed with the server and is read-only; upload under another name.", SourceLocation.None)]);
        if (DataSourceAccess.IsNamed(_broker.Value, reportName))
            return CatalogResult.Refused(CatalogRefusal.ReadOnly, [RdlDiagnostic.Error(ReadOnlyCode,
                $"The name '{reportName}' is reserved: a restricted data source lists it in AllowedReports, so only the administrator deploys it (in the samples folder).", SourceLocation.None)]);
        if (existing is not null && !overwrite)
            return CatalogResult.Refused(CatalogRefusal.Exists, [RdlDiagnostic.Error(ExistsCode,
                $"Report '{existing.Name}' already exists; replace it explicitly with PUT /api/reports/{Uri.EscapeDataString(existing.Name)}.", SourceLocation.None)]);
        return null;
    }

    private void LoadFolder(string folder, bool sample)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".rdl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".rdlc", StringComparison.OrdinalIgnoreCase)).Order())
        {
            var result = AddAsync(Path.GetFileName(file), File.ReadAllBytes(file), persist: false, overwrite: false, sample).GetAwaiter().GetResult();
            if (result.Success) _logger.LogInformation("Loaded report {Report} from {File}", result.Entry!.Name, file);
            else _logger.LogWarning("Report {File} was not loaded: {Diagnostics}", file, string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,99}$")]
    private static partial Regex ValidName();
}
