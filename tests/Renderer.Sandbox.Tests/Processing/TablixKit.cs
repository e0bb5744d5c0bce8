using System.Collections.Immutable;
using System.Globalization;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Runtime;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Builds tablix definitions in code over one in-memory dataset and processes them with <see cref="FakeEvaluator"/>.</summary>
internal sealed class TablixKit(string[] fields, IEnumerable<object?[]> rows)
{
    public static readonly SourceLocation At = new("test.rdl", 1, 1);
    private readonly Dictionary<string, (string[] Fields, object?[][] Rows)> _others = [];
    private int _names;

    public FakeEvaluator Fake { get; } = new();

    public DiagnosticBag Diagnostics { get; } = new();

    public ProcessingContext? Context { get; private set; }

    public Textbox Box(ExpressionText value, StyleDefinition? style = null) =>
        new($"tb{++_names}", default, style ?? StyleDefinition.Empty, At, [new Paragraph([new TextRun(value, StyleDefinition.Empty, At)], StyleDefinition.Empty)]);

    public Textbox Text(string constant) => Box(new ExpressionText(constant, At, "Test"));

    public ExpressionText Field(string name) => Fake.Expr($"=Fields!{name}.Value", c => c.GetFieldValue(name));

    public ExpressionText Sum(string field, string? scope = null) =>
        Fake.Expr($"=Sum(Fields!{field}.Value)", c => c.Aggregate(AggregateFunction.Sum, () => c.GetFieldValue(field), scope));

    public ExpressionText Expr(string raw, Func<ProcessingContext, object?> code) => Fake.Expr(raw, c => code((ProcessingContext)c));

    public GroupDefinition Group(string name, params string[] byFields) =>
        new(name, [.. byFields.Select(Field)], At);

    public static TablixHeader Header(double size, ReportItem contents, int colSpan = 1, int rowSpan = 1) =>
        new(new ReportSize(size), new TablixCell(contents, colSpan, rowSpan));

    public static TablixMember Static(TablixHeader? header = null, params TablixMember[] children) =>
        new(null, [], [.. children], At) { Header = header };

    public TablixMember Dynamic(GroupDefinition group, TablixHeader? header = null, params TablixMember[] children) =>
        new(group, [new SortExpression(group.IsDetails ? Field(fields[0]) : group.GroupExpressions[0], false)], [.. children], At) { Header = header };

    public static TablixRow Row(params ReportItem?[] cells) => new(new ReportSize(12), [.. cells.Select(c => new TablixCell(c))]);

    public static TablixDefinition Tablix(int columns, TablixRow[] body, TablixMember[] rowHierarchy, TablixMember[] columnHierarchy) =>
        new("T", default, StyleDefinition.Empty, At, "Data", [.. Enumerable.Repeat(new ReportSize(50), columns)], [.. body], [.. rowHierarchy], [.. columnHierarchy]);

    /// <summary>Declares another dataset (for data regions that name it); "Data" is the kit's own.</summary>
    public TablixKit WithDataSet(string name, string[] otherFields, params object?[][] otherRows)
    {
        _others[name] = (otherFields, otherRows);
        return this;
    }

    public TablixInstance Process(TablixDefinition tablix)
    {
        var data = DataSet("Data", fields, rows);
        var others = _others.ToDictionary(o => o.Key, o => DataSet(o.Key, o.Value.Fields, o.Value.Rows));
        DataSetInstance? Find(string? n) => n is null || n.Length == 0 || n == "Data" ? data : others.GetValueOrDefault(n);
        Context = new ProcessingContext(Fake, new Dictionary<string, ReportParameter>(), new Dictionary<string, object?>(), "me", Find);
        TablixProcessor? processor = null;
        var items = new ItemEvaluator(Context, Diagnostics, CultureInfo.InvariantCulture, t => processor!.Process(t));
        processor = new TablixProcessor(Context, items, n => Find(n) ?? throw new InvalidOperationException($"No dataset '{n}'."));
        return processor.Process(tablix);
    }

    private static DataSetInstance DataSet(string name, string[] names, IEnumerable<object?[]> values)
    {
        var definition = new DataSetDefinition(name, new QueryDefinition("Db", "q", null, [], At),
            [.. names.Select(f => new FieldDefinition(f, f, null, null, At))], At);
        return new DataSetInstance(definition, new DataSetRows(names, values.Select(r => (object?[])r.Clone()).ToList()));
    }

    /// <summary>The grid as text: one string per output row, cells separated by '|', continuation cells as '^'.</summary>
    public static string[] Grid(TablixInstance tablix) =>
        tablix.Rows.Select(r => string.Join("|", r.Cells.Select(c => c is not { } cell ? "" : cell.IsContinuation ? "^" : cell.Content is TextboxInstance t ? t.Text : cell.Content.GetType().Name))).ToArray();
}
