using System.Globalization;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;
using Renderer.Sandbox.Processing;
using Renderer.Sandbox.Processing.Instances;
using Renderer.Sandbox.Runtime;
using SkiaSharp;

namespace Renderer.Sandbox.Tests.Processing;

/// <summary>Image items: embedded by name, database bytes from a field, external URLs and root-escaping paths refused (PRC4020), external paths the host did not pass PRC4024, failing values PRC4001.</summary>
public sealed class ImageProcessingTests
{
    private static readonly SourceLocation At = new("test.rdl", 1, 1);
    private static readonly byte[] Png = Encode(SKEncodedImageFormat.Png);
    private static readonly byte[] Jpeg = Encode(SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(4, 3);
        bitmap.Erase(SKColors.Green);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static ImageItem Image(string name, ImageSource source, ExpressionText value) =>
        new(name, default, StyleDefinition.Empty, At, source, value) { Sizing = ImageSizing.Fit };

    private static ExpressionText Constant(string text) => new(text, At, "Image.Value");

    private static (ItemEvaluator Items, DiagnosticBag Diagnostics) Evaluator(FakeEvaluator fake)
    {
        var report = new ReportDefinition("R", [], [], [], [])
        {
            EmbeddedImages = [new EmbeddedImage("Logo", "image/png", Png)],
        };
        var context = new ProcessingContext(fake, new Dictionary<string, ReportParameter>(), new Dictionary<string, object?>(), "me", _ => null);
        context.AttachReport(report);
        var diagnostics = new DiagnosticBag();
        return (new ItemEvaluator(context, diagnostics, CultureInfo.InvariantCulture, _ => throw new NotSupportedException()), diagnostics);
    }

    [Test]
    public void EmbeddedImageGetsTheBytesOfTheNamedEntry()
    {
        var fake = new FakeEvaluator();
        var (items, diagnostics) = Evaluator(fake);

        var byConstant = (ImageInstance)items.Evaluate(Image("A", ImageSource.Embedded, Constant("Logo")))!;
        var byExpression = (ImageInstance)items.Evaluate(Image("B", ImageSource.Embedded, fake.Expr("=\"lo\" & \"go\"", _ => "logo")))!;

        Assert.That(byConstant.Data, Is.EqualTo(Png));
        Assert.That(byExpression.Data, Is.EqualTo(Png));
        Assert.That(diagnostics.ToImmutable(), Is.Empty);
    }

    [Test]
    public void MissingEmbeddedImageIsWarningPrc4021AndDrawsNothing()
    {
        var (items, diagnostics) = Evaluator(new FakeEvaluator());

        var image = (ImageInstance)items.Evaluate(Image("A", ImageSource.Embedded, Constant("Nope")))!;

        Assert.That(image.Data, Is.Null);
        Assert.That(diagnostics.ToImmutable().Single().Code, Is.EqualTo("PRC4021"));
        Assert.That(diagnostics.ToImmutable().Single().Message, Does.Contain("'Nope'"));
    }

    [Test]
    public void DatabaseImageTakesTheBytesOfEachRow()
    {
        var kit = new TablixKit(["Id", "Photo"], [[1, Png], [2, Jpeg], [3, null]]);
        var photo = Image("Photo", ImageSource.Database, kit.Field("Photo"));
        var tablix = TablixKit.Tablix(1, [TablixKit.Row(photo)],
            [kit.Dynamic(new GroupDefinition("Details", [], TablixKit.At))], [TablixKit.Static()]);

        var instance = kit.Process(tablix);

        var data = instance.Rows.Select(r => ((ImageInstance)r.Cells[0]!.Value.Content).Data).ToArray();
        Assert.That(data, Is.EqualTo(new[] { Png, Jpeg, null }));
        Assert.That(kit.Diagnostics.ToImmutable(), Is.Empty);
    }

    [Test]
    public void DatabaseValueThatIsNotBytesIsWarningPrc4022()
    {
        var fake = new FakeEvaluator();
        var (items, diagnostics) = Evaluator(fake);

        var image = (ImageInstance)items.Evaluate(Image("A", ImageSource.Database, fake.Expr("=\"text\"", _ => "text")))!;

        Assert.That(image.Data, Is.Null);
        Assert.That(diagnostics.ToImmutable().Single().Code, Is.EqualTo("PRC4022"));
    }

    [Test]
    public void DataThatIsNotAnImageIsWarningPrc4023AndDrawsNothing()
    {
        var fake = new FakeEvaluator();
        var (items, diagnostics) = Evaluator(fake);

        var image = (ImageInstance)items.Evaluate(Image("Junk", ImageSource.Database, fake.Expr("=Fields!Blob.Value", _ => new byte[] { 1, 2, 3, 4, 5 })))!;

        Assert.That(image.Data, Is.Null);
        Assert.That(diagnostics.ToImmutable().Single().Code, Is.EqualTo("PRC4023"));
        Assert.That(diagnostics.ToImmutable().Single().Message, Does.Contain("Image 'Junk'").And.Contain("5 bytes"));
    }

    [TestCase("file:///etc/passwd")]
    [TestCase("../x.png")]
    [TestCase("..\\..\\secrets\\x.png")]
    [TestCase("http://127.0.0.1/logo.png")]
    public void ExternalImageIsRefusedWithPrc4020(string path)
    {
        var (items, diagnostics) = Evaluator(new FakeEvaluator());

        var image = (ImageInstance)items.Evaluate(Image("Ext", ImageSource.External, Constant(path)))!;

        Assert.That(image.Data, Is.Null);
        var warning = diagnostics.ToImmutable().Single();
        Assert.That(warning.Code, Is.EqualTo("PRC4020"));
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.Message, Does.StartWith($"External image '{path}' of Image 'Ext' is refused: "));
        Assert.That(warning.ObjectPath, Is.EqualTo("Image 'Ext'"));
    }

    [TestCase("/etc/passwd")]
    [TestCase("logo.png")]
    public void ExternalImageTheHostDidNotPassIsPrc4024(string path)
    {
        var (items, diagnostics) = Evaluator(new FakeEvaluator());

        var image = (ImageInstance)items.Evaluate(Image("Ext", ImageSource.External, Constant(path)))!;

        Assert.That(image.Data, Is.Null);
        var warning = diagnostics.ToImmutable().Single();
        Assert.That(warning.Code, Is.EqualTo("PRC4024"));
        Assert.That(warning.Message, Does.StartWith($"External image '{path}' of Image 'Ext'").And.Contain("is not an image resource you may view"));
    }

    [Test]
    public void ImageValueThatThrowsIsPrc4001()
    {
        var fake = new FakeEvaluator();
        var (items, diagnostics) = Evaluator(fake);

        var image = (ImageInstance)items.Evaluate(Image("Bad", ImageSource.Database, fake.Expr("=1/0", _ => throw new DivideByZeroException())))!;

        Assert.That(image.Data, Is.Null);
        Assert.That(diagnostics.ToImmutable().Single().Code, Is.EqualTo("PRC4001"));
        Assert.That(diagnostics.ToImmutable().Single().Message, Does.Contain("Image 'Bad'"));
    }
}
