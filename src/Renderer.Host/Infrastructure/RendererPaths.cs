namespace Renderer.Host.Infrastructure;

/// <summary>
/// Where the server keeps its files. <see cref="DataFolder"/> (sample database, expression cache, uploaded reports)
/// comes from the "DataFolder" setting, else "data" under the project root; the project root is found by walking up
/// from the content root until a folder holding samples/rdl appears.
/// </summary>
public sealed class RendererPaths
{
    public RendererPaths(string contentRoot, string? dataFolder, string? samplesFolder)
    {
        ProjectRoot = FindProjectRoot(contentRoot) ?? FindProjectRoot(AppContext.BaseDirectory) ?? contentRoot;
        DataFolder = Path.GetFullPath(dataFolder is { Length: > 0 } ? Path.Combine(ProjectRoot, dataFolder) : Path.Combine(ProjectRoot, "data"));
        SamplesFolder = Path.GetFullPath(samplesFolder is { Length: > 0 } ? Path.Combine(ProjectRoot, samplesFolder) : Path.Combine(ProjectRoot, "samples", "rdl"));
        Directory.CreateDirectory(DataFolder);
    }

    public string ProjectRoot { get; }

    public string DataFolder { get; }

    public string SamplesFolder { get; }

    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(ProjectRoot, relative));

    private static string? FindProjectRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "rdl"))) return dir.FullName;
        return null;
    }
}
