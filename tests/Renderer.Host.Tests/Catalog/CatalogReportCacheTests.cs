using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Renderer.Host.Catalog;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Tests.Catalog;

/// <summary>
/// The server's cache of read and compiled catalog reports takes its bounds from <c>Catalog:ReportCache</c> (before,
/// 256 entries and an idle hour were hard-coded), checked at start.
/// </summary>
[NonParallelizable]
public sealed class CatalogReportCacheTests
{
    [Test]
    public async Task The_report_cache_keeps_at_most_the_configured_number_of_reports()
    {
        using var session = new CatalogServerSession("report-cache", new Dictionary<string, string> { ["Catalog:ReportCache:MaxEntries"] = "2" });
        var queries = session.Server.Services.GetRequiredService<CatalogQueries>();
        var reports = session.Server.Services.GetRequiredService<CatalogReports>();
        var samples = (await queries.ChildrenAsync(SampleSeeder.Folder)).Where(i => i.Kind == CatalogItemKind.Report).Take(4).ToList();
        Assert.That(samples, Has.Count.EqualTo(4));

        var first = await reports.LoadAsync(samples[0]);
        Assert.That(await reports.LoadAsync(samples[0]), Is.SameAs(first), "a second load is a hit");
        foreach (var item in samples.Skip(1)) Assert.That((await reports.LoadAsync(item))!.Success, Is.True, item.Path.Value);

        Assert.That(reports.Count, Is.LessThanOrEqualTo(2));
    }

    [TestCase("MaxEntries", "0")]
    [TestCase("MaxIdle", "00:00:00")]
    public void A_bad_report_cache_bound_stops_the_server_at_start_naming_the_setting(string setting, string value)
    {
        var folder = Path.Combine(Path.GetTempPath(), "report-cache-bad-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            using var server = new CatalogServer(folder, "sqlite", null, new Dictionary<string, string> { [$"Catalog:ReportCache:{setting}"] = value });

            var error = Assert.Throws<OptionsValidationException>(() => server.CreateClient());

            Assert.That(error!.Message, Does.Contain($"Catalog:ReportCache:{setting}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
