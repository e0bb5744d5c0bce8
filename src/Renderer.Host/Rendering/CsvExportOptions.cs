namespace Renderer.Host.Rendering;

/// <summary>CSV export settings, bound from "Renderer:Csv"; they travel to the sandbox as render options.</summary>
public sealed class CsvExportOptions
{
    public const string SectionName = "Renderer:Csv";

    /// <summary>
    /// Prefix text cells that start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return with an
    /// apostrophe so spreadsheets do not run them as formulas (OWASP's advice against CSV injection). Numbers are never
    /// changed. Turn off only when the files feed programs that need the text exactly as the data holds it.
    /// </summary>
    public bool ProtectFormulas { get; set; } = true;
}
