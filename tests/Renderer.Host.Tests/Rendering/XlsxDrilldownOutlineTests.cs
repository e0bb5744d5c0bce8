using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Tests.EndToEnd;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;

namespace Renderer.Host.Tests.Rendering;

/// <summary>
/// The drilldown sample (samples/rdl/SalesDrilldown.rdl) exported to Excel, as SSRS exports drilldown: every category and
/// order row is in the sheet, rows a toggle hides are hidden in a collapsed outline group (the summary row above them
/// carries the "+"), numbers stay numbers so totals add up, and LibreOffice prints only the rows shown.
/// </summary>
public sealed class XlsxDrilldownOutlineTests
{
    private static readonly object?[][] Orders =
    [
        ["East", "Fruit", "Apples", new DateTime(2024, 1, 5), 10m],
        ["East", "Fruit", "Pears", new DateTime(2024, 1, 2), 20m],
        ["East", "Tools", "Saw", new DateTime(2024, 2, 1), 5m],
        ["West", "Fruit", "Kiwis", new DateTime(2024, 3, 1), 70m],
    ];

    /// <summary>One sheet row: its outline level, hidden and collapsed flags, and its cells' values (text or number).</summary>
    internal sealed record SheetRow(int Level, bool Hidden, bool Collapsed, List<object> Values)
    {
        public bool Has(object value) => Values.Contains(value);
    }

