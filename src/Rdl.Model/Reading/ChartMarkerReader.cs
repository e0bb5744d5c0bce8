using System.Xml.Linq;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Styling;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads a ChartMarker (RDL 2008+) or a legacy Marker: Type, Size and Style. Types and sizes are constants; an
/// expression or an unknown value warns (RDL1102 / RDL1004) and leaves the default. MarkerImage is not drawn.
/// </summary>
internal sealed class ChartMarkerReader(ReadContext context, StyleReader styles)
{
    public ChartMarkerDefinition Read(XElement element, string owner)
    {
        var where = $"{owner}.{element.Name.LocalName}";
        ChartMarkerType? type = null;
        ReportSize? size = null;
        var style = StyleDefinition.Empty;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Type": type = Type(child, where); break;
                case "Size": size = Size(child, where); break;
                case "Style": style = styles.Read(child, where); break;
                case "ChartMarkerImage" or "MarkerImage" or "Image": break;
                default: context.Unknown(child, where); break;
            }
        }
        return new ChartMarkerDefinition(type, size, style);
    }

    private ChartMarkerType? Type(XElement element, string where)
    {
        var text = ReadContext.Text(element);
        if (text is null) return null;
        if (Enum.TryParse<ChartMarkerType>(text, ignoreCase: true, out var type) && Enum.IsDefined(type) && !char.IsDigit(text[0])) return type;
        if (text.StartsWith('='))
        {
            context.Warning(RdlDiagnosticCodes.UnsupportedFeature,
                $"An expression for the marker Type of {where} is not supported yet; the default marker is drawn.", element, where, text);
            return null;
        }
        context.Warning(RdlDiagnosticCodes.InvalidValue,
            $"'{text}' is not a valid marker Type in {where}: use one of {string.Join(", ", Enum.GetNames<ChartMarkerType>())}.", element, where);
        return null;
    }

    private ReportSize? Size(XElement element, string where)
    {
        var text = ReadContext.Text(element);
        if (text is null) return null;
        if (ReportSize.TryParse(text, out var size) && size.Points > 0) return size;
        var expression = text.StartsWith('=');
        context.Warning(expression ? RdlDiagnosticCodes.UnsupportedFeature : RdlDiagnosticCodes.InvalidSize,
            expression
                ? $"An expression for the marker Size of {where} is not supported yet; {ChartMarkerDefinition.DefaultSize}pt is used."
                : $"'{text}' is not a valid marker Size in {where}; {ChartMarkerDefinition.DefaultSize}pt is used.",
            element, where, expression ? text : null);
        return null;
    }
}
