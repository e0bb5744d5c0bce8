using System.Xml;
using System.Xml.Linq;
using DataBroker.Queries;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Diagnostics;

namespace DataBroker.Connectors.Inline;

/// <summary>How a dataset's data relates to inline data the report carries.</summary>
internal enum InlineKind
{
    /// <summary>Not inline: the dataset's data source must be registered.</summary>
    None,

    /// <summary>The report carries the rows; <see cref="InlineData.Open"/> reads them, no registration needed.</summary>
    Inline,

    /// <summary>An XML data source that would read a URL or file: refused unless a registered source of that name exists.</summary>
    RefuseUnlessRegistered,
}

/// <summary>
/// Data a report carries itself, read on the trusted side without a registered data source (nothing secret is involved):
/// <list type="bullet">
/// <item>an XML data source (<c>DataProvider</c> XML, or Report Builder's ENTERDATA) whose CommandText is an XML query with
/// inline data: <c>&lt;Query&gt;&lt;XmlData&gt;...&lt;/XmlData&gt;&lt;ElementPath&gt;Rows{}/Row&lt;/ElementPath&gt;&lt;/Query&gt;</c>;</item>
/// <item>fyiReporting's <c>&lt;Rows&gt;&lt;Row&gt;&lt;Field&gt;value&lt;/Field&gt;&lt;/Row&gt;&lt;/Rows&gt;</c> inside the DataSet.</item>
/// </list>
/// Such XML is parsed with DTDs prohibited and no resolver. Nothing is ever fetched: an XML data source without inline data
/// (its ConnectString is a URL or path) and <c>&lt;Rows File="..."/&gt;</c> are refused with DAT6008.
/// </summary>
internal static class InlineData
{
    private static readonly string[] XmlProviders = ["XML", "ENTERDATA"];

    public static InlineKind Classify(ReportDefinition report, DataSetDefinition dataSet)
    {
        if (dataSet.InlineRows is not null) return InlineKind.Inline;
        var provider = FindDataSource(report, dataSet)?.DataProvider?.Trim();
        if (provider is null || !XmlProviders.Contains(provider, StringComparer.OrdinalIgnoreCase)) return InlineKind.None;
        return HasXmlData(dataSet.Query.CommandText) ? InlineKind.Inline : InlineKind.RefuseUnlessRegistered;
    }

    public static RdlDiagnostic Refusal(ReportDefinition report, DataSetDefinition dataSet)
    {
        var source = FindDataSource(report, dataSet)?.Name ?? dataSet.Query.DataSourceName;
        return DataDiagnostics.Refused(dataSet.Name,
            $"Dataset '{dataSet.Name}' uses XML data source '{source}' without inline data (<XmlData> in the query); reading XML from a URL or file named by a report is refused (the server never fetches addresses a report chooses). Embed the data in the query, or register a data source named '{source}'.",
            dataSet.Query.Location);
    }

    /// <summary>Reads the inline rows. Throws <see cref="FormatException"/>/<see cref="XmlException"/> for malformed data and
    /// <see cref="InlineDataRefusedException"/> for a file reference.</summary>
    public static IRowSource Open(DataSetDefinition dataSet)
    {
        XElement root;
        IReadOnlyList<XmlPathStep>? path = null;
        if (dataSet.InlineRows is { } rowsXml)
        {
            root = Parse(rowsXml);
            if (root.Attribute("File") is not null)
                throw new InlineDataRefusedException($"Dataset '{dataSet.Name}' reads its rows from a file (<Rows File=\"...\">); reading files named by a report is refused. Put the rows inside the <Rows> element.");
            path = [new XmlPathStep(root.Name.LocalName, []), new XmlPathStep("*", null)];
        }
        else
        {
            var query = Parse(dataSet.Query.CommandText);
            var data = query.Elements().FirstOrDefault(e => e.Name.LocalName == "XmlData")
                ?? throw new FormatException("the query has no <XmlData> element");
            root = data.Elements().FirstOrDefault()
                ?? (data.Value.TrimStart().StartsWith('<') ? Parse(data.Value) : throw new FormatException("<XmlData> is empty"));
            var elementPath = query.Elements().FirstOrDefault(e => e.Name.LocalName == "ElementPath")?.Value;
            if (!string.IsNullOrWhiteSpace(elementPath)) path = XmlElementPath.Parse(elementPath);
        }

        var (columns, rows) = XmlRowExtractor.Extract(root, path);
        var fieldTypes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in dataSet.Fields.Where(f => !f.IsCalculated))
            fieldTypes[field.DataField ?? field.Name] = field.TypeName;
        var typed = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            var values = new object?[columns.Count];
            for (int i = 0; i < columns.Count; i++)
            {
                if (row.TryGetValue(columns[i], out var cell))
                    values[i] = InlineValueConverter.Convert(cell.Text, cell.Type ?? fieldTypes.GetValueOrDefault(columns[i]));
            }
            typed.Add(values);
        }
        return new MemoryRowSource(columns, typed);
    }

    private static bool HasXmlData(string commandText)
    {
        if (!commandText.Contains("XmlData", StringComparison.Ordinal)) return false;
        try
        {
            var query = Parse(commandText);
            return query.Name.LocalName == "Query" && query.Elements().Any(e => e.Name.LocalName == "XmlData");
        }
        catch (XmlException)
        {
            // Malformed (or a DTD): still inline data, reported as unreadable by Open rather than as a URL source.
            return commandText.Contains("<XmlData", StringComparison.Ordinal);
        }
    }

    private static DataSourceDefinition? FindDataSource(ReportDefinition report, DataSetDefinition dataSet) =>
        report.DataSources.FirstOrDefault(d => string.Equals(d.Name, dataSet.Query.DataSourceName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses untrusted XML text: no DTD, no resolver, no external anything.</summary>
    internal static XElement Parse(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(new StringReader(xml.Trim()), settings);
        return XElement.Load(reader, LoadOptions.None);
    }
}

/// <summary>The inline data refers to something outside the report (a file); refused with DAT6008.</summary>
internal sealed class InlineDataRefusedException(string message) : Exception(message);
