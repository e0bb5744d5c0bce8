using Rdl.Model.Definitions.Styling;

namespace Rdl.Model.Definitions.Charts;

/// <summary>The shape of a chart marker (RDL ChartMarker/Type, legacy Marker/Type).</summary>
public enum ChartMarkerType
{
    None,
    Auto,
    Square,
    Circle,
    Diamond,
    Triangle,
    Cross,
    Star4,
    Star5,
    Star6,
    Star10,
}

/// <summary>
/// A ChartMarker (legacy: Marker) of a series or data point: drawn at each point of line, area and scatter series.
/// <see cref="Type"/> is null when not written (no marker on a line, a circle on a scatter series); <see cref="Size"/>
/// is null when not written (6pt); <see cref="Style"/> gives the fill (BackgroundColor, else the point's color) and the
/// border.
/// </summary>
public sealed record ChartMarkerDefinition(ChartMarkerType? Type, ReportSize? Size, StyleDefinition Style)
{
    /// <summary>The size used when none is written, in points.</summary>
    public const double DefaultSize = 6;
}
