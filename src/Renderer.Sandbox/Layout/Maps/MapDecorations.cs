using System.Globalization;
using Rdl.Model.Definitions.Maps;
using Renderer.Sandbox.Layout.Charts;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Maps;

namespace Renderer.Sandbox.Layout.Maps;

/// <summary>
/// Measures and draws a map's titles, legends (a swatch per entry: a color box, a marker of its size, a line of its
/// width), color scale (a bar of the bucket colors with the bucket bounds below) and distance scale (kilometers above,
/// miles below, rounded to 1, 2 or 5 times a power of ten).
/// </summary>
internal sealed class MapDecorations(ChartCanvas canvas)
{
    private const double Pad = 3;
    private const double Swatch = 12;

    public MapPiece Title(MapTitleData title, double maxWidth)
    {
        var text = canvas.Fit(title.Text, title.Style, maxWidth);
        var width = canvas.Width(text, title.Style) + 2 * Pad;
        var height = canvas.LineHeight(title.Style) + 2;
        return new MapPiece(title.Definition.Position, title.Definition.DockOutsideViewport, width, height,
            at => canvas.Text(text, title.Style, at.X + at.Width / 2, at.Y + 1, ChartTextAnchor.Middle));
    }

    public MapPiece Legend(MapLegendData legend)
    {
        var line = Math.Max(canvas.LineHeight(legend.TextStyle), Swatch) + 1;
        var titleHeight = legend.Title is null ? 0 : canvas.LineHeight(legend.TitleStyle) + 2;
        var swatch = Math.Max(Swatch, legend.Entries.Where(e => e.Kind == MapRuleKind.Size).Select(e => e.Size).DefaultIfEmpty(0).Max());
        var textWidth = legend.Entries.Max(e => canvas.Width(e.Text, legend.TextStyle));
        var width = Math.Max(swatch + 4 + textWidth, legend.Title is { } t ? canvas.Width(t, legend.TitleStyle) : 0) + 2 * Pad;
        var rows = legend.Entries.Select(e => e.Kind == MapRuleKind.Size ? Math.Max(line, e.Size + 1) : line).ToArray();
        var height = titleHeight + rows.Sum() + 2 * Pad;
        return new MapPiece(legend.Definition.Position, legend.Definition.DockOutsideViewport, width, height, at =>
        {
            Box(at, legend.Box);
            var y = at.Y + Pad;
            if (legend.Title is { } title)
            {
                canvas.Text(title, legend.TitleStyle, at.X + at.Width / 2, y, ChartTextAnchor.Middle);
                y += titleHeight;
            }
            for (int i = 0; i < legend.Entries.Length; i++)
            {
                var entry = legend.Entries[i];
                var middle = y + rows[i] / 2;
                var cx = at.X + Pad + swatch / 2;
                switch (entry.Kind)
                {
                    case MapRuleKind.Color:
                        canvas.Rect(at.X + Pad + (swatch - Swatch) / 2, middle - Swatch * 0.35, Swatch, Swatch * 0.7, entry.Color, ChartCanvas.Hairline(new Rgba(0x80, 0x80, 0x80), 0.5));
                        break;
                    case MapRuleKind.Width:
                        canvas.Line(at.X + Pad, middle, at.X + Pad + swatch, middle, new BorderSide(BorderStyle.Solid, entry.Color, Math.Min(entry.Size, rows[i])));
                        break;
                    default:
                        canvas.Add(new ChartMarker(new ChartPoint(cx, middle), entry.Marker, entry.Size, entry.Color, ChartCanvas.Hairline(new Rgba(0x60, 0x60, 0x60), 0.5)));
                        break;
                }
                canvas.Text(entry.Text, legend.TextStyle, at.X + Pad + swatch + 4, middle - canvas.LineHeight(legend.TextStyle) / 2, ChartTextAnchor.Start);
                y += rows[i];
            }
        });
    }

