namespace Renderer.Sandbox.Protocol;

/// <summary>
/// How a data request names a subreport's dataset: "{subreport}\u001F{dataset}". XML cannot hold U+001F, so no RDL
/// dataset or report name contains it and a parent's own dataset names are never taken for subreport requests.
/// The host checks the dataset against the named subreport's own definition, never the parent's.
/// </summary>
public static class SubreportDataSetName
{
    public const char Separator = '\u001F';

    public static string Format(string subreport, string dataSet) => subreport + Separator + dataSet;

    /// <summary>Splits a qualified name; false for a plain dataset name of the report itself.</summary>
    public static bool TryParse(string name, out string subreport, out string dataSet)
    {
        var at = name.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0)
        {
            (subreport, dataSet) = (string.Empty, name);
            return false;
        }
        (subreport, dataSet) = (name[..at], name[(at + 1)..]);
        return true;
    }
}
