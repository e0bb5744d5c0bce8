namespace Rdl.Model.Definitions.Items;

/// <summary>
/// Turns a Subreport's ReportName into the catalog name it refers to. The catalog is one folder, so a path relative to
/// the parent's folder ("Sub1", "./Sub1", "../Reports/Sub1") and an absolute one ("/Sales/Reports/Sub1") both name the
/// report by their last segment; a ".rdl"/".rdlc" extension is dropped. Host and sandbox share this rule.
/// </summary>
public static class SubreportNames
{
    public static string Normalize(string reportName)
    {
        ArgumentNullException.ThrowIfNull(reportName);
        var trimmed = reportName.Trim().TrimEnd('/', '\\');
        var slash = trimmed.LastIndexOfAny(['/', '\\']);
        var last = slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
        foreach (var extension in new[] { ".rdl", ".rdlc" })
            if (last.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return last[..^extension.Length].Trim();
        return last.Trim();
    }
}
