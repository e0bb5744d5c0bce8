using System.Globalization;
using System.Text;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Data;

namespace Renderer.Sandbox;

/// <summary>
/// Report names that make the sandbox misbehave (or answer trivially) on purpose, so the host's handling of crashes,
/// hangs, protocol errors and data streaming can be tested against a real child process without a compiled report.
/// They only change this process's own behaviour, which any report could also do by crashing or looping, so they give
/// a caller nothing it could not already do. Any other report name goes to <see cref="RenderEngine"/>.
/// <list type="bullet">
/// <item><c>__sandbox_test_crash__</c>: <see cref="Environment.FailFast(string)"/> (the process aborts).</item>
/// <item><c>__sandbox_test_hang__</c>: waits forever.</item>
/// <item><c>__sandbox_test_garbage__</c>: writes bytes that are not a valid frame to stdout, then waits forever.</item>
/// <item><c>__sandbox_test_echo__</c>: returns a text/plain description of the <see cref="RenderInput"/> it received.</item>
/// <item><c>__sandbox_test_data__</c>: asks the host for dataset <c>TestData</c> (parameters: each report parameter's
/// first value) and returns a text/plain summary of the columns and rows it got, or of the error.</item>
/// </list>
/// </summary>
internal static class SandboxTestHooks
{
    public const string Crash = "__sandbox_test_crash__";
    public const string Hang = "__sandbox_test_hang__";
    public const string Garbage = "__sandbox_test_garbage__";
    public const string Echo = "__sandbox_test_echo__";
    public const string Data = "__sandbox_test_data__";
    public const string TestDataSetName = "TestData";

    private const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>A length prefix far above the frame limit, then junk.</summary>
    private static readonly byte[] GarbageBytes = [0xFF, 0xFF, 0xFF, 0xFF, 0xEE, .. "not a frame"u8];

    /// <summary>Runs the hook named by the report name; null when the report name is not a hook.</summary>
    public static async Task<RenderOutput?> TryRunAsync(RenderInput input, IDataSetProvider data, Stream protocolOut, CancellationToken cancellationToken)
    {
        switch (input.ReportName)
        {
            case Crash:
                Environment.FailFast("Sandbox test hook: crash requested.");
                return null;
            case Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                return null;
            case Garbage:
                await protocolOut.WriteAsync(GarbageBytes, cancellationToken).ConfigureAwait(false);
                await protocolOut.FlushAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                return null;
            case Echo:
                return Text(DescribeInput(input), [RdlDiagnostic.Warning(DiagnosticCodes.Sandbox.TestHookEcho, "Echo from the sandbox test hook.", new SourceLocation(input.FileName, 1, 2), "Report", "=echo")]);
            case Data:
                return Text(await DescribeDataAsync(input, data, cancellationToken).ConfigureAwait(false), []);
            default:
                return null;
        }
    }

    private static RenderOutput Text(string text, RdlDiagnostic[] diagnostics) =>
        new(Encoding.UTF8.GetBytes(text), TextContentType, 1, [.. diagnostics]);

    private static string DescribeInput(RenderInput input)
    {
        var text = new StringBuilder()
            .AppendLine($"report={input.ReportName}")
            .AppendLine($"file={input.FileName}")
            .AppendLine($"format={input.Format}")
            .AppendLine($"user={input.UserId}")
            .AppendLine($"time={input.ExecutionTime.ToString("O", CultureInfo.InvariantCulture)}")
            .AppendLine($"rdl={Encoding.UTF8.GetString(input.RdlBytes)}")
            .AppendLine($"assembly-bytes={input.AssemblyImage.Length}")
            .AppendLine($"heap-limit={GC.GetGCMemoryInfo().TotalAvailableMemoryBytes}");
        foreach (var (name, values) in input.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.AppendLine($"param {name}={string.Join('|', values.Select(Describe))}");
        return text.ToString();
    }

    private static async Task<string> DescribeDataAsync(RenderInput input, IDataSetProvider data, CancellationToken cancellationToken)
    {
        var parameters = input.Parameters.ToDictionary(p => p.Key, p => p.Value.Length > 0 ? p.Value[0] : null, StringComparer.Ordinal);
        try
        {
            var rows = await data.GetDataSetAsync(TestDataSetName, parameters, cancellationToken).ConfigureAwait(false);
            var text = new StringBuilder()
                .AppendLine($"columns={string.Join(',', rows.Columns)}")
                .AppendLine($"rows={rows.Rows.Count}");
            if (rows.Rows.Count > 0)
            {
                text.AppendLine($"first={string.Join('|', rows.Rows[0].Select(Describe))}");
                text.AppendLine($"last={string.Join('|', rows.Rows[^1].Select(Describe))}");
            }
            return text.ToString();
        }
        catch (DataSetRequestException ex)
        {
            return $"error={ex.DataSetName}: {ex.Message}";
        }
    }

    /// <summary>"Type:value" with invariant formatting, so tests can see that types survived the trip.</summary>
    private static string Describe(object? value) => value switch
    {
        null => "null",
        DateTime d => $"DateTime:{d.ToString("O", CultureInfo.InvariantCulture)}",
        byte[] b => $"Byte[]:{Convert.ToHexString(b)}",
        IFormattable f => $"{value.GetType().Name}:{f.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name}:{value}",
    };
}
