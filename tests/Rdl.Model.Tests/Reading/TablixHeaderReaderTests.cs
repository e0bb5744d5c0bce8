using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>TablixHeader, TablixCorner and RepeatColumnHeaders of a matrix (samples/rdl/SalesMatrix.rdl).</summary>
public sealed class TablixHeaderReaderTests
{
    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "rdl", "SalesMatrix.rdl");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("samples/rdl/SalesMatrix.rdl");
    }

    [Test]
    public void Matrix_headers_and_corner_are_read_with_sizes_and_contents()
    {
        var result = RdlReader.Read(File.ReadAllBytes(SamplePath()), "SalesMatrix.rdl");
        Assert.That(result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info), Is.Empty);
        var tablix = result.Report!.Sections[0].Body.Items.OfType<TablixDefinition>().Single();
        Assert.That(tablix.RepeatColumnHeaders, Is.True);
        Assert.That(tablix.CornerRows, Has.Length.EqualTo(1));
        Assert.That(tablix.CornerRows[0][0].Contents?.Name, Is.EqualTo("CornerRegion"));
        var region = tablix.RowHierarchy[0];
        Assert.That(region.Header!.Size.Points, Is.EqualTo(3 / 2.54 * 72).Within(0.01));
        Assert.That(region.Header.Cell.Contents, Is.TypeOf<Textbox>().With.Property("Name").EqualTo("RegionHeader"));
        Assert.That(tablix.ColumnHierarchy.Select(m => m.Header?.Cell.Contents?.Name), Is.EqualTo(new[] { "YearHeader", "AllYearsHeader" }));

        var expressions = ExpressionCollector.Collect(result.Report).Select(e => e.Raw).ToList();
        Assert.That(expressions, Does.Contain("=Fields!Region.Value").And.Contain("=Fields!Year.Value"), "header expressions are compiled");
    }
}
