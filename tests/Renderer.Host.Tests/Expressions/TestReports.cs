using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Renderer.Host.Tests.Expressions;

/// <summary>Builds minimal reports in code: one section whose body holds textboxes with one value each.</summary>
internal static class TestReports
{
    public const string FileName = "Test.rdl";

    /// <summary>The column where each test textbox's value text starts in the imaginary RDL.</summary>
    public const int ValueColumn = 20;

    public static Textbox Textbox(string name, string value, int line) =>
        new(
            name,
            new ItemBounds(ReportSize.Zero, ReportSize.Zero, new ReportSize(72), new ReportSize(18)),
            StyleDefinition.Empty,
            new SourceLocation(FileName, line - 1, 8),
            [new Paragraph([new TextRun(Value(name, value, line), StyleDefinition.Empty, new SourceLocation(FileName, line, 10))], StyleDefinition.Empty)]);

    public static ExpressionText Value(string name, string value, int line) =>
        new(value, new SourceLocation(FileName, line, ValueColumn), $"Textbox '{name}'.Value");

    /// <summary>
    /// A report of <paramref name="items"/>. The parameters (<c>Parameters!X</c>) and fields (<c>Fields!X</c>, in every
    /// dataset) its expressions name are declared, as a real report declares them, so the compiler accepts them (EXP3012).
    /// </summary>
    public static ReportDefinition Report(IEnumerable<ReportItem> items, string? code = null, int codeLine = 0, params string[] dataSets)
    {
        var report = new ReportDefinition("Test", [], [], [], [new ReportSection(new Body([.. items], new ReportSize(200), StyleDefinition.Empty), PageDefinition.Default, new ReportSize(468))])
        {
            Code = code,
            CodeLocation = code is null ? SourceLocation.None : new SourceLocation(FileName, codeLine, 11),
        };
        var texts = ExpressionCollector.Collect(report).Select(e => e.Raw).ToList();
        string[] Named(string collection) =>
            [.. texts.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, collection + @"!(\w+)").Select(m => m.Groups[1].Value)).Distinct(StringComparer.OrdinalIgnoreCase)];
        var fields = Named("Fields").Select(f => new Rdl.Model.Definitions.Data.FieldDefinition(f, f, null, null, SourceLocation.None)).ToImmutableArray();
        return report with
        {
            DataSets = [.. dataSets.Select(name => DataSet(name) with { Fields = fields })],
            Parameters = [.. Named("Parameters").Select(p => new Rdl.Model.Definitions.Data.ReportParameterDefinition(p, Rdl.Model.Definitions.Data.ReportParameterType.String, SourceLocation.None))],
        };
    }

    /// <summary>A declared dataset without fields (so scope names in expressions resolve at compile time).</summary>
    public static Rdl.Model.Definitions.Data.DataSetDefinition DataSet(string name) =>
        new(name, new Rdl.Model.Definitions.Data.QueryDefinition("Db", "SELECT 1", null, [], SourceLocation.None), [], SourceLocation.None);

    /// <summary>A report with one textbox per expression, named T0, T1, ... on lines 10, 20, ...</summary>
    public static ReportDefinition WithExpressions(params string[] expressions) =>
        Report(expressions.Select((e, i) => (ReportItem)Textbox("T" + i, e, 10 * (i + 1))));

    /// <summary>The value of the textbox named <paramref name="name"/>.</summary>
    public static ExpressionText ValueOf(ReportDefinition report, string name) =>
        report.Sections[0].Body.Items.OfType<Textbox>().Single(t => t.Name == name).SingleValue!;

    public static ImmutableArray<ExpressionText> Collect(ReportDefinition report) => ExpressionCollector.Collect(report);
}