    public MapPiece ColorScale(MapColorScaleData scale)
    {
        var labelWidth = scale.Labels.Max(l => canvas.Width(l, scale.TextStyle));
        var cell = Math.Max(24, labelWidth + 4);
        var titleHeight = scale.Title is null ? 0 : canvas.LineHeight(scale.TextStyle) + 2;
        var width = cell * scale.Colors.Length + labelWidth + 2 * Pad;
        var height = titleHeight + 8 + canvas.LineHeight(scale.TextStyle) + 2 + 2 * Pad;
        return new MapPiece(scale.Definition.Position, scale.Definition.DockOutsideViewport, width, height, at =>
        {
            Box(at, scale.Box);
            var left = at.X + Pad + labelWidth / 2;
            var y = at.Y + Pad;
            if (scale.Title is { } title)
            {
                canvas.Text(title, scale.TextStyle with { Bold = true }, at.X + at.Width / 2, y, ChartTextAnchor.Middle);
                y += titleHeight;
            }
            for (int i = 0; i < scale.Colors.Length; i++) canvas.Rect(left + i * cell, y, cell, 8, scale.Colors[i], BorderSide.None);
            canvas.Rect(left, y, cell * scale.Colors.Length, 8, Rgba.Transparent, ChartCanvas.Hairline(new Rgba(0x80, 0x80, 0x80), 0.5));
            for (int i = 0; i < scale.Labels.Length; i++) canvas.Text(scale.Labels[i], scale.TextStyle, left + i * cell, y + 10, ChartTextAnchor.Middle);
        });
    }

    public MapPiece DistanceScale(MapDistanceScaleData scale, double kilometersPerPoint)
    {
        const double width = 80, height = 34;
        return new MapPiece(scale.Definition.Position, false, width, height, at =>
        {
            Box(at, scale.Box);
            var usable = at.Width - 2 * Pad - 4;
            var km = Nice(usable * kilometersPerPoint);
            var miles = Nice(usable * kilometersPerPoint / 1.609344);
            var kmLength = km / kilometersPerPoint;
            var mileLength = miles * 1.609344 / kilometersPerPoint;
            var x = at.X + Pad + 2;
            var middle = at.Y + at.Height / 2;
            var bar = new BorderSide(BorderStyle.Solid, scale.TextStyle.Color.IsTransparent ? Rgba.Black : scale.TextStyle.Color, 1);
            canvas.Line(x, middle, x + Math.Max(kmLength, mileLength), middle, bar);
            canvas.Line(x + kmLength, middle - 3, x + kmLength, middle, bar);
            canvas.Line(x + mileLength, middle, x + mileLength, middle + 3, bar);
            canvas.Line(x, middle - 3, x, middle + 3, bar);
            var line = canvas.LineHeight(scale.TextStyle);
            canvas.Text(Distance(km) + " km", scale.TextStyle, x, middle - 3 - line, ChartTextAnchor.Start);
            canvas.Text(Distance(miles) + " mi", scale.TextStyle, x, middle + 3, ChartTextAnchor.Start);
        });
    }

    private static string Distance(double value) => value.ToString(value < 1 ? "0.###" : "#,##0", CultureInfo.InvariantCulture);

    /// <summary>The largest 1, 2 or 5 times a power of ten not above <paramref name="limit"/>.</summary>
    private static double Nice(double limit)
    {
        if (limit <= 0 || !double.IsFinite(limit)) return 0;
        var power = Math.Pow(10, Math.Floor(Math.Log10(limit)));
        foreach (var factor in new[] { 5.0, 2, 1 })
            if (factor * power <= limit) return factor * power;
        return power;
    }

    private void Box(Bounds at, BoxStyle box)
    {
        if (!box.Background.IsTransparent || box.Top.IsVisible) canvas.Rect(at.X, at.Y, at.Width, at.Height, box.Background, box.Top);
    }
}
