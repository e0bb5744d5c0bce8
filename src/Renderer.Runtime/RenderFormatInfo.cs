namespace Renderer.Sandbox.Runtime;

/// <summary>Globals!RenderFormat: .Name ("PDF", "EXCELOPENXML", "HTML5") and .IsInteractive.</summary>
public sealed class RenderFormatInfo(string name, bool isInteractive)
{
    public string Name { get; } = name;

    public bool IsInteractive { get; } = isInteractive;

    public override string ToString() => Name;
}
