namespace Rdl.Model.Definitions;

/// <summary>An entry of the report's &lt;EmbeddedImages&gt;: the decoded ImageData bytes.</summary>
public sealed record EmbeddedImage(string Name, string? MimeType, byte[] ImageData);
