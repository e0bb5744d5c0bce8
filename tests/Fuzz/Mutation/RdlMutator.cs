using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Renderer.Fuzz.Mutation;

/// <summary>
/// Makes one mutant of an RDL file, deterministically from the <see cref="Random"/> it is given. Most mutants are
/// structure-aware (the XML is parsed and one to three of: an element deleted, duplicated, swapped with a sibling or
/// misspelt; a size made negative, zero, huge or NaN; a value made empty, huge or of the wrong type; an expression's
/// field or function misspelt; a Name attribute emptied or duplicated); the rest are byte-level (the file truncated,
/// bytes flipped). Returns the bytes and a description of what was done, for the findings log.
/// </summary>
internal static partial class RdlMutator
{
    private static readonly string[] SizeValues =
        ["-5in", "0in", "0", "-0.0001cm", "NaN", "NaNin", "Infinityin", "1e308in", "99999999in", "22in", "1e-9pt", "in", "5", "5furlongs", "-1pt"];

    private static readonly string[] WrongValues =
        ["", " ", "-1", "0", "2147483648", "-2147483649", "1e308", "NaN", "true", "abc", "=", "=1/0", "=Nothing", "=CStr(Nothing).Length",
         "=Fields!Nope.Value", "=Parameters!Nope.Value", "=ReportItems!Nope.Value", "=Sum(Fields!Nope.Value)", "=CDate(\"x\")", "=CInt(\"x\")",
         "=Sum(1, \"NoSuchScope\")", "=First(Fields!Nope.Value, \"NoSuchDataSet\")", "#FF00GG", "Red Green", "Top Left", "=\"\"", "<b>x</b>"];

    private static readonly HashSet<string> SizeElements = new(StringComparer.Ordinal)
    {
        "Width", "Height", "Top", "Left", "PageWidth", "PageHeight", "InteractiveWidth", "InteractiveHeight", "LeftMargin", "RightMargin",
        "TopMargin", "BottomMargin", "ColumnSpacing", "FontSize", "PaddingLeft", "PaddingRight", "PaddingTop", "PaddingBottom", "Size",
        "LineHeight", "Columns", "ColSpan", "RowSpan", "Interval", "Minimum", "Maximum",
    };

