using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;
using Renderer.Sandbox.Pages;

namespace Renderer.Host.Tests.Rendering;

/// <summary>The drilldown sample (samples/rdl/SalesDrilldown.rdl), compiled for real, over a few orders: collapsed, toggled and sorted.</summary>
public sealed class SalesDrilldownSampleTests
{
    private static readonly object?[][] Orders =
    [
        ["East", "Fruit", "Apples", new DateTime(2024, 1, 5), 10m],
        ["East", "Fruit", "Pears", new DateTime(2024, 1, 2), 20m],
        ["East", "Tools", "Saw", new DateTime(2024, 2, 1), 5m],
        ["West", "Fruit", "Kiwis", new DateTime(2024, 3, 1), 70m],
    ];

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "rdl", "SalesDrilldown.rdl");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("samples/rdl/SalesDrilldown.rdl");
    }

    private static List<TextItem> Render(string[] toggled, UserSortState[] sorts)
    {
        var bytes = File.ReadAllBytes(SamplePath());
        var read = RdlReader.Read(bytes, "SalesDrilldown.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        Assert.That(read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), Is.Empty, "the sample reads without warnings");
        var compiled = ExpressionCompiler.Compile(read.Report!, "SalesDrilldown.rdl");
        Assert.That(compiled.Success, Is.True, () => string.Join("\n", compiled.Diagnostics));
        var input = new RenderInput("SalesDrilldown", "SalesDrilldown.rdl", bytes, compiled.AssemblyImage, "pdf", new Dictionary<string, object?[]> { ["Year"] = [2024] }, new DateTime(2024, 5, 6), "me")
        {
            ToggledItems = toggled,
            UserSorts = sorts,
        };
        var diagnostics = new DiagnosticBag();
        var document = RenderEngine.Paginate(input, new OrdersData(), diagnostics, CancellationToken.None);
        Assert.That(document, Is.Not.Null, () => string.Join("\n", diagnostics.ToImmutable()));
        return [.. document!.Pages.SelectMany(p => p.Items).OfType<TextItem>().Where(t => t.Region == PageRegion.Body).OrderBy(t => t.Bounds.Y).ThenBy(t => t.Bounds.X)];
    }

    private static string[] TextsOf(List<TextItem> items, string name) => [.. items.Where(t => t.Name == name).Select(t => t.Text)];

    [Test]
    public void Collapsed_it_shows_region_totals_then_a_toggle_opens_a_region_and_a_category()
    {
        var collapsed = Render([], []);
        var open = Render(["Region.RegionGroup-East", "Category.RegionGroup-East.CategoryGroup-Fruit"], []);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(collapsed, "Region"), Is.EqualTo(new[] { "East", "West" }));
            Assert.That(TextsOf(collapsed, "RegionAmount"), Is.EqualTo(new[] { "35.00", "70.00" }));
            Assert.That(TextsOf(collapsed, "Category").Concat(TextsOf(collapsed, "Product")), Is.Empty);
            Assert.That(collapsed.Single(t => t.Name == "Region" && t.Text == "East").Toggle, Is.EqualTo(new ToggleControl("Region.RegionGroup-East", false)));
            Assert.That(TextsOf(open, "Category"), Is.EqualTo(new[] { "Fruit", "Tools" }));
            Assert.That(TextsOf(open, "Product"), Is.EqualTo(new[] { "Apples", "Pears" }));
        });
    }

    [Test]
    public void Header_sorts_order_regions_by_total_and_orders_by_date()
    {
        var items = Render(["Region.RegionGroup-East", "Category.RegionGroup-East.CategoryGroup-Fruit"],
            [new UserSortState("hAmount", true), new UserSortState("hDate", false)]);
        Assert.Multiple(() =>
        {
            Assert.That(TextsOf(items, "Region"), Is.EqualTo(new[] { "West", "East" }));
            Assert.That(TextsOf(items, "Product"), Is.EqualTo(new[] { "Pears", "Apples" }), "Pears was ordered first");
            Assert.That(items.Single(t => t.Name == "hAmount").Sort, Is.EqualTo(new SortControl("hAmount", SortState.Descending)));
            Assert.That(items.Single(t => t.Name == "hProduct").Sort, Is.EqualTo(new SortControl("hProduct", SortState.None)));
        });
    }

    private sealed class OrdersData : IDataSetProvider
    {
        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(new DataSetRows(["Region", "Category", "Product", "OrderDate", "Amount"], Orders.Select(o => (object?[])o.Clone()).ToList()));
    }
}
