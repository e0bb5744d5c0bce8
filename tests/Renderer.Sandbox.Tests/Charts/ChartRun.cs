using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Layout;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Charts;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Runtime;
using Renderer.Sandbox.Tests.Layout;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>Reads a chart report, processes it over in-memory rows (Sum/Count of a field plus <see cref="MiniEvaluator"/> terms) and paginates it.</summary>
internal sealed partial class ChartRun
{
    private ChartRun(ImmutableArray<ChartInstance> charts, ImmutableArray<ChartInstance> allCharts, PaginatedDocument document, ImmutableArray<RdlDiagnostic> diagnostics)
    {
        Charts = charts;
        AllCharts = allCharts;
        Document = document;
        Diagnostics = diagnostics;
    }

    public ImmutableArray<ChartInstance> Charts { get; }

    /// <summary>Every processed chart instance, nested ones (in rectangles and tablix cells) included, in processing order.</summary>
    public ImmutableArray<ChartInstance> AllCharts { get; }

    public PaginatedDocument Document { get; }

    public ImmutableArray<RdlDiagnostic> Diagnostics { get; }

    public ChartItem ChartItem(string name) => Document.Pages.SelectMany(p => p.Items).OfType<ChartItem>().Single(c => c.Name == name);

    public static ChartRun Render(string rdl, string[] columns, params object?[][] rows)
    {
        var run = TestReportProcessing.Process(rdl, "Chart", new AggregateEvaluator(), columns, rows);
        var placer = new ItemPlacer(new TextLayout(SkiaTextMeasurer.Shared));
        var pages = ReportLayout.Paginate(run.Report, run.Processed, run.Processor.Context!, run.Processor.Items!, placer);
        var all = run.ReadDiagnostics.AddRange(run.ProcessDiagnostics);
        return new ChartRun([.. run.Processed.BodyItems.OfType<ChartInstance>()], [.. Nested(run.Processed.BodyItems)], new PaginatedDocument("Chart", pages), all);
    }

    private static IEnumerable<ChartInstance> Nested(IEnumerable<ItemInstance> items)
    {
        foreach (var item in items)
        {
            var inner = item switch
            {
                ChartInstance chart => [chart],
                RectangleInstance rectangle => Nested(rectangle.Items),
                TablixInstance tablix => Nested(tablix.Rows.SelectMany(r => r.Cells).OfType<CellInstance>().Select(c => c.Content)),
                _ => [],
            };
            foreach (var chart in inner) yield return chart;
        }
    }


    /// <summary><c>=Sum(Fields!X.Value)</c> and <c>=Count(Fields!X.Value)</c> as aggregates in the current scope; anything else as <see cref="MiniEvaluator"/> does.</summary>
    private sealed partial class AggregateEvaluator : IExpressionEvaluator
    {
        private readonly MiniEvaluator _mini = new();

        public object? Evaluate(ExpressionText expression, IExpressionContext context)
        {
            if (expression.IsExpression && AggregateCall().Match(expression.Raw) is { Success: true } match)
            {
                var field = match.Groups[2].Value;
                var function = match.Groups[1].Value.Equals("Sum", StringComparison.OrdinalIgnoreCase) ? AggregateFunction.Sum : AggregateFunction.Count;
                return context.Aggregate(function, () => context.GetFieldValue(field), null);
            }
            return _mini.Evaluate(expression, context);
        }

        [GeneratedRegex(@"^=\s*(Sum|Count)\(Fields!(\w+)\.Value\)\s*$", RegexOptions.IgnoreCase)]
        private static partial Regex AggregateCall();
    }
}
