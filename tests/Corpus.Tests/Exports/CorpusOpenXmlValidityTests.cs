using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Corpus.Tests.Exports;

/// <summary>
/// Every corpus report that renders is also exported to XLSX and DOCX, and each package must pass
/// DocumentFormat.OpenXml's validator with zero errors (what Excel and Word would otherwise "repair").
/// </summary>
[NonParallelizable]
public sealed class CorpusOpenXmlValidityTests
{
    private readonly List<string> _problems = [];
    private int _xlsx;
    private int _docx;

    [OneTimeSetUp]
    public async Task ExportEveryCorpusReport()
    {
        if (CorpusLocation.CorpusDirectory() is not { } corpus)
        {
            Assert.Ignore("The RDL corpus (../shared/rdl-corpus next to the repository) is not present.");
            return;
        }
        foreach (var entry in CorpusLocation.Entries(corpus))
        {
            foreach (var format in new[] { "xlsx", "docx" })
            {
                CorpusExportResult result;
                try
                {
                    result = await CorpusExport.RenderAsync(entry.RelativePath, format);
                }
                catch (AssertionException)
                {
                    continue; // does not parse or compile: counted by CorpusTests
                }
                if (result.Errors.Count > 0 || result.Output.Content.Length == 0) continue; // render failures are counted by CorpusTests
                if (format == "xlsx") _xlsx++;
                else _docx++;
                foreach (var error in Validate(result.Output.Content, format).Take(3))
                    _problems.Add($"{entry.RelativePath} ({format}): {error}");
            }
        }
    }

    [Test]
    public void At_least_45_corpus_reports_export_to_each_of_xlsx_and_docx()
    {
        Assert.That(_xlsx, Is.GreaterThanOrEqualTo(45));
        Assert.That(_docx, Is.GreaterThanOrEqualTo(45));
    }

    [Test]
    public void Every_exported_package_passes_the_open_xml_validator()
    {
        Assert.That(_problems, Is.Empty);
    }

    private static IEnumerable<string> Validate(byte[] content, string format)
    {
        using var stream = new MemoryStream(content);
        using OpenXmlPackage package = format == "xlsx" ? SpreadsheetDocument.Open(stream, false) : WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }
}
