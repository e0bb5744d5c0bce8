using System.Globalization;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

public class CsvQueryTests
{
    private const string BenchFile = "/work/shared/bench/sales_1000.csv";

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("databroker-csv-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private static TestBroker Broker(string connectionString, int? maxRows = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataBroker:DataSources:Sales:Provider"] = "csv",
            ["DataBroker:DataSources:Sales:ConnectionString"] = connectionString,
        };
        if (maxRows is not null) settings["DataBroker:MaxRows"] = maxRows.ToString();
        return new TestBroker(settings);
    }

    [Test]
    public async Task Thousand_row_file_gives_thousand_typed_rows()
    {
        Assume.That(File.Exists(BenchFile), $"{BenchFile} is not present");
        using var broker = Broker(BenchFile);

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", "placeholder"), "Sales", Values(), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        var rows = await result.ReadAllAsync();

        Assert.That(result.Columns, Is.EqualTo(new[] { "Region", "Product", "OrderDate", "Quantity", "UnitPrice" }));
        Assert.That(rows, Has.Count.EqualTo(1000));
        var firstLine = File.ReadLines(BenchFile).Skip(1).First().Split(',');
        Assert.That(rows[0], Is.EqualTo(new object?[]
        {
            firstLine[0],
            firstLine[1],
            DateTime.ParseExact(firstLine[2], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            int.Parse(firstLine[3], CultureInfo.InvariantCulture),
            decimal.Parse(firstLine[4], CultureInfo.InvariantCulture),
        }));
        Assert.That(rows.Select(r => r[2]), Is.All.TypeOf<DateTime>());
        Assert.That(rows.Select(r => r[3]), Is.All.TypeOf<int>());
        Assert.That(rows.Select(r => r[4]), Is.All.TypeOf<decimal>());
    }

    [Test]
    public async Task Folder_source_reads_the_dataset_file_with_quotes_and_all_types()
    {
        File.WriteAllText(Path.Combine(_folder, "Orders.csv"), string.Join("\n",
            "Name,Id:long,Price:double,Due:date,Paid:bool,Count:int",
            "\"Smith, \"\"Bob\"\"\",9000000000,1.5e3,2024-02-29,true,3",
            "\"two",
            "lines\",1,2.25,2024-03-01 13:45:00,0,",
            "",
            "plain,2,-1,2024-12-31,FALSE,4") + "\n");
        using var broker = Broker(_folder);

        await using var result = await broker.Runner.ExecuteAsync(Report("Orders", "ignored"), "Orders", Values(), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        var rows = await result.ReadAllAsync();

        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows[0], Is.EqualTo(new object?[] { "Smith, \"Bob\"", 9_000_000_000L, 1500.0, new DateTime(2024, 2, 29), true, 3 }));
        Assert.That(rows[1], Is.EqualTo(new object?[] { "two\nlines", 1L, 2.25, new DateTime(2024, 3, 1), false, null }));
        Assert.That(rows[2], Is.EqualTo(new object?[] { "plain", 2L, -1.0, new DateTime(2024, 12, 31), false, 4 }));
    }

    [Test]
    public async Task Bad_value_is_reported_with_line_and_column_while_streaming()
    {
        File.WriteAllText(Path.Combine(_folder, "Orders.csv"), "Name,Count:int\na,1\nb,lots\n");
        using var broker = Broker(_folder);
        await using var result = await broker.Runner.ExecuteAsync(Report("Orders", "ignored"), "Orders", Values(), CancellationToken.None);

        var error = Assert.ThrowsAsync<Queries.DataBrokerException>(async () => await result.ReadAllAsync());

        Assert.That(error!.Diagnostic.Code, Is.EqualTo("DAT6003"));
        Assert.That(error.Message, Does.Contain("line 3").And.Contain("'Count'").And.Contain("'lots'"));
        Assert.That(error.Message, Does.Not.Contain(_folder));
    }

    [Test]
    public async Task Unknown_header_type_is_DAT6003()
    {
        File.WriteAllText(Path.Combine(_folder, "Orders.csv"), "Name,Count:integer128\na,1\n");
        using var broker = Broker(_folder);

        await using var result = await broker.Runner.ExecuteAsync(Report("Orders", "ignored"), "Orders", Values(), CancellationToken.None);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("unknown type 'integer128'"));
    }

    [TestCase("..")]
    [TestCase("../Orders")]
    public async Task Dataset_name_cannot_leave_the_folder(string dataSetName)
    {
        var inner = Directory.CreateDirectory(Path.Combine(_folder, "inner")).FullName;
        File.WriteAllText(Path.Combine(_folder, "Orders.csv"), "Name\nsecret\n");
        File.WriteAllText(Path.Combine(_folder, "..csv"), "Name\nsecret\n");
        using var broker = Broker(inner);

        await using var result = await broker.Runner.ExecuteAsync(Report(dataSetName, "ignored"), dataSetName, Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(result.Diagnostics.Single().ToString(), Does.Not.Contain(inner));
    }

    [Test]
    public async Task Missing_file_is_DAT6003_without_its_path()
    {
        var missing = Path.Combine(_folder, "CANARY-SECRET-7f3a9", "none.csv");
        using var broker = Broker(missing);

        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", "ignored"), "Sales", Values(), CancellationToken.None);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(result.Diagnostics.Single().ToString(), Does.Not.Contain("CANARY-SECRET-7f3a9"));
    }

    [Test]
    public async Task MaxRows_applies_to_csv_too()
    {
        Assume.That(File.Exists(BenchFile), $"{BenchFile} is not present");
        using var broker = Broker(BenchFile, maxRows: 999);
        await using var result = await broker.Runner.ExecuteAsync(Report("Sales", "placeholder"), "Sales", Values(), CancellationToken.None);

        var error = Assert.ThrowsAsync<Queries.DataBrokerException>(async () => await result.ReadAllAsync());

        Assert.That(error!.Diagnostic.Code, Is.EqualTo("DAT6006"));
    }
}
