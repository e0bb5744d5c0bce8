using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Host.Catalog;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>Reports as the render service takes them, for tests that call it (or the sandbox) directly.</summary>
internal static class ReportEntries
{
    /// <summary>Reads and compiles <paramref name="rdl"/> as report <paramref name="name"/> without storing it (as the command line does with a file).</summary>
    public static CatalogEntry Read(IServiceProvider services, string name, string rdl)
    {
        var result = services.GetRequiredService<CatalogReports>().ValidateAsync(Encoding.UTF8.GetBytes(rdl), name + ".rdl").GetAwaiter().GetResult();
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        return result.Entry!;
    }

    /// <summary>The current version of the report that <c>/api/reports/{name}</c> serves, read and compiled.</summary>
    public static async Task<CatalogEntry> LoadAsync(IServiceProvider services, string name)
    {
        var item = await services.GetRequiredService<LegacyReports>().FindAsync(name);
        Assert.That(item, Is.Not.Null, $"no report named '{name}'");
        var loaded = await services.GetRequiredService<CatalogReports>().LoadAsync(item!);
        Assert.That(loaded?.Success, Is.True, () => string.Join("\n", loaded?.Diagnostics ?? []));
        return loaded!.Entry!;
    }
}
