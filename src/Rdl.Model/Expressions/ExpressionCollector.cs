using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Gauges;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Maps;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;

namespace Rdl.Model.Expressions;

/// <summary>
/// Lists every '=' expression of a report in one deterministic order. The host compiles them in this order
/// and the sandbox, reading the same RDL, finds each compiled method by its index in the same list.
/// </summary>
public static class ExpressionCollector
{
    public static ImmutableArray<ExpressionText> Collect(ReportDefinition report)
    {
        var list = new List<ExpressionText>();
        void Add(ExpressionText? e)
        {
            if (e is { IsExpression: true }) list.Add(e);
        }
        void AddStyle(StyleDefinition style)
        {
            if (style.Properties.Count == 0) return;
            // Ordinal key order: the host and the sandbox must number the expressions alike (hash order is per process).
            string[] keys = [.. style.Properties.Keys];
            Array.Sort(keys, StringComparer.Ordinal);
            foreach (var key in keys) Add(style.Properties[key]);
        }
        void AddFilters(ImmutableArray<FilterDefinition> filters)
        {
            foreach (var f in filters.IsDefault ? [] : filters)
            {
                Add(f.Expression);
                foreach (var v in f.Values) Add(v);
            }
        }
        void AddSorts(ImmutableArray<SortExpression> sorts)
        {
            foreach (var s in sorts.IsDefault ? [] : sorts) Add(s.Value);
        }
        void AddPaging(PageBreakDefinition? pageBreak, ExpressionText? pageName)
        {
            Add(pageBreak?.Disabled);
            Add(pageBreak?.ResetPageNumberExpression);
            Add(pageName);
        }
        void AddMembers(ImmutableArray<TablixMember> members)
        {
            foreach (var m in members.IsDefault ? [] : members)
            {
                if (m.Group is { } g)
                {
                    foreach (var ge in g.GroupExpressions.IsDefault ? [] : g.GroupExpressions) Add(ge);
                    AddFilters(g.Filters);
                    Add(g.Parent);
                    foreach (var v in g.Variables.IsDefault ? [] : g.Variables) Add(v.Value);
                    AddPaging(g.PageBreak, g.PageName);
                    Add(g.DocumentMapLabel);
                }
                AddSorts(m.SortExpressions);
                Add(m.Hidden);
                if (m.Header?.Cell.Contents is { } header) AddItem(header);
                AddMembers(m.Children);
            }
        }
        void AddAction(ActionDefinition? action)
        {
            if (action is null) return;
            Add(action.Hyperlink);
            Add(action.BookmarkLink);
            if (action.Drillthrough is not { } drillthrough) return;
            Add(drillthrough.ReportName);
            foreach (var parameter in drillthrough.Parameters)
            {
                Add(parameter.Value);
                Add(parameter.Omit);
            }
        }
        void AddItem(ReportItem item)
        {
            AddStyle(item.Style);
            Add(item.Hidden);
            switch (item)
            {
                case Textbox t:
                    foreach (var p in t.Paragraphs)
                    {
                        AddStyle(p.Style);
                        foreach (var r in p.Runs)
                        {
                            Add(r.Value);
                            AddStyle(r.Style);
                            AddAction(r.Action);
                        }
                    }
                    Add(t.Bookmark);
                    Add(t.DocumentMapLabel);
                    AddAction(t.Action);
                    Add(t.ToggleInitialState);
                    Add(t.UserSort?.SortExpression);
                    break;
                case RectangleItem r:
                    foreach (var child in r.Items) AddItem(child);
                    AddPaging(r.PageBreak, r.PageName);
                    break;
                case ImageItem image:
                    Add(image.Value);
                    Add(image.MimeType);
                    break;
                case SubreportItem subreport:
                    foreach (var parameter in subreport.Parameters)
                    {
                        Add(parameter.Value);
                        Add(parameter.Omit);
                    }
                    Add(subreport.NoRowsMessage);
                    break;
                case ChartDefinition chart:
                    AddItem(chart.DataRegion);
                    break;
                case ChartContent content:
                    AddChart(content);
                    break;
                case GaugePanelDefinition gauge:
                    AddItem(gauge.DataRegion);
                    break;
                case GaugeContent gauges:
                    AddGauges(gauges);
                    break;
                case MapDefinition map:
                    AddMap(map);
                    break;
                case MapRegionContent mapData:
                    foreach (var layer in mapData.Layers) AddMapLayerData(layer);
                    break;
                case TablixDefinition x:
                    Add(x.NoRowsMessage);
                    AddPaging(x.PageBreak, x.PageName);
                    AddSorts(x.SortExpressions);
                    AddFilters(x.Filters);
                    AddMembers(x.RowHierarchy);
                    AddMembers(x.ColumnHierarchy);
                    foreach (var row in x.Rows)
                        foreach (var cell in row.Cells)
                            if (cell.Contents is { } contents) AddItem(contents);
                    foreach (var row in x.CornerRows.IsDefault ? [] : x.CornerRows)
                        foreach (var cell in row)
                            if (cell.Contents is { } contents) AddItem(contents);
                    break;
            }
        }

        // A map: its look (viewport, titles, legends, templates, rule colors) in the map's scope, then each data region,
        // whose cell holds the data expressions of the layers bound to it; an unbound layer's data expressions come here.
        void AddMap(MapDefinition map)
        {
            AddStyle(map.Viewport.Style);
            AddStyle(map.Viewport.GridStyle);
            foreach (var title in map.Titles)
            {
                Add(title.Text);
                AddStyle(title.Style);
            }
            foreach (var legend in map.Legends)
            {
                AddStyle(legend.Style);
                Add(legend.Title);
                AddStyle(legend.TitleStyle);
            }
            if (map.ColorScale is { } scale)
            {
                AddStyle(scale.Style);
                Add(scale.Title);
            }
            if (map.DistanceScale is { } distance) AddStyle(distance.Style);
            foreach (var layer in map.Layers)
            {
                AddStyle(layer.Template.Style);
                if (layer.CenterPointTemplate is { } center) AddStyle(center.Style);
                foreach (var rule in layer.Rules.Concat(layer.CenterPointRules))
                {
                    Add(rule.StartValue);
                    Add(rule.EndValue);
                    foreach (var (start, end) in rule.Buckets)
                    {
                        Add(start);
                        Add(end);
                    }
                    Add(rule.StartColor);
                    Add(rule.MiddleColor);
                    Add(rule.EndColor);
                    foreach (var color in rule.Colors) Add(color);
                }
                if (!map.IsBound(layer)) AddMapLayerData(layer);
            }
            foreach (var region in map.DataRegions) AddItem(region);
        }

        void AddMapLayerData(MapLayerDefinition layer)
        {
            foreach (var binding in layer.Bindings) Add(binding.Binding);
            Add(layer.SpatialVectorData);
            Add(layer.Template.Label);
            Add(layer.CenterPointTemplate?.Label);
            foreach (var rule in layer.Rules.Concat(layer.CenterPointRules)) Add(rule.DataValue);
        }

        void AddGauges(GaugeContent content)
        {
            foreach (var gauge in content.Gauges)
            {
                AddStyle(gauge.FrameStyle);
                foreach (var scale in gauge.Scales)
                {
                    Add(scale.Minimum);
                    Add(scale.Maximum);
                    Add(scale.Interval);
                    AddStyle(scale.Style);
                    AddStyle(scale.LabelStyle);
                    foreach (var range in scale.Ranges)
                    {
                        Add(range.Start);
                        Add(range.End);
                        AddStyle(range.Style);
                    }
                    foreach (var pointer in scale.Pointers)
                    {
                        Add(pointer.Value);
                        AddStyle(pointer.Style);
                    }
                }
            }
            foreach (var indicator in content.Indicators)
            {
                Add(indicator.Value);
                Add(indicator.Minimum);
                Add(indicator.Maximum);
                foreach (var state in indicator.States)
                {
                    Add(state.Start);
                    Add(state.End);
                    Add(state.Color);
                }
            }
        }

        void AddChart(ChartContent chart)
        {
            foreach (var title in chart.Titles)
            {
                Add(title.Caption);
                AddStyle(title.Style);
            }
            foreach (var axis in new[] { chart.CategoryAxis, chart.ValueAxis })
            {
                Add(axis.Title);
                Add(axis.MinimumExpression);
                Add(axis.MaximumExpression);
                AddStyle(axis.Style);
                AddStyle(axis.TitleStyle);
            }
            AddStyle(chart.Legend.Style);
            AddStyle(chart.PlotStyle);
            foreach (var color in chart.CustomPalette) Add(color);
            Add(chart.NoDataMessage);
            foreach (var series in chart.Series)
            {
                AddStyle(series.Style);
                Add(series.LegendText);
                if (series.Marker is { } seriesMarker) AddStyle(seriesMarker.Style);
                foreach (var point in series.DataPoints)
                {
                    Add(point.Y);
                    Add(point.X);
                    Add(point.LegendText);
                    Add(point.ToolTip);
                    AddStyle(point.Style);
                    if (point.Marker is { } marker) AddStyle(marker.Style);
                    if (point.Label is { } label)
                    {
                        Add(label.Label);
                        AddStyle(label.Style);
                    }
                }
            }
        }

        foreach (var p in report.Parameters)
        {
            foreach (var d in p.DefaultValues) Add(d);
            foreach (var v in p.ValidValues)
            {
                Add(v.Value);
                Add(v.Label);
            }
        }
        foreach (var ds in report.DataSets)
        {
            foreach (var qp in ds.Query.Parameters) Add(qp.Value);
            foreach (var f in ds.Fields) Add(f.Value);
            AddFilters(ds.Filters);
        }
        foreach (var section in report.Sections)
        {
            AddStyle(section.Body.Style);
            foreach (var item in section.Body.Items) AddItem(item);
            foreach (var ps in new[] { section.Page.Header, section.Page.Footer })
            {
                if (ps is null) continue;
                AddStyle(ps.Style);
                foreach (var item in ps.Items) AddItem(item);
            }
        }
        foreach (var v in report.Variables.IsDefault ? [] : report.Variables) Add(v.Value);
        Add(report.InitialPageName);
        return [.. list];
    }
}
