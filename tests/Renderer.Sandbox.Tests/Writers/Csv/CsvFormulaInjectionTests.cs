using System.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Csv;
using static Renderer.Sandbox.Tests.Writers.Xlsx.XlsxTestDocuments;

namespace Renderer.Sandbox.Tests.Writers.Csv;

/// <summary>CSV injection (OWASP): text a spreadsheet would run as a formula is neutralised; numbers keep their sign.</summary>
public class CsvFormulaInjectionTests
{
    private static readonly (string Name, object Value)[] Cells =
    [
        ("Cmd", "=cmd|' /C calc'!A0"),
        ("Plus", "+1+1"),
        ("Minus", "-2+3"),
        ("At", "@SUM(A1)"),
        ("Tab", "\t=1"),
        ("Cr", "\r=1"),
        ("Negative", -5m),
        ("NegativeDouble", -0.25),
        ("Plain", "a=b"),
    ];

    private static string Write(CsvOptions? options)
    {
        var items = Cells.Select((c, i) => (PageItem)(Text(c.Value.ToString()!, Left + (i * 50), 40, 50, 20, value: c.Value) with
        {
            Name = c.Name,
            Cell = new LogicalCell("T", 0, i),
        })).ToList();
        using var output = new MemoryStream();
        new CsvDocumentWriter(options).Write(new PaginatedDocument("R", [new Page(1, PageWidth, PageHeight, [.. items])]), output);
        return Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF');
    }

    [Test]
    public void Text_starting_like_a_formula_gets_a_leading_apostrophe_and_numbers_stay_numbers()
    {
        var lines = Write(options: null).Split("\r\n");

        Assert.That(lines[0], Is.EqualTo("Cmd,Plus,Minus,At,Tab,Cr,Negative,NegativeDouble,Plain"));
        Assert.That(lines[1], Is.EqualTo("'=cmd|' /C calc'!A0,'+1+1,'-2+3,'@SUM(A1),'\t=1,\"'\r=1\",-5,-0.25,a=b"));
    }

    [Test]
    public void With_protection_off_text_is_written_as_the_data_holds_it()
    {
        var lines = Write(new CsvOptions { ProtectFormulas = false }).Split("\r\n");

        Assert.That(lines[1], Is.EqualTo("=cmd|' /C calc'!A0,+1+1,-2+3,@SUM(A1),\t=1,\"\r=1\",-5,-0.25,a=b"));
    }
}
