using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Processing.Styling;

/// <summary>A textbox's style after expressions are evaluated: text, box and the .NET format string.</summary>
internal sealed record ResolvedStyle(TextStyle Text, BoxStyle Box, string? Format, bool CanGrow)
{
    public static ResolvedStyle Default { get; } = new(TextStyle.Default, BoxStyle.None, null, false);
}
