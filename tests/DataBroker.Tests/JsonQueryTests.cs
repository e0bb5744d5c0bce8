using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>The json connector: a registered file (or folder of &lt;DataSet&gt;.json) holding an array of objects.</summary>
public class JsonQueryTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("databroker-json-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private TestBroker Broker(string path) => new(new Dictionary<string, string?>
    {
        ["DataBroker:DataSources:Sales:Provider"] = "json",
        ["DataBroker:DataSources:Sales:ConnectionString"] = path,
    });

    [Test]
    public async Task Array_of_objects_becomes_typed_rows_with_the_union_of_properties_as_columns()
    {
        File.WriteAllText(Path.Combine(_folder, "Orders.json"), """
            [
              { "Region": "East", "Amount": 10.5, "Qty": 2, "OrderDate": "2024-03-01", "Paid": true },
              { "Region": "West", "Amount": 7, "Qty": null, "Note": "late" }
            ]
            """);
        using var broker = Broker(_folder);

        await using var result = await broker.Runner.ExecuteAsync(Report("Orders", "ignored"), "Orders", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(result.Columns, Is.EqualTo(new[] { "Region", "Amount", "Qty", "OrderDate", "Paid", "Note" }));
        var rows = await result.ReadAllAsync();
        Assert.That(rows[0], Is.EqualTo(new object?[] { "East", 10.5m, 2L, new DateTime(2024, 3, 1), true, null }));
        Assert.That(rows[1], Is.EqualTo(new object?[] { "West", 7L, null, null, null, "late" }));
    }

    [Test]
    public async Task A_file_that_is_not_an_array_is_DAT6003()
    {
        var file = Path.Combine(_folder, "one.json");
        File.WriteAllText(file, """{ "Region": "East" }""");
        using var broker = Broker(file);

        await using var result = await broker.Runner.ExecuteAsync(Report("Orders", "ignored"), "Orders", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("array of objects"));
    }

    [Test]
    public async Task A_dataset_name_cannot_leave_the_folder()
    {
        using var broker = Broker(_folder);
        var report = Report("../secret", "ignored");

        await using var result = await broker.Runner.ExecuteAsync(report, "../secret", Values(), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("DAT6003"));
    }
}
