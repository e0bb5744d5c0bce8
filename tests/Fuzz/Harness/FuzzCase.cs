namespace Renderer.Fuzz.Harness;

/// <summary>
/// One report to run: the main RDL (its file name and bytes), the folder its subreports are read from, and subreports
/// whose bytes replace the file of that name (a mutated subreport).
/// </summary>
internal sealed record FuzzCase(string FileName, byte[] Bytes, string Folder)
{
    public IReadOnlyDictionary<string, byte[]> SubreportOverrides { get; init; } = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The RDL of subreport <paramref name="name"/>: the override, else the file beside the main report, else null.</summary>
    public byte[]? Subreport(string name)
    {
        if (SubreportOverrides.TryGetValue(name, out var bytes)) return bytes;
        var path = Path.Combine(Folder, name + ".rdl");
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
