using System.Text.RegularExpressions;
using Rdl.Model.Reading;
using static DataBroker.Tests.TestReports;

namespace DataBroker.Tests;

/// <summary>The corpus reports that carry their data (fyiReporting &lt;Rows&gt;, Report Builder ENTERDATA) are served by the broker with no registered source.</summary>
public class CorpusInlineDataTests
{
    private static string? CorpusFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "rdl-corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    [TestCase("fyireporting/MatrixExample.rdl", "Data", "Region")]
    [TestCase("fyireporting/ChartTypes.rdl", "Data", "Sales")]
    [TestCase("fyireporting/EmployeeOrg.rdl", "EmployeesAndManagers", "EmployeeName")]
    [TestCase("fyireporting/testdata.rdl", "Data", "decimalvalue")]
    [TestCase("ms-rdlmigration/ReportWithAuthoringMetadata.rdl", "DataSet1", "Category_Sort")]
    public async Task Embedded_rows_are_read_in_full(string file, string dataSet, string column)
    {
        var folder = CorpusFolder();
        if (folder is null) Assert.Ignore("the shared RDL corpus is not available");
        var path = Path.Combine(folder!, file);
        var bytes = File.ReadAllBytes(path);
        var read = RdlReader.Read(bytes, Path.GetFileName(path));
        Assert.That(read.Report, Is.Not.Null);
        var text = File.ReadAllText(path);
        var inRows = text.IndexOf("<CommandText>", StringComparison.Ordinal) is var at && at >= 0 && text.Contains("XmlData")
            ? Regex.Matches(text[at..text.IndexOf("</CommandText>", at, StringComparison.Ordinal)], "&lt;Row&gt;").Count
            : Regex.Matches(text, @"<Row>").Count;

        using var broker = new TestBroker(new Dictionary<string, string?>());
        await using var result = await broker.Runner.ExecuteAsync(read.Report!, dataSet, Values(), CancellationToken.None);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Diagnostics));
        Assert.That(result.Columns, Does.Contain(column));
        Assert.That(await result.ReadAllAsync(), Has.Count.EqualTo(inRows).And.Count.GreaterThan(0));
    }
}
