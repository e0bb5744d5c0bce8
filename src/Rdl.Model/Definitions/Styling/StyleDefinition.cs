using System.Collections.Immutable;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Styling;

/// <summary>
/// The &lt;Style&gt; of an item, paragraph or text run. Each property may be a constant or an expression,
/// so the values stay <see cref="ExpressionText"/> until processing. Keys are the RDL element names
/// (<c>FontFamily</c>, <c>FontSize</c>, <c>FontWeight</c>, <c>FontStyle</c>, <c>TextDecoration</c>, <c>Color</c>,
/// <c>BackgroundColor</c>, <c>Format</c>, <c>TextAlign</c>, <c>VerticalAlign</c>, <c>PaddingLeft</c>, ...);
/// borders use a dotted key: <c>Border.Style</c>, <c>Border.Color</c>, <c>Border.Width</c>,
/// <c>TopBorder.Style</c>, <c>BottomBorder.Color</c>, <c>LeftBorder.Width</c>, ...
/// </summary>
public sealed record StyleDefinition(ImmutableDictionary<string, ExpressionText> Properties)
{
    public static StyleDefinition Empty { get; } = new(ImmutableDictionary<string, ExpressionText>.Empty.WithComparers(StringComparer.Ordinal));

    public ExpressionText? this[string name] => Properties.TryGetValue(name, out var value) ? value : null;
}
