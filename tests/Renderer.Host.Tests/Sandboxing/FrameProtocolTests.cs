using System.Buffers.Binary;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox;
using Renderer.Host.Sandboxing;
using Renderer.Sandbox.Protocol;

namespace Renderer.Host.Tests.Sandboxing;

public sealed class FrameProtocolTests
{
    [Test]
    public async Task A_render_request_keeps_every_input_field()
    {
        var input = new RenderInput("Sales", "Sales.rdl", "<Report/>"u8.ToArray(), [1, 2, 3], "pdf",
            new Dictionary<string, object?[]> { ["Year"] = [2024], ["Regions"] = ["North", "South"], ["Empty"] = [] },
            new DateTime(2024, 3, 1, 8, 30, 0, DateTimeKind.Local), @"DOMAIN\ann");

        var decoded = (RenderRequestMessage)await RoundTripAsync(new RenderRequestMessage(input));

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Input.ReportName, Is.EqualTo("Sales"));
            Assert.That(decoded.Input.FileName, Is.EqualTo("Sales.rdl"));
            Assert.That(decoded.Input.RdlBytes, Is.EqualTo(input.RdlBytes));
            Assert.That(decoded.Input.AssemblyImage, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(decoded.Input.Format, Is.EqualTo("pdf"));
            Assert.That(decoded.Input.Parameters["Year"], Is.EqualTo(new object?[] { 2024 }));
            Assert.That(decoded.Input.Parameters["Regions"], Is.EqualTo(new object?[] { "North", "South" }));
            Assert.That(decoded.Input.Parameters["Empty"], Is.Empty);
            Assert.That(decoded.Input.ExecutionTime, Is.EqualTo(input.ExecutionTime));
            Assert.That(decoded.Input.ExecutionTime.Kind, Is.EqualTo(DateTimeKind.Local));
            Assert.That(decoded.Input.UserId, Is.EqualTo(@"DOMAIN\ann"));
        });
    }

    [Test]
    public async Task A_render_result_keeps_content_and_every_diagnostic_field()
    {
        var diagnostics = new[]
        {
            new RdlDiagnostic("EXP3001", DiagnosticSeverity.Error, "Bad expression", new SourceLocation("Sales.rdl", 12, 5), "Tablix 'Sales' / Textbox 'Total'", "=Sum(x"),
            RdlDiagnostic.Warning("LAY5001", "Overlap", SourceLocation.None),
        };
        var output = new RenderOutput([37, 80, 68, 70], "application/pdf", 3, [.. diagnostics]) { PeakMemoryBytes = 123_456_789 };

        var decoded = (RenderResultMessage)await RoundTripAsync(new RenderResultMessage(output));

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Output.Content, Is.EqualTo(output.Content));
            Assert.That(decoded.Output.ContentType, Is.EqualTo("application/pdf"));
            Assert.That(decoded.Output.PageCount, Is.EqualTo(3));
            Assert.That(decoded.Output.PeakMemoryBytes, Is.EqualTo(123_456_789));
            Assert.That(decoded.Output.Diagnostics, Is.EqualTo(diagnostics));
        });
    }

    [Test]
    public async Task An_output_sent_in_chunks_is_joined_in_order_to_the_result_that_ends_it()
    {
        var content = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var chunks = new ResultChunks();
        foreach (var (offset, length) in new[] { (0, 4096), (4096, 4096), (8192, 1808) })
        {
            var decoded = (ResultChunkMessage)await RoundTripAsync(new ResultChunkMessage(content.AsMemory(offset, length)));
            chunks.Add(decoded.Data);
        }

        var result = chunks.Complete(new RenderResultMessage(new RenderOutput([], "application/pdf", 2, [])));

        Assert.That(result.Output.Content, Is.EqualTo(content));
        Assert.That(result.Output.PageCount, Is.EqualTo(2));
    }

    [Test]
    public void A_result_with_content_after_chunks_is_a_protocol_error()
    {
        var chunks = new ResultChunks();
        chunks.Add(new byte[] { 1, 2, 3 });

        var ex = Assert.Throws<ProtocolException>(() => chunks.Complete(new RenderResultMessage(new RenderOutput([4], "application/pdf", 1, []))));

        Assert.That(ex!.Message, Does.Contain("both in chunks and in the result"));
    }

    [Test]
    public void Streamed_pages_must_come_in_order_of_one_page_count()
    {
        static PageReadyMessage Page(int index, int count) => new(index, count, new byte[] { 60 });
        var ordered = new ResultChunks();
        ordered.AddPage(Page(0, 2));
        ordered.AddPage(Page(1, 2));

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ProtocolException>(() => ordered.AddPage(Page(2, 3)))!.Message, Does.Contain("page 2 of 3"));
            var skipped = new ResultChunks();
            Assert.Throws<ProtocolException>(() => skipped.AddPage(Page(1, 3)), "page 0 was due");
            var repeated = new ResultChunks();
            repeated.AddPage(Page(0, 3));
            Assert.Throws<ProtocolException>(() => repeated.AddPage(Page(0, 3)), "page 1 was due");
            var recounted = new ResultChunks();
            recounted.AddPage(Page(0, 3));
            Assert.Throws<ProtocolException>(() => recounted.AddPage(Page(1, 4)), "the page count changed");
        });
    }

    [Test]
    public async Task Data_messages_round_trip()
    {
        var request = (DataRequestMessage)await RoundTripAsync(new DataRequestMessage(7, "Orders", new Dictionary<string, object?> { ["From"] = new DateTime(2024, 1, 1), ["Ids"] = new object?[] { 1, 2 } }));
        var columns = (DataColumnsMessage)await RoundTripAsync(new DataColumnsMessage(7, ["Id", "Name"]));
        var rows = (DataRowsMessage)await RoundTripAsync(new DataRowsMessage(7, [[1, "a"], [2, null]]));
        var error = (DataErrorMessage)await RoundTripAsync(new DataErrorMessage(7, "no such table"));
        var end = (DataEndMessage)await RoundTripAsync(new DataEndMessage(7));

        Assert.Multiple(() =>
        {
            Assert.That(request.DataSetName, Is.EqualTo("Orders"));
            Assert.That(request.Parameters["From"], Is.EqualTo(new DateTime(2024, 1, 1)));
            Assert.That(request.Parameters["Ids"], Is.EqualTo(new object?[] { 1, 2 }));
            Assert.That(columns.Columns, Is.EqualTo(new[] { "Id", "Name" }));
            Assert.That(rows.Rows, Is.EqualTo(new object?[][] { [1, "a"], [2, null] }));
            Assert.That(error.Message, Is.EqualTo("no such table"));
            Assert.That(end.RequestId, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task Progress_round_trips_and_impossible_counts_are_protocol_errors()
    {
        var progress = (ProgressMessage)await RoundTripAsync(new ProgressMessage(12, 40));

        Assert.That((progress.PagesDone, progress.PageCount), Is.EqualTo((12, 40)));
        Assert.That(async () => await ReadRawAsync([8, 0, 0, 0, (byte)MessageType.Progress, 41, 0, 0, 0, 40, 0, 0, 0]),
            Throws.TypeOf<ProtocolException>().With.Message.Contains("41 of 40"));
        Assert.That(async () => await ReadRawAsync([8, 0, 0, 0, (byte)MessageType.Progress, 255, 255, 255, 255, 40, 0, 0, 0]),
            Throws.TypeOf<ProtocolException>());
    }

    [Test]
    public async Task Pages_toggles_and_sorts_round_trip_and_out_of_range_pages_are_protocol_errors()
    {
        var page = (PageReadyMessage)await RoundTripAsync(new PageReadyMessage(2, 5, "<section>3</section>"u8.ToArray()));
        var input = new RenderInput("Sales", "Sales.rdl", [1], [2], "html", new Dictionary<string, object?[]>(), new DateTime(2024, 1, 1), "ann")
        {
            StreamPages = true,
            ToggledItems = ["Region|West", "Region|East"],
            UserSorts = [new UserSortState("Amount", true), new UserSortState("Name", false)],
        };
        var request = (RenderRequestMessage)await RoundTripAsync(new RenderRequestMessage(input));

        Assert.That((page.PageIndex, page.PageCount, System.Text.Encoding.UTF8.GetString(page.Content.Span)), Is.EqualTo((2, 5, "<section>3</section>")));
        Assert.That(request.Input.StreamPages, Is.True);
        Assert.That(request.Input.ToggledItems, Is.EqualTo(new[] { "Region|West", "Region|East" }));
        Assert.That(request.Input.UserSorts, Is.EqualTo(new[] { new UserSortState("Amount", true), new UserSortState("Name", false) }));
        Assert.That(async () => await ReadRawAsync([12, 0, 0, 0, (byte)MessageType.PageReady, 5, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0]),
            Throws.TypeOf<ProtocolException>().With.Message.Contains("Page 5 of 5"));
    }

    [Test]
    public void Hello_checks_magic_and_version()
    {
        Assert.That(async () => await ReadHelloAsync(new HelloMessage("RDLS", SandboxProtocol.Version)), Throws.Nothing);
        Assert.That(async () => await ReadHelloAsync(new HelloMessage("RDLS", 1)), Throws.TypeOf<ProtocolException>().With.Message.Contains("version 1"));
        Assert.That(async () => await ReadHelloAsync(new HelloMessage("XXXX", SandboxProtocol.Version)), Throws.TypeOf<ProtocolException>());
    }

    [Test]
    public void A_frame_larger_than_the_limit_is_rejected_before_it_is_read()
    {
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32LittleEndian(header, SandboxProtocol.MaxFrameSize + 1u);
        header[4] = (byte)MessageType.DataRows;

        Assert.That(async () => await new FrameReader(new MemoryStream(header)).ReadAsync(CancellationToken.None),
            Throws.TypeOf<ProtocolException>().With.Message.Contains("limit"));
    }

    [Test]
    public void Unknown_types_trailing_bytes_and_wrong_messages_are_protocol_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(async () => await ReadRawAsync([0, 0, 0, 0, 200]), Throws.TypeOf<ProtocolException>(), "unknown type");
            Assert.That(async () => await ReadRawAsync([5, 0, 0, 0, (byte)MessageType.DataEnd, 1, 0, 0, 0, 9]), Throws.TypeOf<ProtocolException>(), "trailing byte");
            Assert.That(async () => await new FrameReader(Serialize(new DataEndMessage(1))).ReadExpectedAsync<HelloMessage>(CancellationToken.None),
                Throws.TypeOf<ProtocolException>().With.Message.Contains("Hello"), "wrong message");
        });
    }

    [Test]
    public async Task The_end_of_the_stream_between_frames_is_null_and_inside_a_frame_an_error()
    {
        Assert.That(await new FrameReader(new MemoryStream()).ReadAsync(CancellationToken.None), Is.Null);
        Assert.That(async () => await ReadRawAsync([9, 0, 0, 0, (byte)MessageType.DataEnd, 1]), Throws.TypeOf<EndOfStreamException>());
        Assert.That(async () => await ReadRawAsync([9, 0]), Throws.TypeOf<EndOfStreamException>());
    }

    [Test]
    public void Frames_are_length_prefixed_little_endian_with_a_type_byte()
    {
        var bytes = Serialize(new DataEndMessage(0x01020304)).ToArray();

        Assert.That(bytes, Is.EqualTo(new byte[] { 4, 0, 0, 0, (byte)MessageType.DataEnd, 4, 3, 2, 1 }));
    }

    private static async Task<SandboxMessage> RoundTripAsync(SandboxMessage message)
    {
        var reader = new FrameReader(Serialize(message));
        var decoded = await reader.ReadAsync(CancellationToken.None);
        Assert.That(await reader.ReadAsync(CancellationToken.None), Is.Null, "exactly one frame");
        Assert.That(decoded, Is.Not.Null);
        return decoded!;
    }

    private static MemoryStream Serialize(SandboxMessage message)
    {
        var stream = new MemoryStream();
        new FrameWriter(stream).WriteAsync(message, CancellationToken.None).GetAwaiter().GetResult();
        stream.Position = 0;
        return stream;
    }

    private static Task ReadHelloAsync(HelloMessage hello) => new FrameReader(Serialize(hello)).ReadHelloAsync(CancellationToken.None);

    private static Task<SandboxMessage?> ReadRawAsync(byte[] bytes) => new FrameReader(new MemoryStream(bytes)).ReadAsync(CancellationToken.None);
}
