using System.Text;
using Rdl.Model.Reading;

namespace Rdl.Model.Tests.Reading;

/// <summary>A file cut short is refused with a position, even when the XML parser gives none (issue 20 fuzzing).</summary>
public sealed class TruncatedDocumentTests
{
    [TestCase(38)]
    [TestCase(0)]
    [TestCase(200)]
    public void A_truncated_report_is_RDL1001_with_a_line(int length)
    {
        var bytes = Encoding.UTF8.GetBytes(TestRdl.Minimal2016(string.Empty));

        var result = RdlReader.Read(bytes[..length], "Cut.rdl");

        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(RdlDiagnosticCodes.NotWellFormed));
        Assert.That(error.Location.File, Is.EqualTo("Cut.rdl"));
        Assert.That(error.Location.Line, Is.GreaterThan(0));
    }
}
