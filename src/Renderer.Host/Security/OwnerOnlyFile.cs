namespace Renderer.Host.Security;

/// <summary>Creates a new file readable and writable by its owner only (on Unix); fails if it exists.</summary>
internal static class OwnerOnlyFile
{
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}
