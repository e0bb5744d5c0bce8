using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Rdl.Model.Definitions.Charts;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Processing.Styling;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Evaluates report items in the current scope. An expression that throws shows <c>#Error</c> in its textbox and
/// adds a PRC4001 warning naming the textbox (as SSRS does); the render goes on.
/// </summary>
internal sealed class ItemEvaluator
{
    private const int MaxReportedErrors = 50;
    private readonly ProcessingContext _context;
    private readonly DiagnosticBag _diagnostics;
    private readonly CultureInfo _culture;
    private readonly ImageEvaluator _images;
    private readonly SharedTextboxes _shared = new();
    private int _errorCount;

    public ItemEvaluator(ProcessingContext context, DiagnosticBag diagnostics, CultureInfo culture, Func<TablixDefinition, TablixInstance> processTablix)
    {
        _context = context;
        _diagnostics = diagnostics;
        _culture = culture;
        Styles = new StyleResolver(context, culture);
        ProcessTablix = processTablix;
        _images = new ImageEvaluator(this, context, diagnostics);
        Paging = new PagingEvaluator(this);
        Links = new LinkEvaluator(this, diagnostics);
    }

    /// <summary>Evaluates actions, bookmarks and document-map labels and collects the document map.</summary>
    public LinkEvaluator Links { get; }

    /// <summary>Evaluates PageBreak (Disabled, ResetPageNumber) and PageName of rectangles, data regions and groups.</summary>
    public PagingEvaluator Paging { get; }

    public StyleResolver Styles { get; }

    public CultureInfo Culture => _culture;

    private Func<TablixDefinition, TablixInstance> ProcessTablix { get; }

    /// <summary>Processes charts (set by the report processor); charts are left out while it is null.</summary>
    public Func<ChartDefinition, ItemInstance?>? ProcessChart { get; set; }

    /// <summary>Processes gauge panels (set by the report processor); they are left out while it is null.</summary>
    public Func<Rdl.Model.Definitions.Gauges.GaugePanelDefinition, ItemInstance?>? ProcessGauge { get; set; }

    /// <summary>Processes maps (set by the report processor); they are left out while it is null.</summary>
    public Func<Rdl.Model.Definitions.Maps.MapDefinition, ItemInstance?>? ProcessMap { get; set; }

    /// <summary>Processes one subreport instance (set by the report processor); subreports are left out while it is null.</summary>
    public Func<SubreportItem, ItemInstance?>? ProcessSubreport { get; set; }

