using System.Collections.Immutable;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Charts;

/// <summary>The chart palettes of SSRS by name; an unknown name gives <see cref="Default"/> (SSRS's Default / BrightPastel).</summary>
internal static class ChartPalettes
{
    public static ImmutableArray<Rgba> Default { get; } = Colors(
        "#418CF0", "#FCB441", "#E0400A", "#056492", "#BFBFBF", "#1A3B69", "#FFE382", "#129CDD", "#CA6B4B", "#005CDB",
        "#F3D288", "#506381", "#F1B9A8", "#E0830A", "#7893BE");

    private static readonly Dictionary<string, ImmutableArray<Rgba>> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Default"] = Default,
        ["BrightPastel"] = Default,
        ["EarthTones"] = Colors("#FF8000", "#B8860B", "#C04000", "#6B8E23", "#CD853F", "#C0C000", "#228B22", "#D2691E", "#808000", "#20B2AA", "#F4A460", "#00C000", "#8FBC8B", "#B22222", "#8B4513", "#C00000"),
        ["Excel"] = Colors("#9999FF", "#993366", "#FFFFCC", "#CCFFFF", "#660066", "#FF8080", "#0066CC", "#CCCCFF", "#000080", "#FF00FF", "#FFFF00", "#00FFFF", "#800080", "#800000", "#008080", "#0000FF"),
        ["GrayScale"] = Colors("#C8C8C8", "#BDBDBD", "#B2B2B2", "#A7A7A7", "#9C9C9C", "#919191", "#868686", "#7B7B7B", "#707070", "#656565", "#5A5A5A", "#4F4F4F", "#444444", "#393939", "#2E2E2E", "#232323"),
        ["Light"] = Colors("Lavender", "LavenderBlush", "PeachPuff", "LemonChiffon", "MistyRose", "Honeydew", "AliceBlue", "WhiteSmoke", "AntiqueWhite", "LightCyan"),
        ["Pastel"] = Colors("SkyBlue", "LimeGreen", "MediumOrchid", "LightCoral", "SteelBlue", "YellowGreen", "Turquoise", "HotPink", "Khaki", "Tan", "DarkSeaGreen", "CornflowerBlue", "Plum", "CadetBlue", "PeachPuff", "LightSalmon"),
        ["Berry"] = Colors("BlueViolet", "MediumOrchid", "RoyalBlue", "MediumVioletRed", "Blue", "BlueViolet", "Orchid", "MediumSlateBlue", "#C000C0", "MediumBlue", "Purple"),
        ["Chocolate"] = Colors("Sienna", "Chocolate", "DarkRed", "Peru", "Brown", "SandyBrown", "SaddleBrown", "#C06000", "#400000", "#FFC080"),
        ["Fire"] = Colors("Gold", "Red", "DeepPink", "Crimson", "DarkOrange", "Magenta", "Yellow", "OrangeRed", "MediumVioletRed", "#DD2236"),
        ["SeaGreen"] = Colors("SeaGreen", "MediumAquamarine", "SteelBlue", "DarkCyan", "CadetBlue", "MediumSeaGreen", "MediumTurquoise", "LightSteelBlue", "DarkSeaGreen", "SkyBlue"),
    };

    public static ImmutableArray<Rgba> Get(string? name) =>
        name is not null && Named.TryGetValue(name, out var palette) ? palette : Default;

    private static ImmutableArray<Rgba> Colors(params string[] names) =>
        [.. names.Select(n => ColorParser.Parse(n) ?? Rgba.Black)];
}
