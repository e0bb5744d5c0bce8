namespace Rdl.Model.Tests.Reading;
public sealed class TmpDtd
{
    [Test]
    public void Show()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Report/>";
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
        try { using var r = System.Xml.XmlReader.Create(new StringReader(xml), settings); while (r.Read()) { } }
        catch (System.Xml.XmlException ex) { TestContext.Out.WriteLine($"{ex.LineNumber},{ex.LinePosition}: {ex.Message}"); }
        foreach (var d in TestRdl.Read(xml).Diagnostics) TestContext.Out.WriteLine(d.ToString());
    }
}
