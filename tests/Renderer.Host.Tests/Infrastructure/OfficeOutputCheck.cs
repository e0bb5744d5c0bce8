using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Renderer.Contracts.Formats;
using Renderer.Sandbox;
using Renderer.Sandbox.Data;

namespace Renderer.Host.Tests.Infrastructure;

/// <summary>
/// Every DOCX and XLSX this project's tests obtain passes the OpenXml validator with zero errors: the test servers check
/// each DOCX or XLSX response before it leaves (<see cref="Configure"/>: one with errors becomes a 500 naming them), and
/// in-process renders and writes go through <see cref="RenderAsync"/> and <see cref="Xlsx"/>.
/// <c>OfficeOutputValidationTests</c> keeps every test server and every in-process render on these paths.
/// </summary>
internal static class OfficeOutputCheck
{
    /// <summary>Makes the test server check each DOCX and XLSX response body.</summary>
    public static void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, CheckResponses>());

    /// <summary>Renders in process, as <see cref="RenderEngine.RenderAsync(RenderInput, IDataSetProvider, CancellationToken)"/>; a DOCX or XLSX output is validated.</summary>
    public static async Task<RenderOutput> RenderAsync(RenderInput input, IDataSetProvider data, CancellationToken cancellationToken = default)
    {
        var output = await RenderEngine.RenderAsync(input, data, cancellationToken);
        if (IsOffice(output.ContentType) && output.Content.Length > 0) Validated(output.Content);
        return output;
    }

    /// <summary>The workbook of <paramref name="document"/>, written in process and validated.</summary>
    public static byte[] Xlsx(Renderer.Sandbox.Pages.PaginatedDocument document)
    {
        using var output = new MemoryStream();
        new Renderer.Sandbox.Writers.Xlsx.XlsxDocumentWriter().Write(document, output);
        return Validated(output.ToArray());
    }

    /// <summary>Asserts that <paramref name="bytes"/> (a DOCX or an XLSX) has no validator errors; returns them.</summary>
    public static byte[] Validated(byte[] bytes)
    {
        var errors = Errors(bytes);
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
        return bytes;
    }

    /// <summary>The validator's errors for a DOCX or an XLSX.</summary>
    public static List<string> Errors(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        bool isWord;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            isWord = zip.GetEntry("word/document.xml") is not null;
        }

        stream.Position = 0;
        using OpenXmlPackage package = isWord ? WordprocessingDocument.Open(stream, false) : SpreadsheetDocument.Open(stream, false);
        return [.. new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    private static bool IsOffice(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith(OutputFormats.Docx.MimeType, StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith(OutputFormats.Xlsx.MimeType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Buffers a response whose content type is DOCX or XLSX, validates it, and answers 500 with the errors if any.</summary>
    private sealed class CheckResponses : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var original = context.Response.Body;
                var body = new DecidingStream(context.Response, original);
                context.Response.Body = body;
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    context.Response.Body = original;
                }

                if (body.Buffer is not { } buffer) return;
                var bytes = buffer.ToArray();
                var errors = bytes.Length == 0 ? [] : Errors(bytes);
                if (errors.Count > 0)
                {
                    var message = $"OpenXml validator errors in the response to {context.Request.Path}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
                    if (context.Response.HasStarted) throw new InvalidOperationException(message);
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    context.Response.ContentType = System.Net.Mime.MediaTypeNames.Text.Plain;
                    context.Response.ContentLength = null;
                    await context.Response.WriteAsync(message);
                    return;
                }

                await original.WriteAsync(bytes);
            });
            next(app);
        };
    }

    /// <summary>On the first write, buffers the body if the response is DOCX or XLSX, else passes everything through.</summary>
    private sealed class DecidingStream(HttpResponse response, Stream inner) : Stream
    {
        private bool _decided;

        public MemoryStream? Buffer { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
            if (Buffer is null) inner.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Buffer is null ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Target().Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target().WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target().WriteAsync(buffer, cancellationToken);

        private Stream Target()
        {
            if (!_decided)
            {
                _decided = true;
                if (IsOffice(response.ContentType)) Buffer = new MemoryStream();
            }

            return Buffer ?? inner;
        }
    }
}
