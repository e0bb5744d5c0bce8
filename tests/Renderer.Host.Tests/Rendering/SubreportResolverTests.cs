using System.Text;
using Rdl.Model.Reading;
using Renderer.Host.Rendering;
using Renderer.Host.Tests.EndToEnd;

namespace Renderer.Host.Tests.Rendering;

/// <summary>Finding a report's subreports transitively: found, missing, recursive and too deep, each pointing at the Subreport element.</summary>
public sealed class SubreportResolverTests
{
    private static ResolvedSubreport Report(string name, string rdl)
    {
        var bytes = Encoding.UTF8.GetBytes(rdl);
        var read = RdlReader.Read(bytes, name + ".rdl");
        Assert.That(read.Success, Is.True, string.Join("\n", read.Diagnostics));
        return new ResolvedSubreport(name, name + ".rdl", bytes, read.Report!);
    }

    private static SubreportResolution Resolve(string root, params ResolvedSubreport[] catalog)
    {
        var all = catalog.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        return SubreportResolver.Resolve(root, all[root].Definition, name => all.GetValueOrDefault(name));
    }

    [Test]
    public void Subreports_are_found_transitively_each_once_by_their_last_path_segment()
    {
        var result = Resolve("A",
            Report("A", SubreportRdl.Calling("/Reports/B")),
            Report("B", SubreportRdl.Calling("C.rdl")),
            Report("C", TestReports.WithExpression("=1")));

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(result.Subreports.Select(s => s.Name), Is.EquivalentTo(new[] { "B", "C" }));
    }

    [Test]
    public void A_missing_subreport_is_a_warning_at_the_subreport_element()
    {
        var rdl = SubreportRdl.Calling("Nowhere");
        var result = Resolve("A", Report("A", rdl));

        Assert.That(result.Success, Is.True);
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo(SubreportResolver.NotFound));
        Assert.That(warning.Message, Does.Contain("Subreport 'Inner' of report 'A'").And.Contain("'Nowhere'").And.Contain("not in the catalog"));
        Assert.That(warning.Location.File, Is.EqualTo("A.rdl"));
        Assert.That(warning.Location.Line, Is.EqualTo(LineOf(rdl, "<Subreport")));
    }

    [Test]
    public void A_cycle_is_an_error_naming_the_chain()
    {
        var result = Resolve("A",
            Report("A", SubreportRdl.Calling("B")),
            Report("B", SubreportRdl.Calling("A")));

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(SubreportResolver.Recursive));
        Assert.That(error.Message, Does.Contain("Subreport 'Inner' of report 'B'").And.Contain("A -> B -> A"));
        Assert.That(error.Location.File, Is.EqualTo("B.rdl"));
    }

    [Test]
    public void Nesting_deeper_than_eight_levels_is_an_error()
    {
        var chain = Enumerable.Range(0, 10).Select(i => Report("R" + i, i < 9 ? SubreportRdl.Calling("R" + (i + 1)) : TestReports.WithExpression("=1"))).ToArray();
        var result = Resolve("R0", chain);

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(SubreportResolver.TooDeep));
        Assert.That(error.Message, Does.Contain("at most 8 levels").And.Contain("R0 -> R1"));
        Assert.That(error.Location.File, Is.EqualTo("R8.rdl"));

        var eight = Resolve("R1", chain.Skip(1).ToArray());
        Assert.That(eight.Success, Is.True, "eight levels are allowed");
    }

    private static int LineOf(string text, string marker) => text[..text.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
