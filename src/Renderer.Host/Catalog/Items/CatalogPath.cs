using System.Diagnostics.CodeAnalysis;

namespace Renderer.Host.Catalog.Items;

/// <summary>
/// An SSRS-style item path such as <c>/Sales/Monthly/Revenue</c>: '/' is the root; names are compared without case.
/// Names may not hold the characters SSRS refuses (<c>/ \ @ $ &amp; * + = &lt; &gt; : ' , ? | "</c>), control characters,
/// or leading and trailing spaces; a path has at most 260 characters.
/// </summary>
public readonly record struct CatalogPath
{
    private const int MaxLength = 260;
    private static readonly char[] Forbidden = ['/', '\\', '@', '$', '&', '*', '+', '=', '<', '>', ':', '\'', ',', '?', '|', '"', ';'];

    private CatalogPath(string value) => Value = value;

    public static CatalogPath Root { get; } = new("/");

    public string Value { get; }

    /// <summary>The lower-case form used for lookups and uniqueness.</summary>
    public string Key => Value.ToLowerInvariant();

    public bool IsRoot => Value == "/";

    public string Name => IsRoot ? string.Empty : Value[(Value.LastIndexOf('/') + 1)..];

    public CatalogPath Parent => IsRoot ? this : new(Value.LastIndexOf('/') is 0 ? "/" : Value[..Value.LastIndexOf('/')]);

    public CatalogPath Child(string name) => new(IsRoot ? "/" + name : Value + "/" + name);

    /// <summary>True when this path lies strictly below <paramref name="ancestor"/>.</summary>
    public bool IsBelow(CatalogPath ancestor) => ancestor.IsRoot ? !IsRoot : Key.StartsWith(ancestor.Key + "/", StringComparison.Ordinal);

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out CatalogPath? path, out string error)
    {
        path = null;
        error = string.Empty;
        if (string.IsNullOrEmpty(text) || text[0] != '/') { error = $"'{text}' is not a catalog path: it must start with '/'."; return false; }
        if (text.Length > MaxLength) { error = $"The path is {text.Length} characters long; the limit is {MaxLength}."; return false; }
        if (text == "/") { path = Root; return true; }
        var trimmed = text.EndsWith('/') ? text[..^1] : text;
        foreach (var name in trimmed[1..].Split('/'))
            if (!IsValidName(name, out error)) return false;
        path = new CatalogPath(trimmed);
        return true;
    }

    public static CatalogPath Parse(string text) => TryParse(text, out var path, out var error) ? path.Value : throw new FormatException(error);

    public static bool IsValidName(string name, out string error)
    {
        error = string.Empty;
        if (name.Length == 0) error = "An item name is empty.";
        else if (name.Trim().Length != name.Length) error = $"The item name '{name}' starts or ends with a space.";
        else if (name.IndexOfAny(Forbidden) >= 0) error = $"The item name '{name}' holds one of the characters / \\ @ $ & * + = < > : ' , ? | \" ;.";
        else if (name.Any(c => char.IsControl(c) || char.IsSurrogate(c))) error = $"The item name '{name}' holds a control character or a character outside the Basic Multilingual Plane.";
        else if (name is "." or "..") error = $"'{name}' is not an item name.";
        return error.Length == 0;
    }
}
