using System.Collections.Immutable;
using System.Globalization;
using Rdl.Model.Definitions.Maps;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Charts;
using Renderer.Sandbox.Processing.Filters;
using Renderer.Sandbox.Processing.Styling;
using Renderer.Sandbox.Processing.Tablix;

namespace Renderer.Sandbox.Processing.Maps;

/// <summary>
/// Evaluates a map. For each layer it gathers the spatial elements (embedded VectorData, a dataset's spatial field, or
/// a VectorData expression per group instance of its data region) and the analytical data of its MapDataRegion: every
/// innermost group instance's binding values and rule data values, evaluated in that instance's scope as a chart's data
/// points are. An element takes the data of the instance whose binding values equal its MapFields (case-insensitive);
/// <see cref="MapStyler"/> then applies the templates and rules. Tile layers need the internet: PRC4080, drawn without
/// them. Spatial values that are not WKT or WKB (SQL Server's own serialization included) give PRC4081, once per layer.
/// </summary>
internal sealed class MapProcessor(ProcessingContext context, ItemEvaluator items, Func<string?, DataSetInstance> dataSets)
{
    /// <summary>Warning: a tile layer (Bing Maps tiles) would need the internet; the map is drawn without it.</summary>
    public const string TileLayer = Rdl.Model.Diagnostics.DiagnosticCodes.Processing.MapTileLayer;

    /// <summary>Warning: spatial values of a layer could not be read (not WKT or WKB); those elements are left out.</summary>
    public const string UnreadSpatialData = Rdl.Model.Diagnostics.DiagnosticCodes.Processing.MapUnreadSpatialData;

    /// <summary>Warning: a layer reads a shapefile from the report server, which is not supported; it is left out.</summary>
    public const string ShapefileLayer = Rdl.Model.Diagnostics.DiagnosticCodes.Processing.MapShapefileLayer;

    /// <summary>Warning: a projection other than Mercator, Equirectangular, HammerAitoff and WagnerIII is drawn as Equirectangular.</summary>
    public const string Projection = Rdl.Model.Diagnostics.DiagnosticCodes.Processing.MapProjection;

    private static readonly string[] DrawnProjections = ["Mercator", "Equirectangular", "HammerAitoff", "WagnerIII"];

    private readonly GroupPartitioner _partitioner = new(context);
    private readonly Scopes.DataRegionRows _sources = new(context, items, dataSets);

    public MapInstance Process(MapDefinition map)
    {
        var styler = new MapStyler(items, map);
        if (map.Viewport.CoordinateSystem == MapCoordinateSystem.Geographic && !DrawnProjections.Contains(map.Viewport.Projection, StringComparer.OrdinalIgnoreCase))
            Warn(map, Projection, $"The {map.Viewport.Projection} projection of {map.Describe()} is not drawn; the map uses Equirectangular.");
        var layers = ImmutableArray.CreateBuilder<MapLayerData>();
        foreach (var layer in map.Layers)
        {
            if (layer.Kind == MapLayerKind.Tile)
            {
                Warn(map, layer.Location, TileLayer, $"Tile layer '{layer.Name}' ({layer.TileStyle ?? "Road"} tiles) of {map.Describe()} needs map tiles from the internet, which renders do not reach; the map is drawn without it.");
                continue;
            }
            if (layer.Shapefile is { } shapefile && layer.Elements.IsEmpty)
            {
                Warn(map, layer.Location, ShapefileLayer, $"Layer '{layer.Name}' of {map.Describe()} reads the shapefile '{shapefile}', which is not supported; the layer is left out.");
                continue;
            }
            if (layer.Hidden) continue;
            layers.Add(styler.Style(layer, Gather(map, layer)));
        }
        return new MapInstance(map, items.Styles.ResolveBox(map.Style), items.Styles.ResolveBox(map.Viewport.Style), layers.ToImmutable())
        {
            Legends = styler.Legends(),
            ColorScale = styler.ColorScale(),
            DistanceScale = map.DistanceScale is { Hidden: false } distance ? new MapDistanceScaleData(distance, styler.TextStyle(distance.Style, 7), items.Styles.ResolveBox(distance.Style)) : null,
            Titles = [.. map.Titles.Where(t => !t.Hidden && t.Text is not null).Select(t => new MapTitleData(t, styler.Text(t.Text!), styler.TextStyle(t.Style, 12)))],
            GridLine = map.Viewport.MeridiansHidden && map.Viewport.ParallelsHidden ? BorderSide.None : GridLine(map.Viewport.GridStyle),
            GridLabel = styler.TextStyle(map.Viewport.GridStyle, 7),
        };
    }

    private BorderSide GridLine(StyleDefinition style)
    {
        var box = items.Styles.ResolveBox(style);
        return box.Top.IsVisible ? box.Top with { Width = Math.Min(box.Top.Width, 0.5) } : new BorderSide(BorderStyle.Solid, new Rgba(0xC0, 0xC0, 0xC0), 0.5);
    }

    private void Warn(MapDefinition map, string code, string message) => Warn(map, map.Location, code, message);

    private void Warn(MapDefinition map, SourceLocation location, string code, string message) =>
        items.AddDiagnostic(RdlDiagnostic.Warning(code, message, location, map.Describe()));

