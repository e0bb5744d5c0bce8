using System.Xml.Linq;

namespace DataBroker.Connectors.Inline;

/// <summary>
/// Turns XML into rows with SSRS's XML query semantics. With an element path (see <see cref="XmlElementPath"/>) the first step
/// must name the root element; the elements reached by the last step are the rows, and every step contributes its values,
/// so values of outer elements repeat on each row below them. Without a path the default is the first path to a collection
/// of leaves: from the root, follow the first child element while it has attributes or child elements.
/// Columns are named by the attribute or element they come from, in order of first appearance; a row lacking one is null there.
/// </summary>
internal static class XmlRowExtractor
{
    public static (List<string> Columns, List<Dictionary<string, (string Text, string? Type)>> Rows) Extract(XElement root, IReadOnlyList<XmlPathStep>? path)
    {
        path ??= DefaultPath(root);
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<Dictionary<string, (string, string?)>>();
        if (!NameMatches(root, path[0].Name)) return (columns, rows);

        void Walk(XElement element, int step, Dictionary<string, (string, string?)> inherited)
        {
            var values = new Dictionary<string, (string, string?)>(inherited, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, text, type) in ValuesOf(element, path[step].Fields))
            {
                values[name] = (text, type);
                if (seen.Add(name)) columns.Add(name);
            }
            if (step == path.Count - 1)
            {
                rows.Add(values);
                return;
            }
            foreach (var child in element.Elements())
                if (NameMatches(child, path[step + 1].Name)) Walk(child, step + 1, values);
        }

        Walk(root, 0, new Dictionary<string, (string, string?)>(StringComparer.OrdinalIgnoreCase));
        return (columns, rows);
    }

    internal static IReadOnlyList<XmlPathStep> DefaultPath(XElement root)
    {
        var steps = new List<XmlPathStep> { new(root.Name.LocalName, null) };
        var current = root;
        while (current.Elements().FirstOrDefault() is { } first && (first.HasAttributes || first.HasElements))
        {
            steps.Add(new XmlPathStep(first.Name.LocalName, null));
            current = first;
        }
        return steps;
    }

    private static bool NameMatches(XElement element, string name) =>
        name == "*" || string.Equals(element.Name.LocalName, name, StringComparison.Ordinal);

    private static IEnumerable<(string Name, string Text, string? Type)> ValuesOf(XElement element, IReadOnlyList<XmlFieldSpec>? fields)
    {
        if (fields is null)
        {
            foreach (var attribute in element.Attributes())
                if (!attribute.IsNamespaceDeclaration) yield return (attribute.Name.LocalName, attribute.Value, null);
            foreach (var child in element.Elements())
                if (!child.HasElements) yield return (child.Name.LocalName, child.Value, null);
            if (!element.HasElements && !element.HasAttributes && element.Value.Length > 0)
                yield return (element.Name.LocalName, element.Value, null);
            yield break;
        }
        foreach (var field in fields)
        {
            if (field.IsOwnValue)
            {
                yield return (element.Name.LocalName, element.Value, field.Type);
            }
            else if (field.Attribute is { } attributeName)
            {
                var attribute = element.Attributes().FirstOrDefault(a => a.Name.LocalName == attributeName);
                if (attribute is not null) yield return (attributeName, attribute.Value, field.Type);
            }
            else
            {
                var child = element.Elements().FirstOrDefault(e => e.Name.LocalName == field.Element);
                if (child is not null) yield return (field.Element!, child.Value, field.Type);
            }
        }
    }
}
