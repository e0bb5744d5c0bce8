using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Rdl.Model.Reading;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Layout;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Charts;
using Renderer.Sandbox.Runtime;
using Renderer.Sandbox.Tests.Layout;

namespace Renderer.Sandbox.Tests.Charts;

/// <summary>Reads a chart report, processes it over in-memory rows (Sum/Count of a field plus <see cref="MiniEvaluator"/> terms) and paginates it.</summary>
internal sealed partial class ChartRun
{
    private ChartRun(ImmutableArray<ChartInstance> charts, PaginatedDocument document, ImmutableArray<RdlDiagnostic> diagnostics)
    {
        Charts = charts;
        Document = document;
        Diagnostics = diagnostics;
    }

    public ImmutableArray<ChartInstance> Charts { get; }

    public PaginatedDocument Document { get; }

    public ImmutableArray<RdlDiagnostic> Diagnostics { get; }

    public ChartItem ChartItem(string name) => Document.Pages.SelectMany(p => p.Items).OfType<ChartItem>().Single(c => c.Name == name);

    public static ChartRun Render(string rdl, string[] columns, params object?[][] rows)
    {
        var bytes = Encoding.UTF8.GetBytes(rdl);
        var read = RdlReader.Read(bytes, "Chart.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var input = new RenderInput("Chart", "Chart.rdl", bytes, [], "pdf", new Dictionary<string, object?[]>(), new DateTime(2024, 1, 2), "me");
        var processor = new ReportProcessor(read.Report!, new AggregateEvaluator(), new Rows(columns, rows), input, CancellationToken.None);
        var diagnostics = new DiagnosticBag();
        var processed = processor.Process(diagnostics);
        Assert.That(processed, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        var placer = new ItemPlacer(new TextLayout(SkiaTextMeasurer.Shared));
        var pages = ReportLayout.Paginate(read.Report!, processed!, processor.Context!, processor.Items!, placer);
        var all = read.Diagnostics.AddRange(diagnostics.ToImmutable());
        return new ChartRun([.. processed!.BodyItems.OfType<ChartInstance>()], new PaginatedDocument("Chart", pages), all);
    }

    private sealed class Rows(string[] columns, object?[][] rows) : IDataSetProvider
    {
        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(new DataSetRows(columns, rows.Select(r => (object?[])r.Clone()).ToList()));
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
