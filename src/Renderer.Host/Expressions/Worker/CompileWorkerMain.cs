using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;
using Renderer.Host.Expressions.Wasm;
using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Host.Expressions.Worker;

/// <summary>
/// The compile worker's side: the host executable started with <c>--compile-worker</c> (no web host, no configuration,
/// no secrets in its environment). It warms Roslyn up, says Ready, then compiles one request at a time from stdin and
/// answers on stdout; it ends when stdin closes. The host bounds it (<see cref="CompileWorkerProcess"/>); here each
/// compile also gets an RLIMIT_CPU backstop, and the GC heap hard limit from its environment ends it with OutOfMemory.
/// </summary>
internal static class CompileWorkerMain
{
    public const string Argument = "--compile-worker";

    public static bool IsWorker(string[] args) => args is [Argument];

    public static async Task<int> RunAsync()
    {
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error); // stdout carries frames only
        WarmUp();
        CompileWorkerCodec.WriteFrame(output, CompileFrame.Ready, _ => { });
        while (await CompileWorkerCodec.ReadFrameAsync(input, CancellationToken.None) is { } frame)
        {
            if (frame.Kind != CompileFrame.Request) return 2;
            var request = CompileWorkerCodec.ReadRequest(frame.Body);
            CpuLimit.Allow(request.CpuSeconds);
            CompileReply reply;
            try
            {
                reply = Compile(request, site => CompileWorkerCodec.WriteFrame(output, CompileFrame.Progress, w => CompileWorkerCodec.WriteDiagnostic(w, site)));
            }
            catch (OutOfMemoryException)
            {
                CompileWorkerCodec.WriteFrame(output, CompileFrame.OutOfMemory, _ => { });
                return 3;
            }
            CompileWorkerCodec.WriteFrame(output, CompileFrame.Reply, w => CompileWorkerCodec.WriteReply(w, reply));
        }
        return 0;
    }

    /// <summary>Reads the RDL again (as the sandbox does) and compiles it; WebAssembly modules come with the request.</summary>
    internal static CompileReply Compile(CompileRequest request, Action<RdlDiagnostic>? progress)
    {
        var read = RdlReader.Read(request.Rdl, request.FileName);
        if (!read.Success || read.Report is not { } report) return new CompileReply(false, read.Diagnostics, [], 0);
        var modules = ImmutableArray.CreateBuilder<ResolvedWasmModule>();
        foreach (var (name, bytes) in request.Modules)
        {
            var reference = report.CodeModules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? new Rdl.Model.Definitions.CodeModuleReference(name, new SourceLocation(request.FileName, 0, 0));
            modules.Add(new ResolvedWasmModule(reference, new WasmModuleImage(name, bytes)));
        }
        var set = new WasmModuleSet(modules.ToImmutable(), [], WasmLimits.Default);
        var compiled = ExpressionCompiler.Compile(report, request.FileName, set, progress);
        return new CompileReply(compiled.Success, compiled.Diagnostics, compiled.AssemblyImage, compiled.ExpressionCount);
    }

    /// <summary>One small compile, so the first real one finds Roslyn loaded and jitted.</summary>
    private static void WarmUp()
    {
        const string rdl = """
            <?xml version="1.0" encoding="utf-8"?>
            <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
              <Code>Public Function Twice(ByVal v As Decimal) As Decimal
                Return v * 2
              End Function</Code>
              <ReportSections><ReportSection>
                <Body><ReportItems>
                  <Textbox Name="T"><Paragraphs><Paragraph><TextRuns><TextRun><Value>=Code.Twice(CDec(Globals!PageNumber)) &amp; Format(Now(), "d") &amp; Sum(Fields!A.Value)</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                  <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width></Textbox>
                </ReportItems><Height>3cm</Height></Body>
                <Width>10cm</Width>
                <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
              </ReportSection></ReportSections>
            </Report>
            """;
        Compile(new CompileRequest("warm-up.rdl", System.Text.Encoding.UTF8.GetBytes(rdl), [], 60), null);
    }

    /// <summary>RLIMIT_CPU as a backstop to the host's watch: the kernel ends the worker a second after its budget.</summary>
    private static class CpuLimit
    {
        private const int RlimitCpu = 0;

        public static void Allow(int seconds)
        {
            if (!OperatingSystem.IsLinux()) return;
            if (getrlimit(RlimitCpu, out var limit) != 0) return;
            var used = (ulong)Math.Ceiling(Environment.CpuUsage.TotalTime.TotalSeconds);
            var soft = used + (ulong)seconds + 1;
            limit.Current = limit.Maximum == ulong.MaxValue ? soft : Math.Min(soft, limit.Maximum);
            _ = setrlimit(RlimitCpu, ref limit);
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct RLimit
        {
            public ulong Current;
            public ulong Maximum;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrlimit(int resource, out RLimit limit);

        [DllImport("libc", SetLastError = true)]
        private static extern int setrlimit(int resource, ref RLimit limit);
    }
}
