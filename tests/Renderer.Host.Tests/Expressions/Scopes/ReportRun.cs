using System.Collections.Immutable;
using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Pages;

namespace Renderer.Host.Tests.Expressions.Scopes;

/// <summary>
/// Renders an RDL text in process through the real pipeline up to the page model: RdlReader, ExpressionCompiler (real VB),
/// CompiledExpressionEvaluator, ReportProcessor/TablixProcessor and pagination, with datasets served from memory.
/// </summary>
internal sealed class ReportRun
{
    private ReportRun(PaginatedDocument? document, ImmutableArray<RdlDiagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    public PaginatedDocument? Document { get; }

    public ImmutableArray<RdlDiagnostic> Diagnostics { get; }

    public static ReportRun Render(string rdl, InMemoryData data, IReadOnlyDictionary<string, object?[]>? parameters = null, string format = "pdf")
    {
        var bytes = Encoding.UTF8.GetBytes(rdl);
        var read = RdlReader.Read(bytes, "Test.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var compiled = ExpressionCompiler.Compile(read.Report!, "Test.rdl");
        Assert.That(compiled.Success, Is.True, () => string.Join("\n", compiled.Diagnostics));
        var input = new RenderInput("Test", "Test.rdl", bytes, compiled.AssemblyImage, format,
            parameters ?? new Dictionary<string, object?[]>(), new DateTime(2024, 5, 6, 7, 8, 9), @"CONTOSO\alice");
        var diagnostics = new DiagnosticBag();
        var document = RenderEngine.Paginate(input, data, diagnostics, CancellationToken.None);
        return new ReportRun(document, diagnostics.ToImmutable());
    }

    /// <summary>The text of every instance of textbox <paramref name="name"/>, in page order.</summary>
    public string[] Texts(string name)
    {
        Assert.That(Document, Is.Not.Null, () => string.Join("\n", Diagnostics));
        return Document!.Pages.SelectMany(p => p.Items).OfType<TextItem>().Where(t => t.Name == name).Select(t => t.Text).ToArray();
    }

    public string Text(string name)
    {
        var texts = Texts(name);
        Assert.That(texts, Has.Length.EqualTo(1), $"one instance of {name}");
        return texts[0];
    }

    public TextItem Item(string name) =>
        Document!.Pages.SelectMany(p => p.Items).OfType<TextItem>().First(t => t.Name == name);
}

/// <summary>Datasets served from memory, by name: columns and rows.</summary>
internal sealed class InMemoryData : IDataSetProvider
{
    private readonly Dictionary<string, (string[] Columns, object?[][] Rows)> _sets = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Requested { get; } = [];

    public InMemoryData Add(string name, string[] columns, params object?[][] rows)
    {
        _sets[name] = (columns, rows);
        return this;
    }

    public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        Requested.Add(dataSetName);
        var (columns, rows) = _sets[dataSetName];
        return Task.FromResult(new DataSetRows(columns, rows.Select(r => (object?[])r.Clone()).ToList()));
    }
}
