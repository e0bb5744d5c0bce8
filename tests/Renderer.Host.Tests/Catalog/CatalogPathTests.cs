using Renderer.Host.Catalog.Items;

namespace Renderer.Host.Tests.Catalog;

public sealed class CatalogPathTests
{
    [TestCase("/Sales/Monthly/Revenue", "Revenue", "/Sales/Monthly")]
    [TestCase("/Sales/", "Sales", "/")]
    [TestCase("/", "", "/")]
    public void Paths_parse_into_name_and_parent(string text, string name, string parent)
    {
        var path = CatalogPath.Parse(text);
        Assert.That((path.Name, path.Parent.Value), Is.EqualTo((name, parent)));
    }

    [TestCase("Sales", "must start with '/'")]
    [TestCase("/Sales//Revenue", "empty")]
    [TestCase("/Sales/../Secrets", "'..' is not an item name")]
    [TestCase("/Sales/Re:venue", "characters")]
    [TestCase("/ Sales", "space")]
    public void Bad_paths_are_refused_with_the_reason(string text, string reason)
    {
        Assert.That(CatalogPath.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void Below_compares_whole_names_without_case()
    {
        Assert.That(CatalogPath.Parse("/Sales/Monthly").IsBelow(CatalogPath.Parse("/sales")), Is.True);
        Assert.That(CatalogPath.Parse("/SalesArchive").IsBelow(CatalogPath.Parse("/Sales")), Is.False);
        Assert.That(CatalogPath.Parse("/Sales").IsBelow(CatalogPath.Root), Is.True);
    }
}
