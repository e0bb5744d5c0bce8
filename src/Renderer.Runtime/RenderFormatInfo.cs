namespace Renderer.Sandbox.Runtime;

/// <summary>Globals!RenderFormat: .Name (SSRS's extension name, e.g. PDF or EXCELOPENXML) and .IsInteractive.</summary>
public sealed class RenderFormatInfo(string name, bool isInteractive)
{
    public string Name { get; } = name;

    public bool IsInteractive { get; } = isInteractive;

    public override string ToString() => Name;
}
