using System.Net;
using UglyToad.PdfPig;

namespace Renderer.Host.Tests.EndToEnd;

/// <summary>samples/rdl/WasmTextUtil.rdl through HTTP, the real compiler and a sandbox process running samples/wasm/textutil.wasm.</summary>
[TestFixture]
public sealed class WasmSampleTests : ServerTest
{
    [Test]
    public async Task The_pdf_shows_the_results_of_the_webassembly_functions()
    {
        var response = await Client.GetAsync("/api/reports/WasmTextUtil/render?format=pdf");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(body));
        string text;
        using (var document = PdfDocument.Open(body)) text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.That(text, Does.Contain("Reversed: desserts"));
        Assert.That(text, Does.Contain("Upper: WASM IN REPORTS"));
        Assert.That(text, Does.Contain("Words: 5"));
        Assert.That(text, Does.Contain("GCD of 84 and 36: 12"));
        Assert.That(text, Does.Not.Contain("#Error"));
    }
}