    /// <summary>The layer's spatial elements with the analytical data matched to each (null when none).</summary>
    private List<(SpatialGeometry Geometry, IReadOnlyDictionary<string, string> Fields, MapGroupData? Data)> Gather(MapDefinition map, MapLayerDefinition layer)
    {
        var result = new List<(SpatialGeometry, IReadOnlyDictionary<string, string>, MapGroupData?)>();
        var groups = map.RegionOf(layer) is { } region ? Groups(map, layer, region) : [];
        var unread = 0;
        string? firstProblem = null;
        void Add(object? value, IReadOnlyDictionary<string, string> fields, MapGroupData? data)
        {
            if (SpatialReader.TryRead(value, out var geometry, out var problem)) result.Add((geometry, fields, data));
            else if (value is not (null or DBNull) && unread++ == 0) firstProblem = problem;
        }
        var empty = ImmutableDictionary<string, string>.Empty;
        if (layer.SpatialVectorData is not null)
        {
            foreach (var group in groups) Add(group.Vector, empty, group);
        }
        else
        {
            var byKey = new Dictionary<string, MapGroupData>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in groups) byKey.TryAdd(group.Key, group);
            MapGroupData? Match(IReadOnlyDictionary<string, string> fields) =>
                layer.Bindings.IsEmpty ? null : byKey.GetValueOrDefault(Key(layer.Bindings.Select(b => fields.GetValueOrDefault(b.FieldName))));
            foreach (var element in layer.Elements) Add(element.VectorData, element.Fields, Match(element.Fields));
            if (layer.SpatialDataSet is { } spatial) ReadDataSet(map, spatial, (value, fields) => Add(value, fields, Match(fields)));
        }
        if (unread > 0)
            Warn(map, UnreadSpatialData, $"{unread} spatial value(s) of layer '{layer.Name}' of {map.Describe()} could not be read and are left out: {firstProblem}.");
        return result;
    }

    private void ReadDataSet(MapDefinition map, MapSpatialDataSetDefinition spatial, Action<object?, IReadOnlyDictionary<string, string>> add)
    {
        var dataSet = dataSets(spatial.DataSetName);
        var spatialIndex = Column(dataSet, spatial.SpatialField);
        if (spatialIndex < 0)
        {
            Warn(map, UnreadSpatialData, $"{map.Describe()} reads spatial field '{spatial.SpatialField}' of dataset '{spatial.DataSetName}', which has no such field.");
            return;
        }
        var fieldColumns = spatial.FieldNames.Select(f => (f, Column(dataSet, f))).Where(p => p.Item2 >= 0).ToArray();
        foreach (var row in dataSet.Rows)
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, column) in fieldColumns) fields[name] = Convert.ToString(row[column], CultureInfo.InvariantCulture) ?? string.Empty;
            add(row[spatialIndex], fields);
        }
    }

    private static int Column(DataSetInstance dataSet, string field)
    {
        var index = dataSet.FieldIndex(field);
        return index < 0 ? -1 : dataSet.ColumnOfField[index];
    }

    /// <summary>The binding key of a group instance or element: its values joined, trimmed.</summary>
    private static string Key(IEnumerable<string?> values) => string.Join("\u001F", values.Select(v => (v ?? string.Empty).Trim()));

    /// <summary>Each innermost group instance of the layer's data region, with the layer's values evaluated in its scope.</summary>
    private List<MapGroupData> Groups(MapDefinition map, MapLayerDefinition layer, TablixDefinition region)
    {
        var (dataSet, source) = _sources.For(map, region.DataSetName);
        var rows = FilterEngine.Apply(context, dataSet, source, region.Filters, map.Describe());
        context.PushScope(new ScopeFrame(region.Name, dataSet, rows) { IsDataRegion = true });
        var saved = context.SetRow(dataSet, rows.Count > 0 ? rows[0] : null);
        try
        {
            var slots = region.RowHierarchy.IsDefaultOrEmpty
                ? [new ChartSlot(0, rows, [], string.Empty)]
                : new ChartHierarchy(context, items, _partitioner).Expand(region.RowHierarchy, dataSet, rows, map);
            return [.. slots.Where(s => s.Rows.Count > 0).Select(slot => InSlot(slot, dataSet, () => Evaluate(map, layer)))];
        }
        finally
        {
            context.RestoreRow(saved);
            context.PopScope();
        }
    }

    private MapGroupData Evaluate(MapDefinition map, MapLayerDefinition layer)
    {
        var key = Key(layer.Bindings.Select(b => Value(b.Binding, map) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null));
        double?[] Values(ImmutableArray<MapRuleDefinition> rules) =>
            [.. rules.Select(r => r.DataValue is { IsExpression: true } e ? MapStyler.ToNumber(Value(e, map)) : null)];
        return new MapGroupData(key, Values(layer.Rules), Values(layer.CenterPointRules))
        {
            Label = layer.Template.Label is { IsExpression: true } label ? Format(Value(label, map)) : null,
            Vector = layer.SpatialVectorData is { } vector ? Value(vector, map) : null,
        };
    }

    private T InSlot<T>(ChartSlot slot, DataSetInstance dataSet, Func<T> evaluate)
    {
        foreach (var frame in slot.Frames) context.PushScope(frame);
        context.PushScope(new ScopeFrame(string.Empty, dataSet, slot.Rows));
        var saved = context.SetRow(dataSet, slot.Rows[0]);
        try
        {
            return evaluate();
        }
        finally
        {
            context.RestoreRow(saved);
            for (int i = 0; i <= slot.Frames.Length; i++) context.PopScope();
        }
    }

    private object? Value(ExpressionText expression, MapDefinition map)
    {
        var value = items.TryEvaluate(expression, map, out var failed);
        return failed ? null : value;
    }

    private string? Format(object? value) => value is null or DBNull ? null : ValueFormatter.Format(value, null, items.Culture);
}

/// <summary>The analytical data of one group instance: its binding key, each rule's value, its label and (for spatial data regions) its spatial value.</summary>
internal sealed record MapGroupData(string Key, double?[] RuleValues, double?[] CenterRuleValues)
{
    public string? Label { get; init; }

    public object? Vector { get; init; }
}
