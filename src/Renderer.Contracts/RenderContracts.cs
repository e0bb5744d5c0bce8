using System.Collections.Immutable;
using Rdl.Model.Diagnostics;

namespace Renderer.Sandbox;

/// <summary>Everything the sandbox needs for one render; it carries no connection string or credential.</summary>
public sealed record RenderInput(
    string ReportName,
    string FileName,
    byte[] RdlBytes,
    byte[] AssemblyImage,
    string Format,
    IReadOnlyDictionary<string, object?[]> Parameters,
    DateTime ExecutionTime,
    string UserId)
{
    /// <summary>User!Language: the caller's language (a culture name such as <c>de-DE</c>), from their token or browser.</summary>
    public string UserLanguage { get; init; } = "en-US";

    /// <summary>The report's WebAssembly code modules (bytes read by the host from its modules folder).</summary>
    public IReadOnlyList<Runtime.Wasm.WasmModuleImage> WasmModules { get; init; } = [];

    /// <summary>Fuel per call and memory per module for <see cref="WasmModules"/>.</summary>
    public Runtime.Wasm.WasmLimits WasmLimits { get; init; } = Runtime.Wasm.WasmLimits.Default;

    /// <summary>
    /// Absolute base URL of the report server (Globals!ReportServerUrl), e.g. "https://reports.example.com"; drillthrough
    /// actions become links to its render endpoint. Null (CLI renders) writes no drillthrough links.
    /// </summary>
    public string? ReportServerUrl { get; init; }

    /// <summary>
    /// CSV output prefixes text that starts like a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage return)
    /// with an apostrophe (the sandbox's <c>CsvOptions.ProtectFormulas</c>); the host turns it off only when
    /// configured to (<c>Renderer:Csv:ProtectFormulas</c> false).
    /// </summary>
    public bool ProtectCsvFormulas { get; init; } = true;

    /// <summary>
    /// The reports the Subreport items of this report (and of its subreports, transitively) name, resolved and compiled by
    /// the host. A subreport that is not in this list shows "Error: Subreport could not be shown.".
    /// </summary>
    public IReadOnlyList<SubreportImage> Subreports { get; init; } = [];

    /// <summary>
    /// Drilldown toggles the viewer's user clicked: the ids (<c>ToggleControl.Id</c> in the page model) of toggle items
    /// whose state is the opposite of the report's initial one. Unknown ids are ignored.
    /// </summary>
    public IReadOnlyList<string> ToggledItems { get; init; } = [];

    /// <summary>Interactive sorts the viewer's user chose, oldest first (<c>SortControl.Id</c> in the page model); unknown ids are ignored.</summary>
    public IReadOnlyList<UserSortState> UserSorts { get; init; } = [];

    /// <summary>
    /// External images the host resolved from the catalog (resources of an image type the caller may view), at most
    /// <see cref="ExternalImageLimits.MaxCount"/> and <see cref="ExternalImageLimits.MaxTotalBytes"/> in all. An External
    /// Image item whose value resolves (<see cref="ExternalImagePath"/>, from <see cref="ImageFolder"/>) to none of them
    /// draws nothing, with a warning.
    /// </summary>
    public IReadOnlyList<ExternalImage> ExternalImages { get; init; } = [];

    /// <summary>The folder relative External Image values resolve from: the report's catalog folder (<c>/</c> for the root, and for a file on the command line).</summary>
    public string ImageFolder { get; init; } = "/";

    /// <summary>Send each page to the host as it is written (a <c>PageReadyMessage</c>; the HTML format for the viewer).</summary>
    public bool StreamPages { get; init; }
}

/// <summary>One interactive sort: the sort control's id and its direction.</summary>
public sealed record UserSortState(string Id, bool Descending);

/// <summary>A subreport as the host resolved it: its catalog name (see <c>SubreportNames.Normalize</c>), RDL and compiled expressions.</summary>
public sealed record SubreportImage(string Name, string FileName, byte[] RdlBytes, byte[] AssemblyImage);

public sealed record RenderOutput(byte[] Content, string ContentType, int PageCount, ImmutableArray<RdlDiagnostic> Diagnostics)
{
    /// <summary>Peak resident memory of the sandbox process in bytes (VmHWM), when known.</summary>
    public long PeakMemoryBytes { get; init; }

    /// <summary>Wall time in the sandbox from reading the RDL to the processed report (data waits included), in ms.</summary>
    public long ProcessingMilliseconds { get; init; }

    /// <summary>Wall time in the sandbox for pagination and the writer, in ms.</summary>
    public long RenderingMilliseconds { get; init; }

    /// <summary>
    /// The output as blocks instead of <see cref="Content"/> (which is then empty), when the render was asked to keep it
    /// that way (the sandbox sends them to the host as they are); null otherwise. Not sent over the protocol.
    /// </summary>
    internal IReadOnlyList<ReadOnlyMemory<byte>>? ContentChunks { get; init; }
}
