using DataBroker.Samples;
using Microsoft.Data.Sqlite;

namespace DataBroker.Tests;

public class SampleDatabaseTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("databroker-sample-").FullName;

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Creating_twice_gives_the_same_file_and_the_same_totals()
    {
        var first = SampleDatabase.EnsureCreated(Path.Combine(_folder, "a", "sales.db"));
        var second = SampleDatabase.EnsureCreated(Path.Combine(_folder, "b", "sales.db"));

        Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
        Assert.That(Totals(second), Is.EqualTo(Totals(first)));
    }

    [Test]
    public void Sample_has_the_documented_shape()
    {
        var path = SampleDatabase.EnsureCreated(Path.Combine(_folder, "sales.db"));
        using var connection = Open(path);

        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM sales"), Is.EqualTo(600L));
        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM sales WHERE Year = 2023"), Is.EqualTo(300L));
        Assert.That(Scalar(connection, "SELECT group_concat(Region) FROM (SELECT DISTINCT Region FROM sales ORDER BY Region)"), Is.EqualTo("East,North,South,West"));
        Assert.That(Scalar(connection, "SELECT COUNT(DISTINCT Category) FROM sales"), Is.EqualTo(3L));
        Assert.That(Scalar(connection, "SELECT COUNT(DISTINCT Product) FROM sales"), Is.EqualTo(9L));
        Assert.That(Scalar(connection, "SELECT MIN(OrderDate) >= '2023-01-01' AND MAX(OrderDate) <= '2024-12-31' FROM sales"), Is.EqualTo(1L));
        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM sales WHERE CAST(substr(OrderDate, 1, 4) AS INTEGER) <> Year"), Is.EqualTo(0L));
        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM sales WHERE abs(Amount - round(Quantity * UnitPrice, 2)) > 0.001"), Is.EqualTo(0L));
    }

    [Test]
    public void Concurrent_callers_all_get_a_complete_database()
    {
        var path = Path.Combine(_folder, "shared", "sales.db");
        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => SampleDatabase.EnsureCreated(path)).ToList();

        Assert.That(results, Is.All.EqualTo(Path.GetFullPath(path)));
        using var connection = Open(path);
        Assert.That(Scalar(connection, "SELECT COUNT(*) FROM sales"), Is.EqualTo(600L));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1), "temporary files are cleaned up");
    }

    [Test]
    public void An_existing_file_is_left_alone()
    {
        var path = Path.Combine(_folder, "sales.db");
        File.WriteAllText(path, "not a database");

        SampleDatabase.EnsureCreated(path);

        Assert.That(File.ReadAllText(path), Is.EqualTo("not a database"));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Totals(string path)
    {
        using var connection = Open(path);
        return (string)Scalar(connection, "SELECT group_concat(Region || '=' || printf('%.2f', t), ';') FROM (SELECT Region, SUM(Amount) t FROM sales GROUP BY Region ORDER BY Region)")!;
    }
}
