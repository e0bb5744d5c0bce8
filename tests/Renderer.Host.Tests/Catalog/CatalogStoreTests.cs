using System.Text;
using Renderer.Host.Catalog.Database;
using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Tests.Catalog;

/// <summary>The catalog store's behaviour, run unchanged against the embedded SQLite file and a PostgreSQL server.</summary>
[TestFixture("sqlite")]
[TestFixture("postgresql")]
[Parallelizable(ParallelScope.None)]
public sealed class CatalogStoreTests(string provider)
{
    private static readonly CatalogActor Alice = new("alice", "127.0.0.1");
    private static readonly CatalogActor Bob = new("bob", "127.0.0.2");
    private CatalogTestDatabase _db = null!;

    [SetUp]
    public async Task SetUp() => _db = await CatalogTestDatabase.CreateAsync(provider);

    [TearDown]
    public async Task TearDown() => await _db.DisposeAsync();

    private static byte[] Rdl(string text) => Encoding.UTF8.GetBytes(text);

    private static CatalogPath P(string path) => CatalogPath.Parse(path);

    [Test]
    public async Task Migrating_again_changes_nothing_and_records_the_schema_version()
    {
        await _db.Publisher.CreateFolderAsync(P("/Sales"), null, Alice);
        await _db.ReopenAsync();
        Assert.That((await _db.Queries.GetAsync(P("/Sales")))?.Kind, Is.EqualTo(CatalogItemKind.Folder));
        await using var connection = await _db.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        Assert.That(Convert.ToInt32(await command.ExecuteScalarAsync()), Is.EqualTo(CatalogMigrator.LatestVersion));
    }

    [Test]
    public async Task Folders_nest_and_list_their_children_folders_first()
    {
        Assert.That((await _db.Publisher.CreateFolderAsync(P("/Sales"), "Sales reports", Alice)).Success);
        Assert.That((await _db.Publisher.CreateFolderAsync(P("/Sales/Monthly"), null, Alice)).Success);
        Assert.That((await _db.Publisher.PublishAsync(P("/Sales/Annual"), CatalogItemKind.Report, Rdl("<Report/>"), new(), Alice)).Success);
        var missingParent = await _db.Publisher.CreateFolderAsync(P("/Nowhere/Deep"), null, Alice);
        Assert.That(missingParent.Error?.Code, Is.EqualTo("CAT9006"));
        var children = await _db.Queries.ChildrenAsync(P("/Sales"));
        Assert.That(children.Select(c => (c.Name, c.Kind)), Is.EqualTo(new[] { ("Monthly", CatalogItemKind.Folder), ("Annual", CatalogItemKind.Report) }));
        Assert.That((await _db.Publisher.CreateFolderAsync(P("/sales"), null, Bob)).Error?.Code, Is.EqualTo("CAT9003"), "paths are compared without case");
    }

    [Test]
    public async Task A_plain_publish_never_replaces_an_existing_report_and_overwrite_adds_a_version()
    {
        var first = await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v1"), new() { Comment = "first" }, Alice);
        Assert.That(first.Value!.Version, Is.EqualTo(1));
        var plain = await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v2"), new(), Bob);
        Assert.That(plain.Error?.Kind, Is.EqualTo(CatalogErrorKind.Conflict));
        var second = await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v2"), new() { Overwrite = true, Comment = "second" }, Bob);
        Assert.That(second.Value!.Version, Is.EqualTo(2));

        var item = (await _db.Queries.GetAsync(P("/Revenue")))!;
        Assert.That(Encoding.UTF8.GetString((await _db.Queries.ContentAsync(item))!), Is.EqualTo("v2"));
        Assert.That(Encoding.UTF8.GetString((await _db.Queries.ContentAsync(item, 1))!), Is.EqualTo("v1"));
        var versions = await _db.Queries.VersionsAsync(item.Id);
        Assert.That(versions.Select(v => (v.Version, v.CreatedBy, v.Comment)), Is.EqualTo(new[] { (1, "alice", (string?)"first"), (2, "bob", (string?)"second") }));
        Assert.That(versions[0].ContentHash, Has.Length.EqualTo(64).And.Not.EqualTo(versions[1].ContentHash));
        Assert.That(item.ModifiedBy, Is.EqualTo("bob"));
    }

