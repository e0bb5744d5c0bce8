using System.Collections.Immutable;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Pages;
using Renderer.Sandbox.Writers.Docx;
using Renderer.Sandbox.Writers.Xlsx;

namespace Renderer.Sandbox.Tests.Writers;

/// <summary>
/// The one place this project's tests write DOCX and XLSX (<see cref="OfficeOutputTests"/> keeps it so): every file
/// written here passes the OpenXml validator with zero errors before a test reads it.
/// </summary>
internal static class OfficeOutput
{
    /// <summary>The workbook of <paramref name="document"/>, validated.</summary>
    public static byte[] Xlsx(PaginatedDocument document, bool releaseWrittenPages = false) =>
        Xlsx(document, out _, releaseWrittenPages);

    /// <summary>The workbook of <paramref name="document"/> and the writer's warnings, validated.</summary>
    public static byte[] Xlsx(PaginatedDocument document, out ImmutableArray<RdlDiagnostic> diagnostics, bool releaseWrittenPages = false)
    {
        using var output = new MemoryStream();
        diagnostics = new XlsxDocumentWriter { ReleaseWrittenPages = releaseWrittenPages }.WriteWithDiagnostics(document, output);
        return Validated(output.ToArray());
    }

    /// <summary>
    /// The workbook of <paramref name="document"/>, validated, with what the write alone cost: the bytes it allocated and
    /// the time it took (measured before the validation runs).
    /// </summary>
    public static byte[] XlsxMeasured(PaginatedDocument document, out ImmutableArray<RdlDiagnostic> diagnostics, out long allocatedBytes, out TimeSpan elapsed)
    {
        using var output = new MemoryStream();
        var writer = new XlsxDocumentWriter();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        diagnostics = writer.WriteWithDiagnostics(document, output);
        stopwatch.Stop();
        allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        elapsed = stopwatch.Elapsed;
        return Validated(output.ToArray());
    }

    /// <summary>The Word document of <paramref name="document"/>, validated.</summary>
    public static byte[] Docx(PaginatedDocument document)
    {
        using var output = new MemoryStream();
        new DocxDocumentWriter().Write(document, output);
        return Validated(output.ToArray());
    }

    /// <summary>The workbook written to a stream that cannot seek or be read (as the sandbox's output is), validated.</summary>
    public static byte[] XlsxForwardOnly(PaginatedDocument document)
    {
        using var output = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(output))
        {
            new XlsxDocumentWriter().Write(document, forwardOnly);
        }

        return Validated(output.ToArray());
    }

    /// <summary>The Word document written to a stream that cannot seek or be read, validated.</summary>
    public static byte[] DocxForwardOnly(PaginatedDocument document)
    {
        using var output = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(output))
        {
            new DocxDocumentWriter().Write(document, forwardOnly);
        }

        return Validated(output.ToArray());
    }

    /// <summary>Writes the workbook to <paramref name="path"/> (sample files for a visual check), validated.</summary>
    public static void XlsxFile(PaginatedDocument document, string path) => File.WriteAllBytes(path, Xlsx(document));

    /// <summary>Asserts that <paramref name="bytes"/> (a DOCX or an XLSX) has no OpenXml validator errors; returns them.</summary>
    public static byte[] Validated(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var package = Open(stream);
        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        return bytes;
    }

    private static OpenXmlPackage Open(Stream stream)
    {
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.GetEntry("word/document.xml") is null)
            {
                stream.Position = 0;
                return SpreadsheetDocument.Open(stream, false);
            }
        }

        stream.Position = 0;
        return WordprocessingDocument.Open(stream, false);
    }

    /// <summary>A write-only, non-seekable stream like an HTTP response body or the sandbox's output pipe.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
