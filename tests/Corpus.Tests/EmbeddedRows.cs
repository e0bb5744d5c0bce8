using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Rdl.Model.Definitions.Data;
using Renderer.Sandbox.Data;

namespace Corpus.Tests;

/// <summary>
/// Reads data that a corpus report carries itself where the data broker does not: fyiReporting's
/// <c>&lt;Rows File="x.xml"/&gt;</c> (data shipped beside the RDL; the broker never reads files a report names), and, as a
/// fallback, inline <c>&lt;Rows&gt;</c> and Report Builder's "Enter Data" <c>&lt;XmlData&gt;</c> in the CommandText.
/// Values are converted to the field's rd:TypeName when they parse; otherwise they stay strings.
/// </summary>
internal sealed class EmbeddedRows
{
    private readonly XDocument? _document;
    private readonly string _directory;

    public EmbeddedRows(byte[] rdl, string rdlPath)
    {
        _directory = Path.GetDirectoryName(rdlPath) ?? ".";
        _document = Load(new MemoryStream(rdl));
    }

    /// <summary>The dataset's own rows, or null when the report does not carry them.</summary>
    public DataSetRows? For(DataSetDefinition dataSet)
    {
        var element = _document?.Descendants().FirstOrDefault(e => e.Name.LocalName == "DataSet"
            && string.Equals((string?)e.Attribute("Name"), dataSet.Name, StringComparison.OrdinalIgnoreCase));
        if (element is null) return null;
        var rows = element.Elements().FirstOrDefault(e => e.Name.LocalName == "Rows");
        if (rows is not null) return FromRows(dataSet, RowsOf(rows));
        if (dataSet.Query.CommandText.Contains("<XmlData>", StringComparison.Ordinal)
            && Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dataSet.Query.CommandText))) is { } query
            && query.Descendants().FirstOrDefault(e => e.Name.LocalName == "XmlData")?.Elements().FirstOrDefault() is { } data)
        {
            return FromRows(dataSet, data.Elements());
        }
        return null;
    }

    private IEnumerable<XElement> RowsOf(XElement rows)
    {
        if ((string?)rows.Attribute("File") is { Length: > 0 } file)
        {
            var path = Path.Combine(_directory, file);
            if (!File.Exists(path) || Load(File.OpenRead(path)) is not { Root: { } root }) return [];
            return root.Name.LocalName == "Rows" ? root.Elements() : root.Descendants().Where(e => e.Name.LocalName == "Row");
        }
        return rows.Elements();
    }

    private static DataSetRows FromRows(DataSetDefinition dataSet, IEnumerable<XElement> rows)
    {
        var fields = dataSet.Fields.Where(f => !f.IsCalculated).ToList();
        var columns = fields.Select(f => f.DataField ?? f.Name).ToList();
        var list = new List<object?[]>();
        foreach (var row in rows)
        {
            var values = new object?[fields.Count];
            for (var i = 0; i < fields.Count; i++)
            {
                var text = ValueOf(row, columns[i]) ?? ValueOf(row, fields[i].Name);
                values[i] = text is null ? null : Convert(text, fields[i].TypeName);
            }
            list.Add(values);
        }
        return new DataSetRows(columns, list);
    }

    private static string? ValueOf(XElement row, string column) =>
        row.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, column, StringComparison.OrdinalIgnoreCase))?.Value
        ?? row.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, column, StringComparison.OrdinalIgnoreCase))?.Value;

    private static object Convert(string text, string? typeName)
    {
        var invariant = CultureInfo.InvariantCulture;
        var value = text.Trim();
        switch (GeneratedRows.NormalizeType(typeName))
        {
            case "int32" or "int16" or "byte" or "int" or "integer" when int.TryParse(value, NumberStyles.Number, invariant, out var i): return i;
            case "int64" when long.TryParse(value, NumberStyles.Number, invariant, out var l): return l;
            case "decimal" when decimal.TryParse(value, NumberStyles.Number, invariant, out var m): return m;
            case "double" or "single" or "float" when double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out var d): return d;
            case "datetime" when DateTime.TryParse(value, invariant, DateTimeStyles.None, out var t): return t;
            case "boolean" when bool.TryParse(value, out var b): return b;
            default: return text;
        }
    }

    private static XDocument? Load(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using (stream)
            using (var reader = XmlReader.Create(stream, settings))
                return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