    [Test]
    public async Task A_stale_etag_is_refused_and_a_current_one_is_accepted()
    {
        var created = (await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v1"), new(), Alice)).Value!.Item;
        var byBob = await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("bob"), new() { IfMatchRowVersion = created.RowVersion }, Bob);
        Assert.That(byBob.Success);
        var byAlice = await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("alice"), new() { IfMatchRowVersion = created.RowVersion }, Alice);
        Assert.That(byAlice.Error?.Kind, Is.EqualTo(CatalogErrorKind.PreconditionFailed));
        Assert.That(byAlice.Error?.Message, Does.Contain("/Revenue"));
        var deleteStale = await _db.Tree().DeleteAsync(P("/Revenue"), created.RowVersion, Alice);
        Assert.That(deleteStale.Error?.Code, Is.EqualTo("CAT9004"));
        Assert.That(byBob.Value!.Item.ETag, Is.Not.EqualTo(created.ETag));
    }

    [Test]
    public async Task Twenty_concurrent_publishes_to_one_path_produce_twenty_versions()
    {
        await _db.Publisher.CreateFolderAsync(P("/Sales"), null, Alice);
        var publishes = Enumerable.Range(1, 20).Select(i => Task.Run(() => _db.Publisher.PublishAsync(
            P("/Sales/Revenue"), CatalogItemKind.Report, Rdl($"version from writer {i}"), new() { Overwrite = true, Comment = $"writer {i}" }, new CatalogActor($"user{i}"))));
        var results = await Task.WhenAll(publishes);
        Assert.That(results.Where(r => !r.Success).Select(r => r.Error!.Message), Is.Empty);
        Assert.That(results.Select(r => r.Value!.Version).Order(), Is.EqualTo(Enumerable.Range(1, 20)));
        var item = (await _db.Queries.GetAsync(P("/Sales/Revenue")))!;
        var versions = await _db.Queries.VersionsAsync(item.Id);
        Assert.That(versions, Has.Count.EqualTo(20));
        Assert.That(versions.Select(v => v.Comment).Order(), Is.EquivalentTo(Enumerable.Range(1, 20).Select(i => $"writer {i}")));
        Assert.That(item.CurrentVersion, Is.EqualTo(20));
    }

    [Test]
    public async Task Moving_a_folder_takes_its_subtree_along()
    {
        await _db.Publisher.CreateFolderAsync(P("/Sales"), null, Alice);
        await _db.Publisher.CreateFolderAsync(P("/Sales/Monthly"), null, Alice);
        await _db.Publisher.PublishAsync(P("/Sales/Monthly/Revenue"), CatalogItemKind.Report, Rdl("r"), new(), Alice);
        await _db.Publisher.CreateFolderAsync(P("/Archive"), null, Alice);

        Assert.That((await _db.Tree().MoveAsync(P("/Sales"), P("/Sales/Monthly/Inner"), null, Alice)).Error?.Code, Is.EqualTo("CAT9007"));
        Assert.That((await _db.Tree().MoveAsync(P("/Sales"), P("/Archive"), null, Alice)).Error?.Code, Is.EqualTo("CAT9003"));
        var moved = await _db.Tree().MoveAsync(P("/Sales"), P("/Archive/Sales 2025"), null, Bob);
        Assert.That(moved.Success, moved.Error?.Message);
        Assert.That(await _db.Queries.GetAsync(P("/Sales/Monthly/Revenue")), Is.Null);
        var report = await _db.Queries.GetAsync(P("/Archive/Sales 2025/Monthly/Revenue"));
        Assert.That(report?.Kind, Is.EqualTo(CatalogItemKind.Report));
        Assert.That((await _db.Queries.ChildrenAsync(P("/Archive/Sales 2025/Monthly"))).Select(c => c.Name), Is.EqualTo(new[] { "Revenue" }));

        var renamed = await _db.Tree().RenameAsync(P("/Archive/Sales 2025/Monthly/Revenue"), "Income", null, Bob);
        Assert.That(renamed.Value?.Path.Value, Is.EqualTo("/Archive/Sales 2025/Monthly/Income"));
        Assert.That((await _db.Tree().RenameAsync(renamed.Value!.Path, "bad/name", null, Bob)).Error?.Code, Is.EqualTo("CAT9001"));
    }

    [Test]
    public async Task A_deleted_folder_is_restored_with_its_subtree_until_it_is_purged()
    {
        await _db.Publisher.CreateFolderAsync(P("/Sales"), null, Alice);
        await _db.Publisher.PublishAsync(P("/Sales/Revenue"), CatalogItemKind.Report, Rdl("r"), new(), Alice);
        var folder = (await _db.Queries.GetAsync(P("/Sales")))!;
        Assert.That((await _db.Tree().DeleteAsync(P("/Sales"), null, Bob)).Success);
        Assert.That(await _db.Queries.GetAsync(P("/Sales/Revenue")), Is.Null);
        Assert.That((await _db.Queries.DeletedAsync()).Select(d => d.Path.Value), Is.EquivalentTo(new[] { "/Sales", "/Sales/Revenue" }));

        await _db.Publisher.CreateFolderAsync(P("/Sales"), null, Alice);
        Assert.That((await _db.Tree().RestoreAsync(folder.Id, Bob)).Error?.Code, Is.EqualTo("CAT9010"));
        await _db.Tree().DeleteAsync(P("/Sales"), null, Alice);
        var newer = (await _db.Queries.DeletedAsync()).First(d => d.Path.Value == "/Sales" && d.Id != folder.Id);
        Assert.That((await _db.Tree(new ShiftedTime(TimeSpan.FromDays(40))).PurgeAsync(TimeSpan.FromDays(30))), Is.EqualTo(3));
        Assert.That(await _db.Queries.GetByIdAsync(newer.Id), Is.Null);
        Assert.That((await _db.Tree().RestoreAsync(folder.Id, Bob)).Error?.Code, Is.EqualTo("CAT9002"));
    }

    [Test]
    public async Task Restore_brings_back_the_report_with_its_versions()
    {
        await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v1"), new(), Alice);
        await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v2"), new() { Overwrite = true }, Alice);
        var item = (await _db.Queries.GetAsync(P("/Revenue")))!;
        await _db.Tree().DeleteAsync(P("/Revenue"), null, Alice);
        Assert.That(await _db.Tree(new ShiftedTime(TimeSpan.FromDays(1))).PurgeAsync(TimeSpan.FromDays(30)), Is.Zero);
        var restored = await _db.Tree().RestoreAsync(item.Id, Bob);
        Assert.That(restored.Value?.CurrentVersion, Is.EqualTo(2));
        Assert.That(Encoding.UTF8.GetString((await _db.Queries.ContentAsync(restored.Value!, 1))!), Is.EqualTo("v1"));
    }

    [Test]
    public async Task Rollback_publishes_an_old_version_as_the_newest()
    {
        await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("good"), new(), Alice);
        await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("broken"), new() { Overwrite = true }, Bob);
        var rolled = await _db.Publisher.RollbackAsync(P("/Revenue"), 1, null, Alice);
        Assert.That(rolled.Value?.Version, Is.EqualTo(3));
        var item = (await _db.Queries.GetAsync(P("/Revenue")))!;
        Assert.That(Encoding.UTF8.GetString((await _db.Queries.ContentAsync(item))!), Is.EqualTo("good"));
        Assert.That((await _db.Queries.VersionsAsync(item.Id))[^1].Comment, Is.EqualTo("Rolled back to version 1"));
        Assert.That((await _db.Publisher.RollbackAsync(P("/Revenue"), 9, null, Alice)).Error?.Code, Is.EqualTo("CAT9009"));
    }

    [Test]
    public async Task Search_matches_names_and_descriptions_without_case_and_takes_wildcards_literally()
    {
        await _db.Publisher.CreateFolderAsync(P("/Sales"), "Regional sales", Alice);
        await _db.Publisher.PublishAsync(P("/Sales/Revenue_2025"), CatalogItemKind.Report, Rdl("r"), new() { Description = "Monthly REVENUE by region" }, Alice);
        await _db.Publisher.PublishAsync(P("/Sales/Revenue2025"), CatalogItemKind.Report, Rdl("r"), new(), Alice);
        await _db.Publisher.PublishAsync(P("/Logo.png"), CatalogItemKind.Resource, [1, 2, 3], new() { ContentType = "image/png" }, Alice);

        Assert.That((await _db.Queries.SearchAsync("revenue")).Select(i => i.Path.Value), Is.EquivalentTo(new[] { "/Sales/Revenue_2025", "/Sales/Revenue2025" }));
        Assert.That((await _db.Queries.SearchAsync("_2025")).Select(i => i.Path.Value), Is.EqualTo(new[] { "/Sales/Revenue_2025" }), "'_' is not a wildcard");
        Assert.That((await _db.Queries.SearchAsync("by region")).Select(i => i.Name), Is.EqualTo(new[] { "Revenue_2025" }));
        Assert.That((await _db.Queries.SearchAsync("", kind: CatalogItemKind.Resource)).Select(i => i.ContentType), Is.EqualTo(new[] { "image/png" }));
        await _db.Publisher.PublishAsync(P("/Sales/Expenses"), CatalogItemKind.Report, Rdl("r"), new(), Alice);
        Assert.That((await _db.Queries.SearchAsync("e", under: P("/Sales"), take: 1)).Select(i => i.Name), Is.EqualTo(new[] { "Expenses" }));
        Assert.That(await _db.Queries.SearchAsync("e", under: P("/Sales"), skip: 1, take: 10), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Read_only_items_refuse_changes_but_the_server_can_reseed_them()
    {
        await _db.Publisher.CreateFolderAsync(P("/Samples"), null, CatalogActor.System);
        var seeded = await _db.Publisher.PublishAsync(P("/Samples/Sales"), CatalogItemKind.Report, Rdl("sample"), new() { ReadOnly = true }, CatalogActor.System);
        Assert.That(seeded.Success);
        Assert.That((await _db.Publisher.PublishAsync(P("/Samples/Sales"), CatalogItemKind.Report, Rdl("mine"), new() { Overwrite = true }, Alice)).Error?.Code, Is.EqualTo("CAT9005"));
        Assert.That((await _db.Tree().DeleteAsync(P("/Samples/Sales"), null, Alice)).Error?.Code, Is.EqualTo("CAT9005"));
        Assert.That((await _db.Tree().MoveAsync(P("/Samples/Sales"), P("/Sales"), null, Alice)).Error?.Code, Is.EqualTo("CAT9005"));
        Assert.That((await _db.Tree().DeleteAsync(P("/Samples"), null, Alice)).Error?.Code, Is.EqualTo("CAT9005"), "a folder holding read-only items stays");

        var same = await _db.Publisher.PublishAsync(P("/Samples/Sales"), CatalogItemKind.Report, Rdl("sample"), new() { ReadOnly = true, BypassReadOnly = true, Overwrite = true }, CatalogActor.System);
        Assert.That(same.Value!.Unchanged, "the same content adds no version");
        var updated = await _db.Publisher.PublishAsync(P("/Samples/Sales"), CatalogItemKind.Report, Rdl("sample v2"), new() { ReadOnly = true, BypassReadOnly = true, Overwrite = true }, CatalogActor.System);
        Assert.That(updated.Value!.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Parameter_settings_survive_a_new_version_when_name_and_type_still_match()
    {
        await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v1"), new(), Alice);
        await _db.Parameters.SetAsync(P("/Revenue"), "Region", "String", """{"default":["West"]}""", Alice);
        await _db.Parameters.SetAsync(P("/Revenue"), "Year", "Integer", """{"default":[2025]}""", Alice);
        await _db.Parameters.SetAsync(P("/Revenue"), "Top", "Integer", """{"hidden":true}""", Alice);
        await _db.Publisher.PublishAsync(P("/Revenue"), CatalogItemKind.Report, Rdl("v2"), new() { Overwrite = true, Parameters = [("region", "String"), ("Year", "String")] }, Bob);
        var item = (await _db.Queries.GetAsync(P("/Revenue")))!;
        var kept = await _db.Parameters.GetAsync(item.Id);
        Assert.That(kept.Select(s => (s.Name, s.Settings)), Is.EqualTo(new[] { ("Region", """{"default":["West"]}""") }));
    }

    [Test]
    public async Task A_restarted_server_finds_everything_and_the_audit_log_holds_each_change()
    {
        await _db.Publisher.CreateFolderAsync(P("/Sales"), null, Alice);
        await _db.Publisher.PublishAsync(P("/Sales/Revenue"), CatalogItemKind.Report, Rdl("v1"), new(), Alice);
        await _db.Tree().RenameAsync(P("/Sales/Revenue"), "Income", null, Bob);
        await _db.Tree().DeleteAsync(P("/Sales/Income"), null, Bob);
        await _db.ReopenAsync();

        Assert.That((await _db.Queries.DeletedAsync()).Single().Path.Value, Is.EqualTo("/Sales/Income"));
        await using var connection = await _db.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, action, item_path, client_address FROM audit_log ORDER BY id";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
        Assert.That(rows, Is.EqualTo(new[]
        {
            "alice CreateFolder /Sales 127.0.0.1",
            "alice Publish /Sales/Revenue 127.0.0.1",
            "bob Move /Sales/Revenue 127.0.0.2",
            "bob Delete /Sales/Income 127.0.0.2",
        }));
    }
}
