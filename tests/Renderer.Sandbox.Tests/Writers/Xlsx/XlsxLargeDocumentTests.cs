using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

public class XlsxLargeDocumentTests
{
    [Test]
    public void Hundred_thousand_rows_are_all_written()
    {
        const int rowCount = 100_000;
        var document = XlsxTestDocuments.LargeTable(rowCount);
        var bytes = OfficeOutput.XlsxMeasured(document, out var diagnostics, out var allocated, out var elapsed);

        TestContext.Out.WriteLine(
            $"XLSX {rowCount:N0} rows x 6 columns ({document.Pages.Length:N0} pages): {elapsed.TotalMilliseconds:N0} ms, " +
            $"{bytes.Length / 1024.0 / 1024.0:N1} MiB file, {allocated / 1024.0 / 1024.0:N0} MiB allocated while writing, " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB (includes the page model).");

        Assert.That(diagnostics, Is.Empty);
        using var output = new MemoryStream(bytes);
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
