using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing.Instances;

namespace Renderer.Sandbox.Layout;

/// <summary>A textbox's lines broken for a given width, and the height they need (padding included).</summary>
internal sealed record MeasuredText(TextboxInstance Instance, double Width, IReadOnlyList<string> Lines, double LineHeight, double Ascent, double ContentHeight)
{
    /// <summary>The instance's text, read once (a number's text is formatted each time the instance is asked).</summary>
    public required string Text { get; init; }

    /// <summary>The lines of rich text (<see cref="TextboxInstance.Rich"/>) when measured; null for plain text.</summary>
    public IReadOnlyList<RichLine>? RichLines { get; init; }
}

/// <summary>
/// Breaks a textbox's text into lines (word wrap), measures the height it needs, and places the lines inside its
/// box following TextAlign (General: numbers and dates right, text left; the other way round for Direction RTL) and
/// VerticalAlign. Bidi ordering and shaping of the lines happen where they are measured and drawn (Layout/Text).
/// </summary>
/// <remarks>
/// With <c>measureText: false</c> (formats that keep values, not drawn lines: XLSX, CSV) text is not word-wrapped or
/// measured: a textbox's lines are its explicit line breaks, so CanGrow items keep their design height unless they
/// hold several lines, and line positions are not computed. PDF always measures.
/// </remarks>
internal sealed class TextLayout(ITextMeasurer measurer, bool measureText = true)
{
    public MeasuredText Measure(TextboxInstance instance, double width)
    {
        var style = instance.Style.Text;
        var padding = instance.Style.Box.Padding;
        var metrics = measurer.GetMetrics(style);
        var innerWidth = Math.Max(1, width - padding.Left - padding.Right);
        var text = instance.Text;
        if (measureText && instance.Rich is { } rich)
        {
            var richLines = RichTextLayout.Break(rich, style, innerWidth, measurer);
            var richHeight = richLines.Count == 0 ? 0 : richLines[^1].Top + richLines[^1].Height;
            return new MeasuredText(instance, width, richLines.ConvertAll(l => l.Text), metrics.LineHeight, metrics.Ascent, richHeight + padding.Top + padding.Bottom)
            {
                Text = text,
                RichLines = richLines,
            };
        }
        IReadOnlyList<string> lines = text.Length == 0 ? []
            : measureText ? measurer.BreakLines(text, style, innerWidth)
            : text.Contains('\n') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n') : [text];
        var height = lines.Count * metrics.LineHeight + padding.Top + padding.Bottom;
        return new MeasuredText(instance, width, lines, metrics.LineHeight, metrics.Ascent, height) { Text = text };
    }

    /// <summary>The height the textbox takes: its design height, grown to fit its text when CanGrow is set.</summary>
    public static double HeightFor(MeasuredText text, double designHeight) =>
        text.Instance.Textbox.CanGrow ? Math.Max(designHeight, Math.Ceiling(text.ContentHeight * 100) / 100) : designHeight;

    public TextItem Place(MeasuredText text, Bounds bounds, PageRegion region, LogicalCell? cell)
    {
        var instance = text.Instance;
        var style = instance.Style.Text;
        var padding = instance.Style.Box.Padding;
        var innerWidth = bounds.Width - padding.Left - padding.Right;
        var contentHeight = text.RichLines is { Count: > 0 } rich ? rich[^1].Top + rich[^1].Height : text.Lines.Count * text.LineHeight;
        var top = style.VerticalAlign switch
        {
            VerticalAlignment.Middle => padding.Top + (bounds.Height - padding.Top - padding.Bottom - contentHeight) / 2,
            VerticalAlignment.Bottom => bounds.Height - padding.Bottom - contentHeight,
            _ => padding.Top,
        };
        // General: numbers and dates right, text left; mirrored for Direction RTL (text right, numbers left).
        var align = style.Align == TextAlignment.General
            ? (IsRightAlignedByDefault(instance.Value) != style.RightToLeft ? TextAlignment.Right : TextAlignment.Left)
            : style.Align;
        var lines = new TextLine[text.Lines.Count];
        if (text.RichLines is { } richLines)
        {
            for (int i = 0; i < richLines.Count; i++)
            {
                var line = richLines[i];
                var lineAlign = line.Align == TextAlignment.General ? align : line.Align;
                double left = padding.Left + line.Indent;
                double room = innerWidth - line.Indent;
                double x = lineAlign switch
                {
                    TextAlignment.Right => left + room - line.Width,
                    TextAlignment.Center => left + (room - line.Width) / 2,
                    _ => left,
                };
                lines[i] = new TextLine(x, top + line.Top + line.Ascent, line.Width, line.Text)
                {
                    Segments = ImmutableArray.CreateRange(line.Segments, (s, dx) => s with { X = s.X + dx }, x),
                };
            }
        }
        for (int i = 0; i < text.Lines.Count && text.RichLines is null; i++)
        {
            var line = text.Lines[i];
            double lineWidth = align == TextAlignment.Left || !measureText ? 0 : measurer.MeasureWidth(line, style);
            double x = align switch
            {
                TextAlignment.Right => padding.Left + innerWidth - lineWidth,
                TextAlignment.Center => padding.Left + (innerWidth - lineWidth) / 2,
                _ => padding.Left,
            };
            lines[i] = new TextLine(x, top + text.Ascent + i * text.LineHeight, lineWidth, line);
        }
        return new TextItem(bounds, region, text.Text, instance.Value, instance.Style.Format, style, instance.Style.Box, ImmutableCollectionsMarshal.AsImmutableArray(lines))
        {
            Cell = cell,
            Name = instance.Textbox.Name,
            Hyperlink = instance.Links?.Hyperlink,
            BookmarkId = instance.Links?.Bookmark,
            BookmarkLink = instance.Links?.BookmarkLink,
            IsDrillthrough = instance.Links?.IsDrillthrough ?? false,
            DocumentMapId = instance.Links?.DocumentMapId,
            Rich = instance.Rich,
            Toggle = instance.Controls?.Toggle,
            Sort = instance.Controls?.Sort,
        };
    }

    private static bool IsRightAlignedByDefault(object? value) =>
        value is int or long or short or byte or decimal or double or float or DateTime or uint or ulong or ushort or sbyte;
}
