using System.Collections.Immutable;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Items;

/// <summary>
/// An item's Action (RDL 2005: &lt;Action&gt;; RDL 2008+: the first &lt;Action&gt; of &lt;ActionInfo&gt;&lt;Actions&gt;):
/// exactly one of <see cref="Hyperlink"/> (a URL), <see cref="BookmarkLink"/> (a Bookmark in the same report) or
/// <see cref="Drillthrough"/> (another report) is set.
/// </summary>
public sealed record ActionDefinition(ExpressionText? Hyperlink, ExpressionText? BookmarkLink, DrillthroughDefinition? Drillthrough);

/// <summary>A Drillthrough action: the target report's name (or path) and the parameters to render it with.</summary>
public sealed record DrillthroughDefinition(ExpressionText ReportName, ImmutableArray<DrillthroughParameter> Parameters);

/// <summary>One drillthrough parameter; it is left out when <see cref="Omit"/> evaluates to true.</summary>
public sealed record DrillthroughParameter(string Name, ExpressionText Value, ExpressionText? Omit);
