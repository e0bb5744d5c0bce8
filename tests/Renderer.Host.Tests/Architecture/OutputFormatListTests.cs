using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Renderer.Contracts.Formats;
using Renderer.Host.Tests.Catalog;
using Renderer.Sandbox.Writers;

namespace Renderer.Host.Tests.Architecture;

/// <summary>
/// One list of output formats (<see cref="OutputFormats"/>): the engine's writers, the API's validation, answers and
/// OpenAPI description, and the CLI all read it, and no source names a format's MIME type or name anywhere else, so
/// adding a format is one entry in the list plus its writer.
/// </summary>
[NonParallelizable]
public sealed partial class OutputFormatListTests
{
    private CatalogServerSession _session = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start() => _client = (_session = new CatalogServerSession("formats")).Client;

    [OneTimeTearDown]
    public void Stop() => _session.Dispose();

    [Test]
    public void The_engine_has_a_writer_for_each_listed_format_and_no_other()
    {
        Assert.That(WriterRegistry.Formats, Is.EquivalentTo(OutputFormats.Names));
        Assert.That(OutputFormats.All.Select(f => f.Name), Is.Unique);
        Assert.That(OutputFormats.All.Select(f => f.Extension), Is.EqualTo(OutputFormats.Names.Select(n => "." + n)));
    }

    [Test]
    public async Task Each_listed_format_renders_with_its_MIME_type_and_file_extension()
    {
        var id = JsonDocument.Parse(await _client.GetStringAsync("/api/v2.0/CatalogItems/ByPath?path=/Samples/SalesMatrix")).RootElement.GetProperty("id").GetString();
        foreach (var format in OutputFormats.All)
        {
            var response = await _client.GetAsync($"/api/v2.0/Reports({id})/Render?format={format.Name.ToUpperInvariant()}");
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), format.Name);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(format.MimeType), format.Name);
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("SalesMatrix" + format.Extension));
            Assert.That(body, Is.Not.Empty, format.Name);
        }
    }

    [Test]
    public async Task An_unlisted_format_is_refused_naming_the_listed_ones()
    {
        var response = await _client.GetAsync("/api/reports/SalesMatrix/render?format=odt");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("PRM8004").And.Contain($"use one of: {string.Join(", ", OutputFormats.Names)}."));
    }

    [Test]
    public async Task The_OpenAPI_description_lists_the_formats_of_both_render_operations()
    {
        var paths = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/reports/{name}/render", "/api/v2.0/Reports({id})/Render" })
        {
            var format = paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "format");
            Assert.That(format.GetProperty("in").GetString(), Is.EqualTo("query"));
            Assert.That(format.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(OutputFormats.Names), path);
            Assert.That(format.GetProperty("schema").GetProperty("default").GetString(), Is.EqualTo(OutputFormats.Default.Name), path);
        }
    }

    // Not after name= (a doc comment's paramref); "csv" and ".csv" are also a data provider and its files.
    [GeneratedRegex("(?<!name=)\"(?:pdf|xlsx|docx|\\.pdf|\\.xlsx|\\.docx|excelopenxml|wordopenxml)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormatNameLiteral();

    [Test]
    public void No_source_but_the_list_names_a_format_or_its_MIME_type()
    {
        var root = RepositoryRoot();
        var list = Path.Combine(root, "src", "Renderer.Contracts", "Formats", "OutputFormats.cs");
        var mimeTypes = OutputFormats.All.Select(f => "\"" + f.MimeType + "\"").ToList();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file == list || file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            found.AddRange(mimeTypes.Where(m => text.Contains(m, StringComparison.Ordinal)).Select(m => $"{Path.GetRelativePath(root, file)}: {m}"));
            found.AddRange(FormatNameLiteral().Matches(text).Select(m => $"{Path.GetRelativePath(root, file)}: {m.Value}"));
        }

        Assert.That(found, Is.Empty, "read the format from OutputFormats instead");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Renderer.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Renderer.sln not found above the test folder.");
    }
}
