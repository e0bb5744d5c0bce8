using System.Globalization;
using Renderer.Sandbox.Data;

namespace Corpus.Tests.Exports;

/// <summary>
/// Five corpus reports exported to XLSX and read back as Excel shows them: every number is a typed numeric cell, and
/// every total equals a sum computed here, independently, from the very rows the render received (inline data the
/// report carries, or the runner's generated rows).
/// </summary>
public sealed class CorpusXlsxTests
{
    [Test]
    public async Task Matrix_example_region_by_year_cells_and_totals_equal_the_inline_data_sums()
    {
        var (book, rows) = await ExportAsync("fyireporting/MatrixExample.rdl", "Sales");
        var years = rows.Values("Year").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(years, Has.Count.EqualTo(2));
        foreach (var region in rows.Values("Region").Distinct())
        {
            var numbers = book.Row(book.Find(region).Row).Where(c => c.Value is double).Select(c => c.Number).ToList();
            var expected = years.Select(y => rows.Sum("Sales", ("Region", region), ("Year", y))).Append(rows.Sum("Sales", ("Region", region))).ToList();
            Assert.That(numbers, Is.EqualTo(expected).Within(0.001), region);
        }
        var grand = book.Row(book.Find("Grand Total").Row).Where(c => c.Value is double).Select(c => c.Number).ToList();
        Assert.That(grand, Is.EqualTo(years.Select(y => rows.Sum("Sales", ("Year", y))).Append(rows.Sum("Sales")).ToList()).Within(0.001));
    }

    [Test]
    public async Task Employee_org_chart_recursive_counts_and_salaries_equal_each_subtree()
    {
        var (book, rows) = await ExportAsync("fyireporting/EmployeeOrg.rdl", "Salary");
        var tree = new EmployeeTree(rows);
        var header = book.Find("Group Salary");
        Assert.That(tree.Ids, Has.Count.GreaterThan(10));
        foreach (var id in tree.Ids)
        {
            var name = tree.Name(id);
            var cells = book.Row(book.Find(name).Row);
            Assert.That(cells.Select(c => c.Value), Is.EqualTo(new object?[] { name, (double)tree.Depth(id), (double)tree.SubtreeSize(id), tree.SubtreeSalary(id) }), name);
            Assert.That(cells[3].Column, Is.EqualTo(header.Column));
            Assert.That(cells[3].FormatCode, Does.Contain("$").And.Contain("#,##0"), "the salary keeps its $#,##0 format as a number format");
        }
    }

    [Test]
    public async Task Sales_summary_territory_by_year_matrix_totals_equal_sums_and_keep_the_currency_format()
    {
        var (book, rows) = await ExportAsync("apress-beg-ssrs/Sales Summary.rdl", "Sales");
        var headerRow = book.Find("Territory ID").Row;
        var header = book.Row(headerRow);
        var years = header.Skip(2).TakeWhile(c => c.Value is double).ToList();
        var totalColumn = header.Single(c => c.Value is "Total").Column;
        Assert.That(years.Select(c => c.Number), Is.EquivalentTo(rows.Values("OrderYear").Distinct().Select(double.Parse)));
        int row = headerRow + 1;
        for (; book.Row(row) is [{ Value: double territory }, ..] cells; row++)
        {
            var id = territory.ToString(CultureInfo.InvariantCulture);
            foreach (var year in years)
            {
                var expected = rows.Sum("Sales", ("TerritoryID", id), ("OrderYear", year.Number.ToString(CultureInfo.InvariantCulture)));
                var cell = cells.SingleOrDefault(c => c.Column == year.Column);
                Assert.That(cell?.Number ?? 0, Is.EqualTo(expected).Within(0.001), $"territory {id}, year {year.Number}");
                if (cell is not null) Assert.That(cell.FormatCode, Is.EqualTo("\"$\"#,0;(\"$\"#,0)"), "the RDL format '$'#,0;('$'#,0) as an Excel number format");
            }
            Assert.That(cells.Single(c => c.Column == totalColumn).Number, Is.EqualTo(rows.Sum("Sales", ("TerritoryID", id))).Within(0.001));
        }
        Assert.That(row - headerRow - 1, Is.EqualTo(rows.Values("TerritoryID").Distinct().Count()));
        var totals = book.Row(row);
        Assert.That(totals[0].Value, Is.EqualTo("Total"));
        Assert.That(totals.Skip(1).Select(c => c.Number),
            Is.EqualTo(years.Select(y => rows.Sum("Sales", ("OrderYear", y.Number.ToString(CultureInfo.InvariantCulture)))).Append(rows.Sum("Sales")).ToList()).Within(0.001));
    }

