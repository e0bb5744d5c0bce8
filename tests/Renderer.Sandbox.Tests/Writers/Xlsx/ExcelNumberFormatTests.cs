using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Writers.Xlsx;

public class ExcelNumberFormatTests
{
    [TestCase("N0", "#,##0")]
    [TestCase("N", "#,##0.00")]
    [TestCase("N2", "#,##0.00")]
    [TestCase("n4", "#,##0.0000")]
    [TestCase("C", "[$$-409]#,##0.00")]
    [TestCase("C2", "[$$-409]#,##0.00")]
    [TestCase("C0", "[$$-409]#,##0")]
    [TestCase("P0", "0%")]
    [TestCase("P1", "0.0%")]
    [TestCase("P2", "0.00%")]
    [TestCase("F2", "0.00")]
    [TestCase("F0", "0")]
    [TestCase("D5", "00000")]
    [TestCase("E2", "0.00E+000")]
    [TestCase("#,0.00", "#,0.00")]
    [TestCase("0.0%", "0.0%")]
    [TestCase("#,##0;(#,##0);-", "#,##0;(#,##0);-")]
    [TestCase("0.00 'kg'", "0.00 \"kg\"")]
    [TestCase("0.0E+00", "0.0E+00")]
    [TestCase("0 EUR", "0 \\E\\U\\R")]
    public void Numeric_formats(string format, string expected)
    {
        Assert.That(ExcelNumberFormat.FromDotNet(format, ExcelValueKind.Number), Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("G")]
    [TestCase("X")]
    public void General_numeric_formats_have_no_code(string? format)
    {
        Assert.That(ExcelNumberFormat.FromDotNet(format, ExcelValueKind.Number), Is.Null);
    }

    [TestCase(null, "yyyy-mm-dd")]
    [TestCase("d", "m/d/yyyy")]
    [TestCase("D", "dddd, mmmm d, yyyy")]
    [TestCase("yyyy-MM-dd", "yyyy-mm-dd")]
    [TestCase("dd.MM.yyyy", "dd.mm.yyyy")]
    [TestCase("MM/dd/yyyy HH:mm", "mm/dd/yyyy hh:mm")]
    [TestCase("yyyy-MM-dd HH:mm:ss", "yyyy-mm-dd hh:mm:ss")]
    [TestCase("h:mm tt", "h:mm AM/PM")]
    [TestCase("MMM d, yy", "mmm d, yy")]
    [TestCase("dddd d MMMM", "dddd d mmmm")]
    [TestCase("HH:mm:ss.fff", "hh:mm:ss.000")]
    [TestCase("yyyy-MM-ddTHH:mm", "yyyy-mm-dd\\Thh:mm")]
    [TestCase("'Week of' d MMM", "\"Week of\" d mmm")]
    [TestCase("yyyy-MM-dd zzz", "yyyy-mm-dd")]
    [TestCase("s", "yyyy-mm-dd\"T\"hh:mm:ss")]
    public void Date_formats(string? format, string expected)
    {
        Assert.That(ExcelNumberFormat.FromDotNet(format, ExcelValueKind.DateTime), Is.EqualTo(expected));
    }

    [Test]
    public void Durations_use_elapsed_hours_and_text_has_no_format()
    {
        Assert.That(ExcelNumberFormat.FromDotNet("c", ExcelValueKind.Duration), Is.EqualTo("[h]:mm:ss"));
        Assert.That(ExcelNumberFormat.FromDotNet("N2", ExcelValueKind.Text), Is.Null);
        Assert.That(ExcelNumberFormat.FromDotNet("N2", ExcelValueKind.Boolean), Is.Null);
    }

    [TestCase("#,##0.00", 4u)]
    [TestCase("0%", 9u)]
    [TestCase("0", 1u)]
    public void Built_in_codes_are_recognised(string code, uint id)
    {
        Assert.That(ExcelNumberFormat.TryGetBuiltInId(code, out var actual), Is.True);
        Assert.That(actual, Is.EqualTo(id));
        Assert.That(ExcelNumberFormat.GetBuiltInCode(id), Is.EqualTo(code));
    }

    [Test]
    public void Custom_codes_are_not_built_in()
    {
        Assert.That(ExcelNumberFormat.TryGetBuiltInId("yyyy-mm-dd", out _), Is.False);
    }
}
