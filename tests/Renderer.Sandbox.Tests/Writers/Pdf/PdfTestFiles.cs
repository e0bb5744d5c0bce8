using System.Diagnostics;
using Renderer.Sandbox.Layout.Text;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Pdf;

namespace Renderer.Sandbox.Tests.Writers.Pdf;

/// <summary>Builds small page models, writes them as PDF and checks files with qpdf when it is installed.</summary>
internal static class PdfTestFiles
{
    public const double A4Width = 595;
    public const double A4Height = 842;

    public static byte[] Render(PaginatedDocument document)
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(document, stream);
        return stream.ToArray();
    }

    public static TextItem Text(Bounds bounds, string text) =>
        new(bounds, PageRegion.Body, text, text, null, TextStyle.Default, BoxStyle.None,
            [new TextLine(2, 12, SkiaTextMeasurer.Shared.MeasureWidth(text, TextStyle.Default), text)]);

    public static Page Page(int number, params PageItem[] items) => new(number, A4Width, A4Height, [.. items]);

    /// <summary>Runs <c>qpdf --check</c> on the file; returns null when qpdf is not installed, else its exit code and output.</summary>
    public static (int ExitCode, string Output)? QpdfCheck(byte[] pdf)
    {
        var qpdf = new[] { "/usr/bin/qpdf", "/usr/local/bin/qpdf" }.FirstOrDefault(File.Exists);
        if (qpdf is null) return null;
        var path = Path.Combine(Path.GetTempPath(), $"outline-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(qpdf) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--check");
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Asserts that qpdf (when installed) finds no errors or warnings in the file.</summary>
    public static void AssertQpdfAccepts(byte[] pdf)
    {
        if (QpdfCheck(pdf) is not { } result) return;
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
    }
}
