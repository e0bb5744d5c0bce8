using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// State shared by the element readers: the file name, the report's namespace and the diagnostics.
/// Turns XML nodes into <see cref="SourceLocation"/>s and parses the scalar values of RDL.
/// </summary>
internal sealed class ReadContext(string fileName, XNamespace ns, int schemaYear, DiagnosticBag diagnostics)
{
    public string FileName { get; } = fileName;

    public XNamespace Namespace { get; } = ns;

    public int SchemaYear { get; } = schemaYear;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public SourceLocation LocationOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo()
            ? new SourceLocation(FileName, info.LineNumber, info.LinePosition)
            : new SourceLocation(FileName, 0, 0);

    /// <summary>The child elements in the report's namespace; elements of other namespaces (rd:, cl:, df:, ...) are skipped.</summary>
    public IEnumerable<XElement> Children(XElement parent) => parent.Elements().Where(e => e.Name.Namespace == Namespace);

    public XName Name(string localName) => Namespace + localName;

    /// <summary>Reports <paramref name="element"/> as unknown (RDL1100) unless it is a known element the model ignores.</summary>
    public void Unknown(XElement element, string owner)
    {
        var name = element.Name.LocalName;
        if (IgnoredElements.Contains(name)) return;
        Warning(RdlDiagnosticCodes.UnknownElement, $"Unknown element '{name}' in {owner} was ignored.", element, owner);
    }

    public void Error(string code, string message, XObject at, string? objectPath = null, string? expression = null) =>
        Diagnostics.Add(RdlDiagnostic.Error(code, message, LocationOf(at), objectPath, expression));

    public void Warning(string code, string message, XObject at, string? objectPath = null, string? expression = null) =>
        Diagnostics.Add(RdlDiagnostic.Warning(code, message, LocationOf(at), objectPath, expression));

    /// <summary>The Name attribute; a missing or empty name is RDL1005 and yields <paramref name="fallback"/>.</summary>
    public string RequiredName(XElement element, string kind, string fallback)
    {
        var name = element.Attribute(RdlElementNames.NameAttribute)?.Value.Trim();
        if (!string.IsNullOrEmpty(name)) return name;
        Error(RdlDiagnosticCodes.MissingRequired, $"{kind} has no Name attribute.", element);
        return fallback;
    }

    public ExpressionText Expression(XElement element, string site) => new(IsNil(element) ? "=Nothing" : element.Value, LocationOf(element), site);

    /// <summary>Text of a non-expression element, trimmed; null when empty.</summary>
    public static string? Text(XElement element)
    {
        var text = element.Value.Trim();
        return text.Length == 0 ? null : text;
    }

    public ReportSize Size(XElement element, string owner)
    {
        var text = element.Value;
        if (ReportSize.TryParse(text, out var size)) return size;
        Error(RdlDiagnosticCodes.InvalidSize,
            $"'{text.Trim()}' is not a valid size for {element.Name.LocalName} in {owner}: use a number followed by in, cm, mm, pt or pc (e.g. 2.5in).",
            element, owner);
        return ReportSize.Zero;
    }

    public bool Bool(XElement element, string owner)
    {
        var text = element.Value.Trim();
        if (bool.TryParse(text, out var value)) return value;
        if (text.StartsWith('='))
        {
            Warning(RdlDiagnosticCodes.UnsupportedFeature,
                $"An expression for {element.Name.LocalName} in {owner} is not supported yet; 'false' is used.", element, owner, text);
            return false;
        }
        Error(RdlDiagnosticCodes.InvalidValue, $"'{text}' is not a valid value for {element.Name.LocalName} in {owner}: use true or false.", element, owner);
        return false;
    }

    public int Int(XElement element, string owner, int fallback = 0)
    {
        var text = element.Value.Trim();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Error(RdlDiagnosticCodes.InvalidValue, $"'{text}' is not a valid integer for {element.Name.LocalName} in {owner}.", element, owner);
        return fallback;
    }

    /// <summary>Parses an enumeration value case-insensitively; anything else is RDL1004.</summary>
    public TEnum Enum<TEnum>(XElement element, string owner, TEnum fallback)
        where TEnum : struct, System.Enum
    {
        var text = element.Value.Trim();
        foreach (var name in System.Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) return System.Enum.Parse<TEnum>(name);
        }
        Error(RdlDiagnosticCodes.InvalidValue,
            $"'{text}' is not a valid value for {element.Name.LocalName} in {owner}: use one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.",
            element, owner);
        return fallback;
    }

    private static bool IsNil(XElement element) =>
        element.Attributes().Any(a => a.Name.LocalName == "nil" && a.Name.NamespaceName == "http://www.w3.org/2001/XMLSchema-instance"
                                      && string.Equals(a.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