    public static (byte[] Bytes, string Description) Mutate(byte[] seed, Random random)
    {
        if (random.NextDouble() < 0.12) return MutateBytes(seed, random);
        var document = TryLoad(seed);
        if (document?.Root is null) return MutateBytes(seed, random);
        var steps = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var step = MutateOnce(document, random);
            if (step is not null) steps.Add(step);
        }
        var bytes = Save(document);
        return (bytes, steps.Count == 0 ? "unchanged" : string.Join("; ", steps));
    }

    private static string? MutateOnce(XDocument document, Random random)
    {
        var elements = document.Root!.Descendants().ToList();
        if (elements.Count == 0) return null;
        switch (random.Next(10))
        {
            case 0:
            {
                var element = Pick(elements, random);
                element.Remove();
                return $"deleted {Path(element)}";
            }
            case 1:
            {
                var element = Pick(elements, random);
                element.AddAfterSelf(new XElement(element));
                return $"duplicated {Path(element)}";
            }
            case 2:
            {
                var element = Pick(elements, random);
                var siblings = element.Parent!.Elements().Where(e => e != element).ToList();
                if (siblings.Count == 0) return null;
                var other = Pick(siblings, random);
                var copy = new XElement(element);
                element.ReplaceWith(new XElement(other));
                other.ReplaceWith(copy);
                return $"swapped {Path(element)} and {other.Name.LocalName}";
            }
            case 3:
            {
                var element = Pick(elements, random);
                var name = Misspell(element.Name.LocalName, random);
                if (name.Length == 0 || !IsXmlName(name)) return null;
                var path = Path(element);
                element.Name = element.Name.Namespace + name;
                return $"renamed {path} to {name}";
            }
            case 4 or 5:
            {
                var sizes = elements.Where(e => !e.HasElements && (SizeElements.Contains(e.Name.LocalName) || LooksLikeSize(e.Value))).ToList();
                if (sizes.Count == 0) return null;
                var element = Pick(sizes, random);
                var value = SizeValues[random.Next(SizeValues.Length)];
                element.Value = value;
                return $"set {Path(element)} to '{value}'";
            }
            case 6:
            {
                var leaves = elements.Where(e => !e.HasElements).ToList();
                if (leaves.Count == 0) return null;
                var element = Pick(leaves, random);
                var value = random.Next(6) == 0 ? new string('W', 20_000 + random.Next(80_000)) : WrongValues[random.Next(WrongValues.Length)];
                element.Value = value;
                return $"set {Path(element)} to '{Short(value)}'";
            }
            case 7:
            {
                var expressions = elements.Where(e => !e.HasElements && e.Value.StartsWith('=')).ToList();
                if (expressions.Count == 0) return null;
                var element = Pick(expressions, random);
                var identifiers = IdentifierPattern().Matches(element.Value).ToList();
                if (identifiers.Count == 0) return null;
                var match = identifiers[random.Next(identifiers.Count)];
                var wrong = Misspell(match.Value, random);
                element.Value = element.Value[..match.Index] + wrong + element.Value[(match.Index + match.Length)..];
                return $"misspelt '{match.Value}' as '{wrong}' in {Path(element)}";
            }
            case 8:
            {
                var named = elements.Where(e => e.Attribute("Name") is not null).ToList();
                if (named.Count == 0) return null;
                var element = Pick(named, random);
                var other = Pick(named, random);
                var value = random.Next(3) switch { 0 => "", 1 => other.Attribute("Name")!.Value, _ => Misspell(element.Attribute("Name")!.Value, random) };
                element.SetAttributeValue("Name", value);
                return $"set the Name of {Path(element)} to '{value}'";
            }
            default:
            {
                // Move an element somewhere it does not belong: under a random other element.
                var element = Pick(elements, random);
                var target = Pick(elements, random);
                if (target == element || target.Ancestors().Contains(element)) return null;
                element.Remove();
                target.Add(element);
                return $"moved {element.Name.LocalName} into {Path(target)}";
            }
        }
    }

    private static (byte[], string) MutateBytes(byte[] seed, Random random)
    {
        if (seed.Length == 0) return (seed, "empty");
        if (random.Next(2) == 0)
        {
            var at = random.Next(seed.Length);
            return (seed[..at], $"truncated at byte {at} of {seed.Length}");
        }
        var bytes = (byte[])seed.Clone();
        var flips = 1 + random.Next(8);
        for (var i = 0; i < flips; i++)
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        return (bytes, $"flipped {flips} bits");
    }

    private static string Misspell(string name, Random random)
    {
        if (name.Length == 0) return "x";
        var chars = new StringBuilder(name);
        var at = random.Next(name.Length);
        switch (random.Next(4))
        {
            case 0:
                chars.Remove(at, 1);
                break;
            case 1:
                chars.Insert(at, (char)('a' + random.Next(26)));
                break;
            case 2 when name.Length > 1:
                var next = Math.Min(at + 1, name.Length - 1);
                (chars[at], chars[next]) = (chars[next], chars[at]);
                if (chars.ToString() == name) chars.Append('x');
                break;
            default:
                chars[at] = char.IsUpper(name[at]) ? char.ToLowerInvariant(name[at]) : char.ToUpperInvariant(name[at]);
                if (chars.ToString() == name) chars.Append('x');
                break;
        }
        return chars.ToString();
    }

    private static bool LooksLikeSize(string value) => SizePattern().IsMatch(value.Trim());

    private static bool IsXmlName(string name)
    {
        try
        {
            XmlConvert.VerifyName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static T Pick<T>(List<T> items, Random random) => items[random.Next(items.Count)];

    private static string Path(XElement element)
    {
        var name = element.Attribute("Name")?.Value is { } n ? $"{element.Name.LocalName}[{n}]" : element.Name.LocalName;
        return element.Parent is { } parent ? $"{parent.Name.LocalName}/{name}" : name;
    }

    private static string Short(string value) => value.Length > 40 ? $"{value[..10]}... ({value.Length} chars)" : value;

    internal static XDocument? TryLoad(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    internal static byte[] Save(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            document.Save(writer);
        return stream.ToArray();
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?\s*(in|cm|mm|pt|pc)$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"(?<=[!.(])[A-Za-z_][A-Za-z0-9_]*|\b(Sum|Count|First|Last|Avg|Max|Min|RunningValue|Previous|Lookup|IIf|Format|CountDistinct)\b")]
    private static partial Regex IdentifierPattern();
}
