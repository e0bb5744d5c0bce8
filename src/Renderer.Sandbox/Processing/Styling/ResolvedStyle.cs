using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Processing.Styling;

/// <summary>A textbox's style after expressions are evaluated: text, box and the .NET format string.</summary>
internal sealed record ResolvedStyle(TextStyle Text, BoxStyle Box, string? Format, bool CanGrow)
{
    /// <summary>The culture values are formatted in (the report's Language); null when not known.</summary>
    public System.Globalization.CultureInfo? Culture { get; init; }

    public static ResolvedStyle Default { get; } = new(TextStyle.Default, BoxStyle.None, null, false);
}
