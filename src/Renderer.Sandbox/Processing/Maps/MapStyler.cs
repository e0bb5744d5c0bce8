using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Rdl.Model.Definitions.Maps;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing.Maps;

/// <summary>
/// Gives a layer's elements their look: the template (fill, border, marker, width, label), then each rule in order.
/// A rule's values (its DataValue per matched group instance, or <c>#FIELD</c>, a spatial element's field) are split into
/// buckets (<see cref="MapBuckets"/>); color rules color each bucket from StartColor through MiddleColor to EndColor
/// (SSRS defaults Green, Yellow, Red), from a palette or from custom colors; size, width and marker rules step through
/// their sizes, widths and markers. An element without a value keeps the template's look. Rules naming a legend add
/// one entry per bucket (LegendText with #FROMVALUE and #TOVALUE); the first color rule shown in the color scale gives it.
/// </summary>
internal sealed partial class MapStyler(ItemEvaluator items, MapDefinition map)
{
    private static readonly Rgba PolygonFill = new(0xE8, 0xEC, 0xF2);
    private static readonly Rgba PointFill = new(0xF9, 0x7D, 0x2C);
    private static readonly Rgba LineColor = new(0x40, 0x60, 0x80);
    private static readonly string[] DefaultMarkers = ["Circle", "Rectangle", "Triangle", "Diamond", "Star", "Wedge"];

    private readonly List<(string Legend, MapLegendEntry Entry)> _legendEntries = [];
    private (MapBuckets Buckets, ImmutableArray<Rgba> Colors)? _scale;

    public MapLayerData Style(MapLayerDefinition layer, List<(SpatialGeometry Geometry, IReadOnlyDictionary<string, string> Fields, MapGroupData? Data)> elements)
    {
        var alpha = 1 - layer.Transparency / 100;
        var template = Look(layer.Kind, layer.Template, alpha);
        var looks = elements.Select(e => template with { Geometry = e.Geometry, Label = Label(layer.Template, e.Fields, e.Data) }).ToArray();
        for (int r = 0; r < layer.Rules.Length; r++)
        {
            var index = r;
            Apply(layer.Rules[r], elements.Select(e => RuleValue(layer.Rules[index], e.Fields, e.Data?.RuleValues[index])).ToArray(), looks, layer.Kind, alpha);
        }
        if (layer.Kind == MapLayerKind.Polygon && layer.CenterPointTemplate is { Hidden: false } centerTemplate)
        {
            var center = Look(MapLayerKind.Point, centerTemplate, alpha);
            var centers = elements.Select(e => center with { Geometry = e.Geometry }).ToArray();
            for (int r = 0; r < layer.CenterPointRules.Length; r++)
            {
                var index = r;
                Apply(layer.CenterPointRules[r], elements.Select(e => RuleValue(layer.CenterPointRules[index], e.Fields, e.Data?.CenterRuleValues[index])).ToArray(), centers, MapLayerKind.Point, alpha);
            }
            for (int i = 0; i < looks.Length; i++) looks[i] = looks[i] with { CenterPoint = centers[i] };
        }
        var visible = layer.Template.Hidden ? looks.Where(l => l.CenterPoint is not null).Select(l => l with { Fill = Rgba.Transparent, Stroke = BorderSide.None, Label = null }) : looks;
        return new MapLayerData(layer, [.. visible]);
    }

    public ImmutableArray<MapLegendData> Legends() =>
    [
        .. map.Legends.Where(l => !l.Hidden).Select(legend => new MapLegendData(legend, legend.Title is { } t ? Text(t) : null, TextStyle(legend.TitleStyle, 8, bold: true),
            TextStyle(legend.Style, 8), items.Styles.ResolveBox(legend.Style),
            [.. _legendEntries.Where(e => string.Equals(e.Legend, legend.Name, StringComparison.OrdinalIgnoreCase)).Select(e => e.Entry)]))
            .Where(l => !l.Entries.IsEmpty),
    ];

    public MapColorScaleData? ColorScale()
    {
        if (map.ColorScale is not { Hidden: false } scale || _scale is not { } data) return null;
        var format = scale.LabelFormat ?? "#,##0.##";
        return new MapColorScaleData(scale, scale.Title is { } t ? Text(t) : null, TextStyle(scale.Style, 7), items.Styles.ResolveBox(scale.Style), data.Colors,
            [.. data.Buckets.Bounds.Select(b => ValueFormatter.Format(b, format, items.Culture))]);
    }

    public string Text(ExpressionText expression)
    {
        var value = items.TryEvaluate(expression, map, out var failed);
        return failed ? "#Error" : ValueFormatter.Format(value, null, items.Culture);
    }

