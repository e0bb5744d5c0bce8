namespace Renderer.Host.Sandboxing;

/// <summary>
/// What a sandbox process runs once its layers apply: an executable (the dotnet muxer; in tests the native isolation
/// probe), the files and folders it may read besides the system libraries, and its arguments.
/// </summary>
internal sealed record SandboxCommand(string Executable, IReadOnlyList<string> ReadOnly, IReadOnlyList<string> Arguments)
{
    /// <summary><c>dotnet Renderer.Sandbox.dll [arguments]</c>: the .NET installation and the sandbox's own files (not the host's configuration files next to them).</summary>
    public static SandboxCommand DotNet(string dotnet, string sandboxDll, IReadOnlyList<string> sandboxArguments)
    {
        var muxer = RealPath(dotnet);
        var readOnly = new List<string>();
        if (Path.GetDirectoryName(muxer) is { } dotnetRoot) readOnly.Add(dotnetRoot);
        readOnly.AddRange(SandboxFiles(sandboxDll));
        return new SandboxCommand(muxer, readOnly, [sandboxDll, .. sandboxArguments]);
    }

    /// <summary>
    /// The sandbox's own files: every assembly, its runtimeconfig/deps, native libraries under runtimes/. When the
    /// folder holds nothing else (the published <c>sandbox</c> folder: besides those only the apphost and the runtime's
    /// createdump), the folder itself: one Landlock rule and one bind mount instead of about 200 (which cost about
    /// 0.1 s of CPU per sandbox start in bubblewrap).
    /// </summary>
    private static IEnumerable<string> SandboxFiles(string sandboxDll)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(sandboxDll))!;
        var name = Path.GetFileNameWithoutExtension(sandboxDll);
        var files = new List<string>();
        var onlySandbox = true;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var fileName = Path.GetFileName(file);
            if (fileName.EndsWith(".dll", StringComparison.Ordinal) || fileName.StartsWith(name + ".", StringComparison.Ordinal) || fileName.EndsWith(".so", StringComparison.Ordinal))
                files.Add(file);
            else if (fileName != name && fileName != "createdump")
                onlySandbox = false;
        }
        if (onlySandbox && Directory.EnumerateDirectories(folder).All(d => Path.GetFileName(d) == "runtimes")) return [folder];
        var runtimes = Path.Combine(folder, "runtimes");
        if (Directory.Exists(runtimes)) files.Add(runtimes);
        return files;
    }

    internal static string RealPath(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }
}
