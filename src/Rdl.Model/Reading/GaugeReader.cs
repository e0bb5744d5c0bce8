using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using Rdl.Model.Definitions.Gauges;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads a &lt;GaugePanel&gt;: RadialGauges, LinearGauges (scales, ranges, pointers, labels) and StateIndicators (value,
/// transformation, states). Only what is drawn is read; the many decoration elements of gauges (frames, caps, pins,
/// tick mark shapes, gradients, images) are skipped without warnings.
/// </summary>
internal sealed class GaugeReader(ReadContext context, ItemReader items, StyleReader styles, DataReader data)
{
    public GaugePanelDefinition Read(XElement element)
    {
        var name = context.RequiredName(element, "GaugePanel", "GaugePanel");
        var owner = $"GaugePanel '{name}'";
        var common = new ItemCommon();
        string? dataSet = null;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        var gauges = ImmutableArray.CreateBuilder<GaugeDefinition>();
        var indicators = ImmutableArray.CreateBuilder<StateIndicatorDefinition>();
        foreach (var child in context.Children(element))
        {
            if (items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case "DataSetName": dataSet = ReadContext.Text(child); break;
                case "Filters": filters = data.ReadFilters(child, owner); break;
                case "RadialGauges":
                case "LinearGauges":
                    foreach (var gauge in context.Children(child))
                        gauges.Add(ReadGauge(gauge, gauge.Name.LocalName == "RadialGauge", $"{owner}.{gauge.Name.LocalName} '{NameOf(gauge)}'"));
                    break;
                case "StateIndicators":
                    foreach (var indicator in context.Children(child))
                        indicators.Add(ReadIndicator(indicator, $"{owner}.StateIndicator '{NameOf(indicator)}'"));
                    break;
            }
        }
        var location = context.LocationOf(element);
        var content = new GaugeContent(name + "_Data", location, gauges.ToImmutable(), indicators.ToImmutable());
        var region = new TablixDefinition(name, common.Bounds, StyleDefinition.Empty, location, dataSet, [common.Width],
            [new TablixRow(common.Height, [new TablixCell(content)])], [], [])
        {
            Filters = filters,
        };
        return new GaugePanelDefinition(name, common.Bounds, common.Style, location, content, region)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
        };
    }

    private static string NameOf(XElement element) => element.Attribute(RdlElementNames.NameAttribute)?.Value ?? string.Empty;

    private XElement? Child(XElement parent, string name) => context.Children(parent).FirstOrDefault(e => e.Name.LocalName == name);

    private IEnumerable<XElement> All(XElement parent, string name) => context.Children(parent).Where(e => e.Name.LocalName == name);

    private static double Number(XElement? element, double fallback) =>
        element is not null && double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : fallback;

    /// <summary>A GaugeInputValue-like element's Value (times its Multiplier when constant); null when NaN or missing.</summary>
    private ExpressionText? Value(XElement? element, string where)
    {
        if (element is null) return null;
        var value = element.Name.LocalName is "Value" ? element : Child(element, "Value");
        if (value is null) return null;
        var text = value.Value.Trim();
        if (text.Length == 0 || text.Equals("NaN", StringComparison.OrdinalIgnoreCase)) return null;
        var multiplier = Number(Child(element, "Multiplier"), 1);
        if (multiplier != 1 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return new ExpressionText((number * multiplier).ToString("R", CultureInfo.InvariantCulture), context.LocationOf(value), where);
        if (multiplier != 1 && text.StartsWith('='))
            return new ExpressionText($"=({text[1..]}) * {multiplier.ToString("R", CultureInfo.InvariantCulture)}", context.LocationOf(value), where);
        return context.Expression(value, where);
    }

    private StyleDefinition Style(XElement parent, string where) => Child(parent, "Style") is { } style ? styles.Read(style, where) : StyleDefinition.Empty;

    private GaugePlacement Placement(XElement element)
    {
        var top = Child(element, "Top");
        var width = Child(element, "Width");
        return new GaugePlacement(Number(top, 0), Number(Child(element, "Left"), 0), Number(width, 100), Number(Child(element, "Height"), 100), top is null && width is null);
    }

    private GaugeDefinition ReadGauge(XElement element, bool radial, string where)
    {
        var scales = ImmutableArray.CreateBuilder<GaugeScaleDefinition>();
        if (Child(element, "GaugeScales") is { } list)
            foreach (var scale in context.Children(list))
                scales.Add(ReadScale(scale, radial, $"{where}.{scale.Name.LocalName} '{NameOf(scale)}'"));
        var frame = Child(element, "BackFrame") is { } back ? Style(back, where + ".BackFrame") : StyleDefinition.Empty;
        var preset = element.Elements().FirstOrDefault(e => e.Name.LocalName == "GaugeType")?.Value.Trim()
            ?? (Child(element, "Type") is { } type ? ReadContext.Text(type) : null);
        return new GaugeDefinition(NameOf(element), radial, Placement(element), scales.ToImmutable(), frame)
        {
            Orientation = Child(element, "Orientation") is { } o ? ReadContext.Text(o) ?? "Auto" : "Auto",
            Preset = preset,
        };
    }

    private GaugeScaleDefinition ReadScale(XElement element, bool radial, string where)
    {
        var ranges = ImmutableArray.CreateBuilder<GaugeRangeDefinition>();
        if (Child(element, "ScaleRanges") is { } rangeList)
        {
            foreach (var range in All(rangeList, "ScaleRange"))
            {
                var at = $"{where}.ScaleRange '{NameOf(range)}'";
                ranges.Add(new GaugeRangeDefinition(Value(Child(range, "StartValue"), at + ".StartValue"), Value(Child(range, "EndValue"), at + ".EndValue"), Style(range, at))
                {
                    StartWidth = Number(Child(range, "StartWidth"), 10),
                    EndWidth = Number(Child(range, "EndWidth"), 10),
                    DistanceFromScale = Number(Child(range, "DistanceFromScale"), 10),
                    Placement = Child(range, "Placement") is { } p ? ReadContext.Text(p) ?? "Inside" : "Inside",
                });
            }
        }
        var pointers = ImmutableArray.CreateBuilder<GaugePointerDefinition>();
        if (Child(element, "GaugePointers") is { } pointerList)
        {
            foreach (var pointer in context.Children(pointerList))
            {
                var at = $"{where}.{pointer.Name.LocalName} '{NameOf(pointer)}'";
                var type = Child(pointer, "Type") is { } t ? ReadContext.Text(t) : null;
                pointers.Add(new GaugePointerDefinition(type ?? (radial ? "Needle" : "Marker"), Value(Child(pointer, "GaugeInputValue"), at + ".Value"), Style(pointer, at))
                {
                    Placement = Child(pointer, "Placement") is { } p ? ReadContext.Text(p) ?? "Cross" : "Cross",
                    Width = Number(Child(pointer, "Width"), 15),
                    MarkerLength = Number(Child(pointer, "MarkerLength"), 10),
                    MarkerStyle = Child(pointer, "MarkerStyle") is { } m ? ReadContext.Text(m) ?? "Triangle" : "Triangle",
                    DistanceFromScale = Number(Child(pointer, "DistanceFromScale"), 0),
                    BarStart = Child(pointer, "BarStart") is { } b ? ReadContext.Text(b) ?? "ScaleStart" : "ScaleStart",
                });
            }
        }
        var labels = Child(element, "ScaleLabels");
        return new GaugeScaleDefinition(Value(Child(element, "MinimumValue"), where + ".MinimumValue"), Value(Child(element, "MaximumValue"), where + ".MaximumValue"), ranges.ToImmutable(), pointers.ToImmutable())
        {
            StartAngle = Number(Child(element, "StartAngle"), 20),
            SweepAngle = Number(Child(element, "SweepAngle"), 320),
            Radius = Number(Child(element, "Radius"), 37),
            StartMargin = Number(Child(element, "StartMargin"), 8),
            EndMargin = Number(Child(element, "EndMargin"), 8),
            Position = Number(Child(element, "Position"), 50),
            LabelsHidden = labels is not null && Child(labels, "Hidden") is { } hidden && ChartParts.IsTrue(hidden),
            LabelStyle = labels is null ? StyleDefinition.Empty : Style(labels, where + ".ScaleLabels"),
            Style = Style(element, where),
            Interval = Value(Child(element, "Interval"), where + ".Interval"),
        };
    }

    private StateIndicatorDefinition ReadIndicator(XElement element, string where)
    {
        var states = ImmutableArray.CreateBuilder<IndicatorStateDefinition>();
        if (Child(element, "IndicatorStates") is { } list)
        {
            foreach (var state in All(list, "IndicatorState"))
            {
                var at = $"{where}.IndicatorState '{NameOf(state)}'";
                states.Add(new IndicatorStateDefinition(NameOf(state), Value(Child(state, "StartValue"), at + ".StartValue"), Value(Child(state, "EndValue"), at + ".EndValue"),
                    Child(state, "Color") is { } color ? context.Expression(color, at + ".Color") : null,
                    Child(state, "IndicatorStyle") is { } style ? ReadContext.Text(style) ?? "None" : "None"));
            }
        }
        return new StateIndicatorDefinition(NameOf(element), Placement(element), Value(Child(element, "GaugeInputValue"), where + ".Value"), states.ToImmutable())
        {
            TransformationType = Child(element, "TransformationType") is { } t ? ReadContext.Text(t) ?? "Percentage" : "Percentage",
            Minimum = Value(Child(element, "MinimumValue"), where + ".MinimumValue"),
            Maximum = Value(Child(element, "MaximumValue"), where + ".MaximumValue"),
            TransformationScope = Child(element, "TransformationScope") is { } s ? ReadContext.Text(s) : null,
            IndicatorStyle = Child(element, "IndicatorStyle") is { } i ? ReadContext.Text(i) ?? "None" : "None",
        };
    }
}
