using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DataBroker.Samples;

/// <summary>
/// A small deterministic SQLite sales database for samples, demos and tests.
/// <para>Table <c>sales</c> (600 rows, one order line each, ordered by date; 300 per year):</para>
/// <list type="table">
/// <item><term>OrderId INTEGER PRIMARY KEY</term><description>1..600 in date order</description></item>
/// <item><term>OrderDate DATE</term><description>text <c>yyyy-MM-dd</c>, 2023-01-01..2024-12-31 (read back as <see cref="DateTime"/>)</description></item>
/// <item><term>Year INTEGER</term><description>2023 or 2024 (the year of OrderDate)</description></item>
/// <item><term>Region TEXT</term><description>East, North, South, West</description></item>
/// <item><term>Category TEXT</term><description>Accessories, Bikes, Clothing</description></item>
/// <item><term>Product TEXT</term><description>3 products per category (9 in all), see <see cref="Products"/></description></item>
/// <item><term>Quantity INTEGER</term><description>1..20</description></item>
/// <item><term>UnitPrice DECIMAL</term><description>list price ±10 %, 2 decimals (read back as <see cref="decimal"/>)</description></item>
/// <item><term>Amount DECIMAL</term><description>Quantity × UnitPrice rounded to 2 decimals</description></item>
/// </list>
/// Rows come from a fixed-seed 64-bit LCG, so every build creates the same data and the same file.
/// </summary>
/// <example><c>SELECT Region, Category, Product, OrderDate, Quantity, UnitPrice, Amount FROM sales WHERE Year = @Year ORDER BY Region, OrderDate</c></example>
public static class SampleDatabase
{
    public const int RowCount = 600;

    public static readonly IReadOnlyList<string> Regions = ["East", "North", "South", "West"];

    /// <summary>(Category, Product, list price).</summary>
    public static readonly IReadOnlyList<(string Category, string Product, decimal ListPrice)> Products =
    [
        ("Accessories", "Bottle Cage", 9.99m),
        ("Accessories", "Helmet", 34.99m),
        ("Accessories", "Tire Tube", 4.99m),
        ("Bikes", "Mountain-200", 2294.99m),
        ("Bikes", "Road-550", 1120.49m),
        ("Bikes", "Touring-1000", 2384.07m),
        ("Clothing", "Cap", 8.99m),
        ("Clothing", "Jersey", 49.99m),
        ("Clothing", "Shorts", 69.99m),
    ];

    /// <summary>
    /// Creates the database at <paramref name="path"/> unless it exists, and returns its full path. The file is written
    /// under a temporary name and moved into place, so concurrent callers never see a half-written database.
    /// </summary>
    public static string EnsureCreated(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath)) return fullPath;

        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Write(temp);
            try
            {
                File.Move(temp, fullPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(fullPath))
            {
                // Another caller created it first; theirs is identical.
            }
        }
        finally
        {
            File.Delete(temp);
        }

        return fullPath;
    }

    private static void Write(string file)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TABLE sales (
                    OrderId   INTEGER PRIMARY KEY,
                    OrderDate DATE    NOT NULL,
                    Year      INTEGER NOT NULL,
                    Region    TEXT    NOT NULL,
                    Category  TEXT    NOT NULL,
                    Product   TEXT    NOT NULL,
                    Quantity  INTEGER NOT NULL,
                    UnitPrice DECIMAL NOT NULL,
                    Amount    DECIMAL NOT NULL);
                CREATE INDEX ix_sales_year ON sales (Year);
                """;
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO sales (OrderId, OrderDate, Year, Region, Category, Product, Quantity, UnitPrice, Amount)
            VALUES (@id, @date, @year, @region, @category, @product, @quantity, @price, @amount)
            """;
        var names = new[] { "@id", "@date", "@year", "@region", "@category", "@product", "@quantity", "@price", "@amount" };
        var parameters = Array.ConvertAll(names, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
        insert.Prepare();

        var id = 0;
        foreach (var row in GenerateRows())
        {
            var values = new object[]
            {
                ++id, row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Date.Year, row.Region,
                row.Category, row.Product, row.Quantity, (double)row.UnitPrice, (double)Math.Round(row.Quantity * row.UnitPrice, 2, MidpointRounding.AwayFromZero),
            };
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static List<SampleRow> GenerateRows()
    {
        var random = new Lcg(20230101);
        var rows = new List<SampleRow>(RowCount);
        for (var i = 0; i < RowCount; i++)
        {
            var year = i < RowCount / 2 ? 2023 : 2024;
            var yearStart = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            var date = yearStart.AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
            var region = Regions[random.Next(Regions.Count)];
            var (category, product, listPrice) = Products[random.Next(Products.Count)];
            var quantity = 1 + random.Next(20);
            var factor = 0.90m + (random.Next(21) / 100m);
            var unitPrice = Math.Round(listPrice * factor, 2, MidpointRounding.AwayFromZero);
            rows.Add(new SampleRow(date, region, category, product, quantity, unitPrice));
        }

        return [.. rows.OrderBy(r => r.Date)];
    }

    private readonly record struct SampleRow(DateTime Date, string Region, string Category, string Product, int Quantity, decimal UnitPrice);

    /// <summary>Knuth's MMIX 64-bit LCG; draws use the high 31 bits.</summary>
    private sealed class Lcg(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int exclusiveMax)
        {
            _state = unchecked((_state * 6364136223846793005UL) + 1442695040888963407UL);
            return (int)((_state >> 33) % (ulong)exclusiveMax);
        }
    }
}