    [Test]
    public async Task Matrix_report_group_and_region_rows_with_group_subtotals_equal_sums()
    {
        var (book, rows) = await ExportAsync("apress-beg-ssrs/Matrix Report.rdl", "TotalDue");
        var totalHeader = book.Cells.First(c => c.Value is "Total");
        var header = book.Row(totalHeader.Row);
        var years = header.Where(c => c.Value is double).ToList();
        string? group = null;
        int checkedRows = 0, subtotals = 0;
        for (int row = totalHeader.Row + 1; book.Row(row) is { Count: > 0 } cells; row++)
        {
            var texts = cells.Where(c => c.Value is string).ToList();
            if (texts.Count == 2) group = (string)texts[0].Value!;
            var label = (string)texts[^1].Value!;
            var filters = label == "Total" ? new[] { ("Group", group!) } : [("Group", group!), ("Region", label)];
            foreach (var year in years)
            {
                var expected = rows.Sum("TotalDue", [.. filters, ("OrderYear", year.Number.ToString(CultureInfo.InvariantCulture))]);
                Assert.That(cells.SingleOrDefault(c => c.Column == year.Column)?.Number ?? 0, Is.EqualTo(expected).Within(0.001), $"{group}/{label}/{year.Number}");
            }
            Assert.That(cells.Single(c => c.Column == totalHeader.Column).Number, Is.EqualTo(rows.Sum("TotalDue", filters)).Within(0.001), $"{group}/{label} total");
            checkedRows++;
            if (label == "Total") subtotals++;
        }
        Assert.That(subtotals, Is.EqualTo(rows.Values("Group").Distinct().Count()));
        Assert.That(checkedRows, Is.EqualTo(subtotals + rows.Values("Group").Zip(rows.Values("Region")).Distinct().Count()));
    }

    [Test]
    public async Task Running_value_in_each_group_footer_equals_the_cumulative_sum_through_that_group()
    {
        var (book, rows) = await ExportAsync("ms-loadtest/Running Value.rdl", "UnitPrice");
        var unitPrice = book.Find("Unit Price");
        double running = 0;
        int groups = 0;
        foreach (var order in rows.Values("PurchaseOrderNumber").Distinct())
        {
            var groupRow = book.Find(order).Row;
            running += rows.Sum("UnitPrice", ("PurchaseOrderNumber", order));
            var detail = rows.Values("UnitPrice", ("PurchaseOrderNumber", order)).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
            var shown = Enumerable.Range(groupRow + 1, detail.Count).Select(r => book.Cells.Single(c => c.Row == r && c.Column == unitPrice.Column).Number).ToList();
            Assert.That(shown, Is.EquivalentTo(detail), $"{order} detail rows");
            var footer = book.Cells.Single(c => c.Row == groupRow + detail.Count + 1 && c.Column == unitPrice.Column);
            Assert.That(footer.Number, Is.EqualTo(running).Within(0.001), $"{order} footer");
            groups++;
        }
        Assert.That(groups, Is.GreaterThan(1));
    }

    /// <summary>Exports <paramref name="file"/> and returns the rows of its (single) dataset that has <paramref name="field"/>.</summary>
    private static async Task<(XlsxWorkbook Book, DataRows Rows)> ExportAsync(string file, string field)
    {
        var result = await CorpusExport.RenderAsync(file, "xlsx");
        Assert.That(result.Errors, Is.Empty);
        var name = result.Report.DataSets.Single(d => d.Fields.Any(f => f.Name == field)).Name;
        var (rows, _) = await result.Provider.PeekAsync(name, CancellationToken.None);
        return (new XlsxWorkbook(result.Output.Content), new DataRows(rows));
    }
}

/// <summary>Dataset rows with sums and filters by column, values compared as invariant text.</summary>
internal sealed class DataRows(DataSetRows rows)
{
    public IEnumerable<string> Values(string column, params (string Column, string Value)[] filters) =>
        Where(filters).Select(r => Text(r[Index(column)]));

    public double Sum(string column, params (string Column, string Value)[] filters) =>
        Where(filters).Sum(r => r[Index(column)] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : 0);

    public IEnumerable<object?[]> All => rows.Rows;

    public int Index(string column) => rows.IndexOf(column) is >= 0 and var i ? i : throw new AssertionException($"No column {column}.");

    private IEnumerable<object?[]> Where((string Column, string Value)[] filters) =>
        rows.Rows.Where(r => filters.All(f => Text(r[Index(f.Column)]) == f.Value));

    public static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
