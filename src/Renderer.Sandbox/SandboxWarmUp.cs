using System.Text;
using Renderer.Sandbox.Data;

namespace Renderer.Sandbox;

/// <summary>
/// Run by a pre-started (pooled) sandbox before it tells the host it is ready: renders a tiny built-in report with no
/// data and no expressions to a throwaway buffer, so the job that follows finds the runtime, fonts, SkiaSharp, the RDL
/// reader, processing, layout and the writers loaded, initialised and compiled, and the regular and bold faces of the
/// default font (Arial, shipped as Liberation Sans) loaded. The report is a constant of this
/// assembly; nothing secret exists in the sandbox at this point. Best effort: a failure only means a colder render.
/// </summary>
internal static class SandboxWarmUp
{
    /// <summary>The command-line option that asks for a warm-up: <c>--prewarm=pdf,xlsx</c> (formats to warm; bare <c>--prewarm</c> means pdf).</summary>
    public const string Option = "--prewarm";

    private const string Report = """
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="WarmUp">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>Warm-up 123</Value>
                  <Style><FontWeight>Bold</FontWeight></Style></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
              <Textbox Name="WarmUpNumber">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>1234.5</Value>
                  <Style><FontFamily>Arial</FontFamily></Style></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>1cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
            </ReportItems><Height>2cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;

    /// <summary>A fixed execution time: DateTime.Now would load the local time zone (2 ms) for a report that shows no time.</summary>
    private static readonly DateTime WarmUpTime = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The formats named by <see cref="Option"/> in <paramref name="args"/>; empty when no warm-up was asked for.</summary>
    public static IReadOnlyList<string> RequestedFormats(IReadOnlyList<string> args)
    {
        foreach (var arg in args)
        {
            if (arg == Option) return [Renderer.Contracts.Formats.OutputFormats.Default.Name];
            if (arg.StartsWith(Option + "=", StringComparison.Ordinal))
                return arg[(Option.Length + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        return [];
    }

    /// <summary>Renders the built-in report once per format; returns how many renders succeeded.</summary>
    public static int Run(IReadOnlyList<string> formats)
    {
        var succeeded = 0;
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        foreach (var format in formats)
        {
            try
            {
                var input = new RenderInput("warm-up", "warm-up.rdl", Encoding.UTF8.GetBytes(Report), [], format,
                    new Dictionary<string, object?[]>(), WarmUpTime, "warm-up");
                var output = RenderEngine.RenderAsync(input, NoData.Instance, CancellationToken.None).GetAwaiter().GetResult();
                if (output.Content.Length > 0) succeeded++;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"sandbox: warm-up ({format}) failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
        // The engine sets the thread culture to the report's language; the job starts from the process's own.
        System.Globalization.CultureInfo.CurrentCulture = culture;
        // Leave the idle process small: the warm-up's garbage is collected before the wait for the job.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return succeeded;
    }

    private sealed class NoData : IDataSetProvider
    {
        public static readonly NoData Instance = new();

        public Task<DataSetRows> GetDataSetAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            throw new DataSetRequestException(dataSetName, "The warm-up report has no data.");
    }
}
