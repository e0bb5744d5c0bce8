using System.Text;

namespace Renderer.Sandbox.Writers.Csv;

/// <summary>
/// CSV device settings, with SSRS's defaults: comma between fields, CRLF between records, values holding a delimiter,
/// a quote or a line break wrapped in double quotes (quotes doubled), a header row, and UTF-8 with a byte order mark
/// (SSRS's default encoding is UTF-8 and it writes the BOM, which is also what makes Excel read the file as UTF-8).
/// Text that a spreadsheet would take for a formula is neutralised by default (<see cref="ProtectFormulas"/>).
/// </summary>
public sealed record CsvOptions
{
    public static CsvOptions Default { get; } = new();

    public string FieldDelimiter { get; init; } = ",";

    public string RecordDelimiter { get; init; } = "\r\n";

    public string Qualifier { get; init; } = "\"";

    /// <summary>Leave out the header row of each data block.</summary>
    public bool NoHeader { get; init; }

    /// <summary>
    /// Prefix a text value that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return with an
    /// apostrophe, as OWASP recommends against CSV injection, so a spreadsheet shows it as text instead of running it as
    /// a formula (<c>=cmd|' /C calc'!A0</c>). Numbers, dates and booleans are never changed: a negative number stays a number.
    /// </summary>
    public bool ProtectFormulas { get; init; } = true;

    /// <summary>Text encoding; its preamble (BOM) is written when it has one.</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
