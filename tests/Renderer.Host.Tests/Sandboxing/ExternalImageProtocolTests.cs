using Renderer.Sandbox;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Tests.Sandboxing;

/// <summary>
/// The external images of a render request (protocol 7): they round-trip with their folder beside subreports and modules,
/// and the sandbox's side refuses a request beyond the bounds (64 images, 16 MiB), a path that is not absolute and
/// resolved, and a path given twice.
/// </summary>
public sealed class ExternalImageProtocolTests
{
    private static RenderInput Input() => new("Letter", "Letter.rdl", "<Report/>"u8.ToArray(), [1], "pdf",
        new Dictionary<string, object?[]>(), new DateTime(2026, 1, 1), "ann");

    [Test]
    public async Task External_images_and_their_folder_round_trip()
    {
        var input = Input() with
        {
            ImageFolder = "/Sales/Logos",
            ExternalImages = [new ExternalImage("/Sales/Logos/logo.png", [1, 2, 3]), new ExternalImage("/Shared/wide.png", [4])],
        };

        var decoded = ((RenderRequestMessage)await RoundTripAsync(new RenderRequestMessage(input))).Input;

        Assert.That(decoded.ImageFolder, Is.EqualTo("/Sales/Logos"));
        Assert.That(decoded.ExternalImages.Select(i => i.Path), Is.EqualTo(new[] { "/Sales/Logos/logo.png", "/Shared/wide.png" }));
        Assert.That(decoded.ExternalImages[0].Bytes, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(decoded.Subreports, Is.Empty);
        Assert.That(decoded.WasmModules, Is.Empty);
    }

    [Test]
    public async Task A_request_without_images_has_none_and_the_root_folder()
    {
        var decoded = ((RenderRequestMessage)await RoundTripAsync(new RenderRequestMessage(Input()))).Input;

        Assert.That(decoded.ExternalImages, Is.Empty);
        Assert.That(decoded.ImageFolder, Is.EqualTo("/"));
    }

    [Test]
    public void More_than_64_images_are_a_protocol_error()
    {
        var input = Input() with { ExternalImages = [.. Enumerable.Range(0, 65).Select(i => new ExternalImage($"/i{i}.png", [1]))] };

        var error = Assert.ThrowsAsync<ProtocolException>(() => RoundTripAsync(new RenderRequestMessage(input)));
        Assert.That(error!.Message, Does.Contain("65 external images are more than the 64 allowed"));
    }

    [Test]
    public void More_than_16_MiB_of_images_is_a_protocol_error()
    {
        var nine = new byte[9 * 1024 * 1024];
        var input = Input() with { ExternalImages = [new ExternalImage("/a.png", nine), new ExternalImage("/b.png", nine)] };

        var error = Assert.ThrowsAsync<ProtocolException>(() => RoundTripAsync(new RenderRequestMessage(input)));
        Assert.That(error!.Message, Does.Contain("16,777,216 bytes"));
    }

    [TestCase("../etc/passwd")]
    [TestCase("logo.png")]
    [TestCase("/a/../b.png")]
    [TestCase("http://example.com/a.png")]
    public void A_path_that_is_not_absolute_and_resolved_is_a_protocol_error(string path)
    {
        var input = Input() with { ExternalImages = [new ExternalImage(path, [1])] };

        Assert.ThrowsAsync<ProtocolException>(() => RoundTripAsync(new RenderRequestMessage(input)));
    }

    [Test]
    public void A_path_given_twice_is_a_protocol_error()
    {
        var input = Input() with { ExternalImages = [new ExternalImage("/a.png", [1]), new ExternalImage("/A.png", [2])] };

        Assert.ThrowsAsync<ProtocolException>(() => RoundTripAsync(new RenderRequestMessage(input)));
    }

    [TestCase("/Sales/Logos", "logo.png", "/Sales/Logos/logo.png")]
    [TestCase("/Sales/Logos", "../Shared/wide.png", "/Sales/Shared/wide.png")]
    [TestCase("/Sales/Logos", "./img/../logo.png", "/Sales/Logos/logo.png")]
    [TestCase("/Sales/Logos", "/Shared/logo.png", "/Shared/logo.png")]
    [TestCase("/", "logo.png", "/logo.png")]
    public void Catalog_paths_resolve_from_the_report_folder(string folder, string value, string expected)
    {
        Assert.That(ExternalImagePath.Resolve(folder, value, out var refusal), Is.EqualTo(expected));
        Assert.That(refusal, Is.Null);
    }

    [TestCase("/Sales/Logos", "../../../etc/passwd", "leaves the root")]
    [TestCase("/", "../x.png", "leaves the root")]
    [TestCase("/", "http://127.0.0.1/logo.png", "URL")]
    [TestCase("/", "HTTPS://example.com/logo.png", "URL")]
    [TestCase("/", "file:///etc/passwd", "URL")]
    [TestCase("/", "C:/logo.png", "URL")]
    [TestCase("/", "..\\..\\secrets\\x.png", "not a catalog path")]
    public void Urls_and_paths_that_leave_the_root_are_refused(string folder, string value, string reason)
    {
        Assert.That(ExternalImagePath.Resolve(folder, value, out var refusal), Is.Null);
        Assert.That(refusal, Does.Contain(reason));
    }

    private static async Task<SandboxMessage> RoundTripAsync(SandboxMessage message)
    {
        var stream = new MemoryStream();
        await new FrameWriter(stream).WriteAsync(message, CancellationToken.None);
        stream.Position = 0;
        var decoded = await new FrameReader(stream).ReadAsync(CancellationToken.None);
        Assert.That(decoded, Is.Not.Null);
        return decoded!;
    }
}
