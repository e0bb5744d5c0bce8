namespace DataBroker.Connectors.Inline;

/// <summary>One value an element path step takes from its element: an attribute (<c>@Name</c>), the element's own text
/// (<c>@</c>) or a child element's text (<c>Name</c>), with an optional type (<c>Qty(Integer)</c>).</summary>
internal sealed record XmlFieldSpec(string? Attribute, string? Element, string? Type)
{
    public bool IsOwnValue => Attribute is null && Element is null;
}

/// <summary>One step of an element path: an element name and the values it contributes (null = all attributes and leaf children).</summary>
internal sealed record XmlPathStep(string Name, IReadOnlyList<XmlFieldSpec>? Fields);

/// <summary>
/// The SSRS XML query ElementPath: <c>Name[(Type)][{FieldList}]/Name...</c>, e.g. <c>Customers{}/Customer{@Name}/Orders/Order{@ID,Qty(Integer)}</c>.
/// Each step descends to child elements of that name; the last step's elements are the rows. A step without braces contributes
/// all its attributes and the text of its leaf child elements; <c>{}</c> contributes nothing. Namespace prefixes are ignored.
/// </summary>
internal static class XmlElementPath
{
    public static IReadOnlyList<XmlPathStep> Parse(string path)
    {
        var steps = new List<XmlPathStep>();
        var text = path.Trim();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && text[i] is not ('/' or '{' or '(')) i++;
            var name = LocalName(text[start..i].Trim());
            if (name.Length == 0) throw new FormatException($"the ElementPath '{path}' has an empty element name");
            if (i < text.Length && text[i] == '(')
            {
                int close = text.IndexOf(')', i);
                if (close < 0) throw new FormatException($"the ElementPath '{path}' has an unclosed '('");
                i = close + 1;
            }
            List<XmlFieldSpec>? fields = null;
            if (i < text.Length && text[i] == '{')
            {
                int close = text.IndexOf('}', i);
                if (close < 0) throw new FormatException($"the ElementPath '{path}' has an unclosed '{{'");
                fields = ParseFields(text[(i + 1)..close], path);
                i = close + 1;
            }
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i < text.Length)
            {
                if (text[i] != '/') throw new FormatException($"the ElementPath '{path}' has an unexpected '{text[i]}'");
                i++;
            }
            steps.Add(new XmlPathStep(name, fields));
        }
        if (steps.Count == 0) throw new FormatException("the ElementPath is empty");
        return steps;
    }

    private static List<XmlFieldSpec> ParseFields(string list, string path)
    {
        var fields = new List<XmlFieldSpec>();
        foreach (var raw in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var item = raw;
            string? type = null;
            int open = item.IndexOf('(');
            if (open >= 0)
            {
                if (!item.EndsWith(')')) throw new FormatException($"the ElementPath '{path}' has a malformed field '{raw}'");
                type = item[(open + 1)..^1].Trim();
                item = item[..open].Trim();
            }
            if (item == "@") fields.Add(new XmlFieldSpec(null, null, type));
            else if (item.StartsWith('@')) fields.Add(new XmlFieldSpec(LocalName(item[1..].Trim()), null, type));
            else fields.Add(new XmlFieldSpec(null, LocalName(item), type));
        }
        return fields;
    }

    private static string LocalName(string name)
    {
        int colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[(colon + 1)..];
    }
}