    public TextStyle TextStyle(StyleDefinition style, double size, bool bold = false)
    {
        var fallback = Pages.TextStyle.Default with { FontSize = size, Bold = bold };
        if (style.Properties.IsEmpty) return fallback;
        try
        {
            var resolved = items.Styles.ResolveText(style, null, null, false).Text;
            return resolved with { FontSize = style["FontSize"] is null ? size : resolved.FontSize, Bold = style["FontWeight"] is null ? bold : resolved.Bold };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return fallback;
        }
    }

    public static double? ToNumber(object? value)
    {
        try
        {
            return value switch
            {
                null or DBNull => null,
                double d => double.IsFinite(d) ? d : null,
                string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : null,
                IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>A rule's value for one element: "#FIELD" reads the element's field; an expression's value comes from the matched group instance.</summary>
    private static double? RuleValue(MapRuleDefinition rule, IReadOnlyDictionary<string, string> fields, double? evaluated) =>
        rule.DataValue is { IsExpression: false, Raw: var raw } && raw.Trim().StartsWith('#')
            ? ToNumber(fields.GetValueOrDefault(raw.Trim()[1..]))
            : evaluated;

    /// <summary>The element's label: the evaluated expression, or a constant where "#FIELD" names one of its fields.</summary>
    private static string? Label(MapTemplateDefinition template, IReadOnlyDictionary<string, string> fields, MapGroupData? data)
    {
        if (template.ShowLabel.Equals("False", StringComparison.OrdinalIgnoreCase) || template.Label is not { } label) return null;
        if (label.IsExpression) return data?.Label;
        return FieldKeyword().Replace(label.Raw, m => fields.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    private MapElementData Look(MapLayerKind kind, MapTemplateDefinition template, double alpha)
    {
        var box = items.Styles.ResolveBox(template.Style);
        var fill = box.Background.IsTransparent ? kind switch { MapLayerKind.Polygon => PolygonFill, MapLayerKind.Line => LineColor, _ => PointFill } : box.Background;
        var stroke = box.Top.IsVisible ? box.Top with { Width = Math.Min(box.Top.Width, 1) }
            : template.Style["Border.Style"] is null && kind != MapLayerKind.Line ? new BorderSide(BorderStyle.Solid, new Rgba(0x80, 0x80, 0x80), 0.5) : BorderSide.None;
        if (kind == MapLayerKind.Line) stroke = new BorderSide(BorderStyle.Solid, Fade(fill, alpha), template.Size ?? 2);
        return new MapElementData(SpatialGeometry.Empty, Fade(fill, alpha), stroke)
        {
            Marker = MarkerShape(template.MarkerStyle),
            MarkerSize = template.Size ?? 6,
            LabelStyle = TextStyle(template.Style, 7),
            LabelAlways = template.ShowLabel.Equals("True", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static Rgba Fade(Rgba color, double alpha) => color with { A = (byte)Math.Round(color.A * Math.Clamp(alpha, 0, 1)) };

    public static ChartMarkerShape MarkerShape(string? style) => style?.ToLowerInvariant() switch
    {
        "rectangle" => ChartMarkerShape.Square,
        "diamond" => ChartMarkerShape.Diamond,
        "triangle" or "wedge" or "pushpin" => ChartMarkerShape.Triangle,
        "trapezoid" => ChartMarkerShape.Diamond,
        "star" => ChartMarkerShape.Star5,
        "pentagon" => ChartMarkerShape.Star10,
        _ => ChartMarkerShape.Circle,
    };

    private void Apply(MapRuleDefinition rule, double?[] values, MapElementData[] looks, MapLayerKind kind, double alpha)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        var custom = rule.Buckets.Select(b => (Number(b.Start), Number(b.End))).ToImmutableArray();
        var buckets = MapBuckets.Create(rule.DistributionType, rule.BucketCount, present, Number(rule.StartValue), Number(rule.EndValue), custom);
        if (buckets is null)
        {
            // A palette rule without values colors the elements in turn, as SSRS's random palette does.
            if (rule.Kind == MapRuleKind.Color && rule.ColorMode == "Palette" && rule.DataValue is null)
            {
                var palette = ChartPalettes.Get(rule.Palette);
                for (int i = 0; i < looks.Length; i++) looks[i] = Colored(looks[i], palette[i % palette.Length], kind, alpha);
            }
            return;
        }
        var n = buckets.Count;
        var colors = rule.Kind == MapRuleKind.Color ? Colors(rule, n) : [];
        double Step(double start, double end, int b) => n == 1 ? start : start + (end - start) * b / (n - 1);
        var markers = rule.Markers.IsEmpty ? DefaultMarkers : [.. rule.Markers];
        for (int i = 0; i < looks.Length; i++)
        {
            if (values[i] is not { } value || buckets.Of(value) is var b && b < 0) continue;
            looks[i] = rule.Kind switch
            {
                MapRuleKind.Color => Colored(looks[i], colors[b], kind, alpha),
                MapRuleKind.Size => looks[i] with { MarkerSize = Step(Or(rule.Start, 5), Or(rule.End, 20), b) },
                MapRuleKind.Width => looks[i] with { Stroke = looks[i].Stroke with { Width = Step(Or(rule.Start, 1), Or(rule.End, 8), b), Style = BorderStyle.Solid } },
                _ => looks[i] with { Marker = MarkerShape(markers[b % markers.Length]) },
            };
        }
        if (rule.Kind == MapRuleKind.Color && rule.ShowInColorScale) _scale ??= (buckets, colors);
        if (string.IsNullOrEmpty(rule.LegendName)) return;
        var text = rule.LegendText ?? "#FROMVALUE{N0} - #TOVALUE{N0}";
        for (int b = 0; b < n; b++)
        {
            var label = BucketKeyword().Replace(text, m => ValueFormatter.Format(m.Groups[1].Value == "FROMVALUE" ? buckets.Bounds[b] : buckets.Bounds[b + 1],
                m.Groups[2].Success ? m.Groups[2].Value : null, items.Culture));
            var entry = rule.Kind switch
            {
                MapRuleKind.Color => new MapLegendEntry(label, rule.Kind, colors[b], 0, ChartMarkerShape.Square),
                MapRuleKind.Size => new MapLegendEntry(label, rule.Kind, new Rgba(0x80, 0x80, 0x80), Step(Or(rule.Start, 5), Or(rule.End, 20), b), ChartMarkerShape.Circle),
                MapRuleKind.Width => new MapLegendEntry(label, rule.Kind, new Rgba(0x80, 0x80, 0x80), Step(Or(rule.Start, 1), Or(rule.End, 8), b), ChartMarkerShape.Square),
                _ => new MapLegendEntry(label, rule.Kind, new Rgba(0x80, 0x80, 0x80), 8, MarkerShape(markers[b % markers.Length])),
            };
            _legendEntries.Add((rule.LegendName, entry));
        }
    }

    private static double Or(double value, double fallback) => double.IsFinite(value) ? value : fallback;

    private static MapElementData Colored(MapElementData look, Rgba color, MapLayerKind kind, double alpha) =>
        kind == MapLayerKind.Line ? look with { Stroke = look.Stroke with { Color = Fade(color, alpha) } } : look with { Fill = Fade(color, alpha) };

    private ImmutableArray<Rgba> Colors(MapRuleDefinition rule, int n)
    {
        switch (rule.ColorMode)
        {
            case "Palette":
                var palette = ChartPalettes.Get(rule.Palette);
                return [.. Enumerable.Range(0, n).Select(i => palette[i % palette.Length])];
            case "Custom":
                var custom = rule.Colors.Select(c => ColorParser.Parse(Text(c))).OfType<Rgba>().ToArray();
                if (custom.Length > 0) return [.. Enumerable.Range(0, n).Select(i => custom[i % custom.Length])];
                break;
        }
        var start = Color(rule.StartColor) ?? new Rgba(0, 0x80, 0);
        var middle = Color(rule.MiddleColor) ?? new Rgba(0xFF, 0xFF, 0);
        var end = Color(rule.EndColor) ?? new Rgba(0xFF, 0, 0);
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var t = n == 1 ? 0 : (double)i / (n - 1);
            return t <= 0.5 ? Mix(start, middle, t * 2) : Mix(middle, end, t * 2 - 1);
        })];
    }

    private static Rgba Mix(Rgba a, Rgba b, double t) => new(
        (byte)Math.Round(a.R + (b.R - a.R) * t), (byte)Math.Round(a.G + (b.G - a.G) * t), (byte)Math.Round(a.B + (b.B - a.B) * t), (byte)Math.Round(a.A + (b.A - a.A) * t));

    private Rgba? Color(ExpressionText? expression) => expression is null ? null : ColorParser.Parse(Text(expression));

    private double? Number(ExpressionText? expression)
    {
        if (expression is null || expression.Raw.Trim().Equals("NaN", StringComparison.OrdinalIgnoreCase)) return null;
        var value = items.TryEvaluate(expression, map, out var failed);
        return failed ? null : ToNumber(value);
    }

    [GeneratedRegex(@"#(FROMVALUE|TOVALUE)(?:\{([^}]*)\})?")]
    private static partial Regex BucketKeyword();

    [GeneratedRegex(@"#([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FieldKeyword();
}