    /// <summary>Adds a processing diagnostic (warnings of data regions and groups).</summary>
    public void AddDiagnostic(RdlDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public int SuppressedErrors => Math.Max(0, _errorCount - MaxReportedErrors);

    /// <summary>Where the first error that was not listed happened (for the PRC4004 warning that counts them).</summary>
    public (SourceLocation Location, string? Site) FirstSuppressed { get; private set; }

    public ImmutableArray<ItemInstance> EvaluateAll(IEnumerable<ReportItem> items)
    {
        var result = ImmutableArray.CreateBuilder<ItemInstance>();
        foreach (var item in items)
            if (Evaluate(item) is { } instance) result.Add(instance);
        return result.ToImmutable();
    }

    public ItemInstance? Evaluate(ReportItem item)
    {
        try
        {
            return EvaluateItem(item);
        }
        catch (Exception ex) when (ProcessingErrorSite.Mark(ex, item))
        {
            throw; // never reached: Mark only records the item on the exception and returns false
        }
    }

    private ItemInstance? EvaluateItem(ReportItem item)
    {
        if (IsHidden(item.Hidden, item.ToggleItem, item)) return null;
        ItemInstance? instance = item switch
        {
            Textbox t => EvaluateTextbox(t),
            RectangleItem r => new RectangleInstance(r, EvaluateAll(r.Items), SafeBox(r)),
            LineItem l => new LineInstance(l, Styles.ResolveLine(l.Style)),
            ImageItem i => _images.Evaluate(i),
            TablixDefinition x => ProcessTablix(x),
            ChartDefinition c => ProcessChart?.Invoke(c),
            Rdl.Model.Definitions.Gauges.GaugePanelDefinition g => ProcessGauge?.Invoke(g),
            Rdl.Model.Definitions.Maps.MapDefinition m => ProcessMap?.Invoke(m),
            SubreportItem s => ProcessSubreport?.Invoke(s),
            _ => null,
        };
        return instance is RectangleInstance or TablixInstance ? Paging.Attach(instance) : instance;
    }

    public bool IsHidden(ExpressionText? hidden, ReportItem? owner)
    {
        if (hidden is null) return false;
        var value = TryEvaluate(hidden, owner, out var failed);
        if (failed) return false;
        return value switch
        {
            bool b => b,
            string s => bool.TryParse(s.Trim(), out var b) && b,
            _ => false,
        };
    }

    /// <summary>
    /// Hidden with drilldown: the initial <paramref name="hidden"/>, flipped when the viewer toggled
    /// <paramref name="toggleItem"/> in the current scope instance.
    /// </summary>
    public bool IsHidden(ExpressionText? hidden, string? toggleItem, ReportItem? owner) =>
        IsHidden(hidden, owner) != (toggleItem is not null && _context.Interactive.IsToggled(toggleItem, _context));

    public TextboxInstance EvaluateTextbox(Textbox textbox)
    {
        var outerItem = _context.CurrentItemValue;
        _context.CurrentItemValue = textbox.SingleValue is { } own ? () => _context.Evaluator.Evaluate(own, _context) : null;
        try
        {
            var instance = EvaluateTextboxValue(textbox);
            if (!_context.Interactive.KeepsInstanceKeys) return instance;
            var toggle = _context.Interactive.ToggleOf(textbox, _context, e => IsHidden(e, textbox));
            var sort = _context.Interactive.SortOf(textbox, _context);
            return toggle is null && sort is null ? instance : instance with { Controls = new Instances.TextControls(toggle, sort) };
        }
        finally
        {
            _context.CurrentItemValue = outerItem;
        }
    }

    private TextboxInstance EvaluateTextboxValue(Textbox textbox)
    {
        if (textbox.SingleValue is not null) return EvaluateSingleRun(textbox);
        object? value = null;
        var text = new StringBuilder();
        ResolvedStyle? style = null;
        RichTextBuilder? rich = null;
        for (int p = 0; p < textbox.Paragraphs.Length; p++)
        {
            var paragraph = textbox.Paragraphs[p];
            if (p > 0) text.Append('\n');
            rich?.EndParagraph();
            foreach (var run in paragraph.Runs)
            {
                var runStyle = SafeText(textbox, paragraph.Style, run.Style);
                style ??= runStyle;
                var runValue = TryEvaluate(run.Value, textbox, out var failed);
                if (failed)
                {
                    text.Append("#Error");
                    rich?.Add("#Error", runStyle.Text);
                    value = "#Error";
                    continue;
                }
                value = runValue;
                var formatted = ValueFormatter.Format(runValue, runStyle.Format, _culture);
                if (!run.IsHtml)
                {
                    text.Append(formatted);
                    rich?.Add(formatted, runStyle.Text);
                    continue;
                }
                var html = HtmlToRich(textbox, run, formatted, runStyle.Text);
                text.Append(html.PlainText);
                if (rich is null)
                {
                    rich = new RichTextBuilder();
                    rich.AddPlain(text.ToString()[..^html.PlainText.Length], style.Text);
                }
                rich.Add(html);
            }
        }
        style ??= SafeText(textbox, null, null);
        var single = textbox.SingleValue is not null;
        _context.SetReportItemValue(textbox.Name, single ? value : text.ToString());
        var styled = rich?.Build() is { } built && built.IsStyled(style.Text) ? built : null;
        return new TextboxInstance(textbox, single ? value : text.ToString(), text.ToString(), style) { Links = Links.Evaluate(textbox), Rich = styled };
    }

    /// <summary>
    /// The usual textbox, one paragraph of one run: as the general case, without a StringBuilder, and sharing the value's
    /// string (a field's text) instead of copying it (large reports evaluate this once per cell). A number's text is
    /// formatted when read (<see cref="TextboxInstance.Formatted"/>), and a cell showing the same value as an earlier
    /// one of its column reuses that instance (<see cref="SharedTextboxes"/>).
    /// </summary>
    private TextboxInstance EvaluateSingleRun(Textbox textbox)
    {
        var paragraph = textbox.Paragraphs[0];
        var run = paragraph.Runs[0];
        var style = SafeText(textbox, paragraph.Style, run.Style);
        var runValue = TryEvaluate(run.Value, textbox, out var failed);
        var value = failed ? "#Error" : runValue;
        if (run.IsHtml && !failed)
        {
            var rich = HtmlToRich(textbox, run, ValueFormatter.Format(runValue, style.Format, _culture), style.Text);
            var plain = rich.PlainText;
            _context.SetReportItemValue(textbox.Name, plain);
            return new TextboxInstance(textbox, plain, plain, style) { Links = Links.Evaluate(textbox), Rich = rich.IsStyled(style.Text) ? rich : null };
        }
        _context.SetReportItemValue(textbox.Name, value);
        if (!failed && ReferenceEquals(style.Culture, _culture))
        {
            var links = Links.Evaluate(textbox);
            if (links is not null) return TextboxInstance.Formatted(textbox, value, style, links);
            if (_shared.TryGet(textbox, value, style, out var shared)) return shared;
            var instance = TextboxInstance.Formatted(textbox, value, style, null);
            _shared.Add(textbox, value, instance);
            return instance;
        }
        var text = failed ? "#Error" : ValueFormatter.Format(runValue, style.Format, _culture);
        return new TextboxInstance(textbox, value, text, style) { Links = Links.Evaluate(textbox) };
    }

    /// <summary>Textboxes already warned about malformed HTML (one warning per textbox, not per cell).</summary>
    private HashSet<string>? _malformedHtml;

    /// <summary>
    /// The styled paragraphs of a MarkupType HTML placeholder (<see cref="HtmlText"/>), its runs styled from
    /// <paramref name="style"/>; malformed markup shows as it is, in that style, with warning PRC4050.
    /// </summary>
    private Pages.RichText HtmlToRich(Textbox textbox, Rdl.Model.Definitions.Items.TextRun run, string html, Pages.TextStyle style)
    {
        if (HtmlText.TryParse(html, style, out var rich)) return rich;
        if ((_malformedHtml ??= new(StringComparer.Ordinal)).Add(textbox.Name))
        {
            _diagnostics.Add(RdlDiagnostic.Warning(MalformedHtml,
                $"The HTML of textbox '{textbox.Name}' is malformed (or longer than {HtmlText.MaxLength:N0} characters): it is shown as plain text.",
                run.Value.Location, $"Textbox '{textbox.Name}'", run.Value.Raw));
        }
        return new Pages.RichText([new Pages.RichParagraph([new Pages.RichRun(html, style)])]);
    }

    /// <summary>Warning: a MarkupType HTML value could not be read as HTML and is shown as plain text.</summary>
    public const string MalformedHtml = DiagnosticCodes.Processing.MalformedHtml;

    private ResolvedStyle SafeText(Textbox textbox, Rdl.Model.Definitions.Styling.StyleDefinition? paragraph, Rdl.Model.Definitions.Styling.StyleDefinition? run)
    {
        try
        {
            return Styles.ResolveText(textbox.Style, paragraph, run, textbox.CanGrow);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReportError(textbox, textbox.Style.Properties.Values.FirstOrDefault(e => e.IsExpression), ex);
            return ResolvedStyle.Default with { CanGrow = textbox.CanGrow };
        }
    }

    private Pages.BoxStyle SafeBox(ReportItem item)
    {
        try
        {
            return Styles.ResolveBox(item.Style);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReportError(item, item.Style.Properties.Values.FirstOrDefault(e => e.IsExpression), ex);
            return Pages.BoxStyle.None;
        }
    }

    /// <summary>Evaluates an expression; on an exception records PRC4001 and sets <paramref name="failed"/>.</summary>
    public object? TryEvaluate(ExpressionText expression, ReportItem? owner, out bool failed)
    {
        failed = false;
        try
        {
            return _context.Evaluator.Evaluate(expression, _context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InsufficientExecutionStackException and not Data.DataSetRequestException)
        {
            failed = true;
            ReportError(owner, expression, ex);
            return null;
        }
    }

    private void ReportError(ReportItem? owner, ExpressionText? expression, Exception ex)
    {
        _errorCount++;
        if (_errorCount == MaxReportedErrors + 1)
            FirstSuppressed = (expression?.Location ?? owner?.Location ?? SourceLocation.None, expression?.Site ?? owner?.Describe());
        if (_errorCount > MaxReportedErrors) return;
        var inner = ex is System.Reflection.TargetInvocationException { InnerException: { } ie } ? ie : ex;
        var where = owner is null ? expression?.Site ?? "the report" : owner.Describe();
        var row = _context.CurrentRow is null ? string.Empty : $" (dataset '{_context.CurrentDataSet?.Name}', row {RowNumber()})";
        _diagnostics.Add(RdlDiagnostic.Warning(
            DiagnosticCodes.Processing.ExpressionFailed,
            $"The expression of {where} failed{row}: {inner.Message} The value shows #Error.",
            expression?.Location ?? owner?.Location ?? SourceLocation.None,
            expression?.Site ?? owner?.Describe(),
            expression?.Raw));
    }

    private int RowNumber()
    {
        if (_context.CurrentDataSet is not { } ds || _context.CurrentRow is not { } row) return 0;
        return ds.Rows.IndexOf(row) + 1;
    }
}
