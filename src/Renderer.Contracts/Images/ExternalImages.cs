namespace Renderer.Sandbox;

/// <summary>
/// An external image the host resolved for a render: its absolute catalog path (as <see cref="ExternalImagePath.Resolve"/>
/// gives it, e.g. <c>/Sales/logo.png</c>) and its bytes. The sandbox fetches nothing; an External Image item shows only
/// an image the host passed this way.
/// </summary>
public sealed record ExternalImage(string Path, byte[] Bytes);

/// <summary>Bounds of the external images one render carries (host and sandbox both enforce them).</summary>
public static class ExternalImageLimits
{
    /// <summary>Most external images in one render request.</summary>
    public const int MaxCount = 64;

    /// <summary>Most bytes of external images in one render request (16 MiB).</summary>
    public const long MaxTotalBytes = 16L * 1024 * 1024;
}