    [Test]
    public async Task Collapsed_export_keeps_categories_and_orders_hidden_in_collapsed_outline_groups()
    {
        var (rows, sheet) = Read(await RenderXlsx([]));
        var east = rows.Single(r => r.Has("East"));
        var fruit = rows.Where(r => r.Has("Fruit")).ToList();
        var apples = rows.Single(r => r.Has("Apples"));
        Assert.Multiple(() =>
        {
            Assert.That(east, Is.EqualTo(east with { Level = 0, Hidden = false, Collapsed = true }), "the region row is the summary of a collapsed group");
            Assert.That(fruit.Select(r => (r.Level, r.Hidden, r.Collapsed)), Is.EqualTo(new[] { (1, true, true), (1, true, true) }), "East's and West's Fruit rows");
            Assert.That(apples, Is.EqualTo(apples with { Level = 2, Hidden = true, Collapsed = false }));
            Assert.That(rows.Where(r => r.Level == 2).Select(r => r.Values.OfType<string>().First()), Is.EqualTo(new[] { "Apples", "Pears", "Saw", "Kiwis" }));
            Assert.That(rows.Where(r => !r.Hidden).SelectMany(r => r.Values).OfType<string>(), Does.Not.Contain("Fruit").And.Not.Contain("Apples"));
            Assert.That(rows.Single(r => r.Has("Grand Total")).Hidden, Is.False);
            Assert.That(sheet.SummaryBelow, Is.False, "summary rows are above their details");
            Assert.That(sheet.OutlineLevelRow, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Hidden_order_amounts_are_numbers_that_add_up_to_their_totals()
    {
        var (rows, _) = Read(await RenderXlsx([]));
        static double Amount(SheetRow row) => row.Values.OfType<double>().Last();
        var details = rows.Where(r => r.Level == 2).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(details.Select(Amount), Is.EqualTo(new[] { 10d, 20d, 5d, 70d }));
            Assert.That(Amount(rows.Single(r => r.Has("East"))), Is.EqualTo(details.Take(3).Sum(Amount)));
            Assert.That(Amount(rows.First(r => r.Has("Fruit"))), Is.EqualTo(30d), "East's Fruit subtotal");
            Assert.That(Amount(rows.Single(r => r.Has("Grand Total"))), Is.EqualTo(details.Sum(Amount)));
        });
    }

    [Test]
    public async Task Toggled_export_shows_the_opened_groups_and_keeps_the_others_collapsed()
    {
        var (rows, _) = Read(await RenderXlsx(["Region.RegionGroup-East", "Category.RegionGroup-East.CategoryGroup-Fruit"]));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Single(r => r.Has("East")).Collapsed, Is.False, "East is open");
            Assert.That(rows.Single(r => r.Has("West")).Collapsed, Is.True);
            Assert.That(rows.Single(r => r.Has("Tools")), Has.Property("Hidden").False.And.Property("Collapsed").True);
            Assert.That(rows.Where(r => r.Has("Fruit")).Select(r => r.Hidden), Is.EqualTo(new[] { false, true }), "East's Fruit is shown, West's hidden");
            Assert.That(rows.Where(r => r.Level == 2 && !r.Hidden).Select(r => r.Values.OfType<string>().First()), Is.EqualTo(new[] { "Apples", "Pears" }));
            Assert.That(rows.Where(r => r.Level == 2 && r.Hidden).Select(r => r.Values.OfType<string>().First()), Is.EqualTo(new[] { "Saw", "Kiwis" }));
        });
    }

    [Test]
    public async Task A_toggled_group_whose_rows_its_children_all_hide_keeps_one_hidden_row_as_before()
    {
        // The category header row gets its own toggle too: every row of a category instance is then hidden by a member
        // below the category, which (as in every format) collapses to one row evaluated in the category's scope.
        var rdl = File.ReadAllText(SamplePath());
        var header = "<TablixMember><KeepWithGroup>After</KeepWithGroup></TablixMember>";
        var at = rdl.IndexOf(header, rdl.IndexOf("CategoryGroup", StringComparison.Ordinal), StringComparison.Ordinal);
        rdl = string.Concat(rdl.AsSpan(0, at), "<TablixMember><Visibility><Hidden>true</Hidden><ToggleItem>Category</ToggleItem></Visibility></TablixMember>", rdl.AsSpan(at + header.Length));
        var (rows, _) = Read(await RenderXlsx([], System.Text.Encoding.UTF8.GetBytes(rdl)));
        Assert.Multiple(() =>
        {
            Assert.That(rows.Where(r => r.Has("Fruit") || r.Has("Tools")).Select(r => (r.Level, r.Hidden)), Is.EqualTo(new[] { (1, true), (1, true), (1, true) }));
            Assert.That(rows.Where(r => r.Level == 2), Is.Empty, "the rows its children hide are left out");
            Assert.That(rows.Single(r => r.Has("East")).Collapsed, Is.True);
        });
    }

    [Test]
    public async Task LibreOffice_prints_only_the_rows_shown()
    {
        var folder = Directory.CreateTempSubdirectory("xlsx-outline-").FullName;
        try
        {
            var workbook = Path.Combine(folder, "SalesDrilldown.xlsx");
            await File.WriteAllBytesAsync(workbook, await RenderXlsx([]));
            var printed = Path.Combine(folder, "printed");
            var (exit, output) = OfficePrintTests.Run("soffice", TimeSpan.FromMinutes(3),
                [$"-env:UserInstallation=file://{Path.Combine(folder, "profile")}", "--headless", "--convert-to", "pdf", "--outdir", printed, workbook]);
            Assert.That(exit, Is.Zero, output);
            var (textExit, text) = OfficePrintTests.Run("pdftotext", TimeSpan.FromMinutes(1), ["-layout", Path.Combine(printed, "SalesDrilldown.pdf"), "-"]);
            Assert.That(textExit, Is.Zero, text);
            Assert.That(text, Does.Contain("East").And.Contain("35.00").And.Contain("105.00").And.Not.Contain("Apples").And.Not.Contain("Fruit"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]> RenderXlsx(string[] toggled, byte[]? rdl = null)
    {
        var bytes = rdl ?? await File.ReadAllBytesAsync(SamplePath());
        var read = RdlReader.Read(bytes, "SalesDrilldown.rdl");
        Assert.That(read.Success, Is.True, () => string.Join("\n", read.Diagnostics));
        var compiled = ExpressionCompiler.Compile(read.Report!, "SalesDrilldown.rdl");
        Assert.That(compiled.Success, Is.True, () => string.Join("\n", compiled.Diagnostics));
        var input = new RenderInput("SalesDrilldown", "SalesDrilldown.rdl", bytes, compiled.AssemblyImage, "xlsx", new Dictionary<string, object?[]> { ["Year"] = [2024] }, new DateTime(2024, 5, 6), "me")
        {
            ToggledItems = toggled,
        };
        var output = await Infrastructure.OfficeOutputCheck.RenderAsync(input, new OrdersData());
        Assert.That(output.Content, Is.Not.Empty, () => string.Join("\n", output.Diagnostics));
        return output.Content;
    }

    /// <summary>
    /// The first sheet's rows (typed values: shared strings as text, numbers as double), its outlinePr summaryBelow and
    /// its sheetFormatPr outlineLevelRow.
    /// </summary>
    internal static (List<SheetRow> Rows, (bool? SummaryBelow, int? OutlineLevelRow) Sheet) Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = part.WorksheetParts.First().Worksheet;
        var rows = new List<SheetRow>();
        foreach (var row in sheet.Descendants<Row>())
        {
            var values = new List<object>();
            foreach (var cell in row.Elements<Cell>())
            {
                if (cell.CellValue is not { } value) continue;
                if (cell.DataType?.Value == CellValues.SharedString) values.Add(strings[int.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture)]);
                else if (cell.DataType is null || cell.DataType.Value == CellValues.Number) values.Add(double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture));
            }
            rows.Add(new SheetRow(row.OutlineLevel?.Value ?? 0, row.Hidden?.Value ?? false, row.Collapsed?.Value ?? false, values));
        }
        return (rows, (sheet.SheetProperties?.OutlineProperties?.SummaryBelow?.Value, sheet.GetFirstChild<SheetFormatProperties>()?.OutlineLevelRow?.Value));
    }

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "rdl", "SalesDrilldown.rdl");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("samples/rdl/SalesDrilldown.rdl");
    }

    private sealed class OrdersData : IDataSetProvider
    {
        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            Task.FromResult(new DataSetRows(["Region", "Category", "Product", "OrderDate", "Amount"], Orders.Select(o => (object?[])o.Clone()).ToList()));
    }
}
