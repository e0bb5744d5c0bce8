using System.Collections.Immutable;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Items;

public sealed record TextRun(ExpressionText Value, StyleDefinition Style, SourceLocation Location)
{
    /// <summary>The run's own ActionInfo (placeholder action); the textbox's Action takes precedence.</summary>
    public ActionDefinition? Action { get; init; }

    /// <summary>MarkupType HTML: the value is HTML markup (SSRS's subset), rendered as its text.</summary>
    public bool IsHtml { get; init; }
}

public sealed record Paragraph(ImmutableArray<TextRun> Runs, StyleDefinition Style);

/// <summary>A textbox: paragraphs of text runs (RDL 2008+); an RDL 2005 &lt;Value&gt; becomes one paragraph with one run.</summary>
public sealed record Textbox(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location, ImmutableArray<Paragraph> Paragraphs)
    : ReportItem(Name, Bounds, Style, Location)
{
    public bool CanGrow { get; init; }

    public bool CanShrink { get; init; }

    /// <summary>
    /// ToggleImage/InitialState: whether this textbox's drilldown toggle starts expanded (a minus sign) when other items
    /// name it in Visibility/ToggleItem; null when the RDL does not say (the toggled items' initial visibility decides).
    /// </summary>
    public ExpressionText? ToggleInitialState { get; init; }

    /// <summary>UserSort: the interactive sort this textbox offers (a sort button in the viewer); null when none.</summary>
    public UserSortDefinition? UserSort { get; init; }

    public override string Kind => "Textbox";

    /// <summary>The single run's value when the textbox holds exactly one run (the usual case), else null.</summary>
    public ExpressionText? SingleValue => Paragraphs.Length == 1 && Paragraphs[0].Runs.Length == 1 ? Paragraphs[0].Runs[0].Value : null;
}

/// <summary>
/// A textbox's UserSort (MS-RDL): <see cref="SortExpression"/> orders the instances of the group named by
/// <see cref="SortExpressionScope"/> (the detail rows when null), within the data region or group named by
/// <see cref="SortTarget"/> (the textbox's own data region when null).
/// </summary>
public sealed record UserSortDefinition(ExpressionText SortExpression, string? SortExpressionScope, string? SortTarget);
