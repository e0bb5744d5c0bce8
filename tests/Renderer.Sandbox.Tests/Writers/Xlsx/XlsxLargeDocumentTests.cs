using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

public class XlsxLargeDocumentTests
{
    [Test]
    public void Hundred_thousand_rows_are_all_written()
    {
        const int rowCount = 100_000;
        var document = XlsxTestDocuments.LargeTable(rowCount);
        using var output = new MemoryStream();
        var writer = new XlsxDocumentWriter();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = writer.WriteWithDiagnostics(document, output);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        TestContext.Out.WriteLine(
            $"XLSX {rowCount:N0} rows x 6 columns ({document.Pages.Length:N0} pages): {stopwatch.ElapsedMilliseconds:N0} ms, " +
            $"{output.Length / 1024.0 / 1024.0:N1} MiB file, {allocated / 1024.0 / 1024.0:N0} MiB allocated while writing, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB (includes the page model).");

        Assert.That(diagnostics, Is.Empty);
        OfficeOutput.Validated(output.ToArray());
        output.Position = 0;
        using var book = SpreadsheetDocument.Open(output, false);
        var part = book.WorkbookPart!.WorksheetParts.Single();
        var rows = 0;
        var numericCells = 0;
        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    rows++;
                }
                else if (reader.ElementType == typeof(Cell) && reader.IsStartElement
                    && !reader.Attributes.Any(a => a.LocalName == "t"))
                {
                    numericCells++;
                }
            }
        }

        Assert.That(rows, Is.EqualTo(rowCount + 1), "one header row plus every data row");
        Assert.That(numericCells, Is.EqualTo(rowCount * 4), "amount, units, date and share are numbers");
    }
}
