namespace Renderer.Host.Sandboxing;

/// <summary>
/// Answers the sandbox's dataset requests on the trusted side (the render service adapts the data broker to it).
/// Return <see cref="SandboxDataResult.Failed"/> with a message safe to show to the report's user; an exception
/// thrown here reaches the sandbox only as a generic "query failed" message and is logged by the launcher. While rows
/// stream, a <see cref="SandboxDataException"/> reaches the sandbox with its message.
/// </summary>
public interface ISandboxDataHandler
{
    Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken);

    /// <summary>The sandbox has composed <paramref name="pagesDone"/> of <paramref name="pageCount"/> pages (untrusted numbers, checked to be in range).</summary>
    void OnProgress(int pagesDone, int pageCount)
    {
    }

    /// <summary>
    /// A render with <c>RenderInput.StreamPages</c> wrote page <paramref name="pageIndex"/> (0-based) of
    /// <paramref name="pageCount"/>: <paramref name="content"/> is the page's UTF-8 HTML fragment, as untrusted as the rest
    /// of the sandbox's output. Pages arrive in order (checked), before the result; their bytes count against the output size limit.
    /// </summary>
    void OnPage(int pageIndex, int pageCount, ReadOnlyMemory<byte> content)
    {
    }
}

/// <summary>The columns and streamed rows of one dataset, or why there are none.</summary>
public sealed class SandboxDataResult
{
    private SandboxDataResult(bool success, IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows, string? errorMessage)
    {
        Success = success;
        Columns = columns;
        Rows = rows;
        ErrorMessage = errorMessage;
    }

    public bool Success { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, each with one value per column; enumerated once, as they are sent to the sandbox.</summary>
    public IAsyncEnumerable<object?[]> Rows { get; }

    public string? ErrorMessage { get; }

    public static SandboxDataResult FromRows(IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows) => new(true, columns, rows, null);

    public static SandboxDataResult FromRows(IReadOnlyList<string> columns, IEnumerable<object?[]> rows) => new(true, columns, ToAsync(rows), null);

    public static SandboxDataResult Failed(string message) => new(false, [], ToAsync([]), message);

    private static async IAsyncEnumerable<object?[]> ToAsync(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask.ConfigureAwait(false);
    }
}

/// <summary>Thrown by a <see cref="SandboxDataResult.Rows"/> stream that cannot continue; its message is safe to show to the report's user.</summary>
public sealed class SandboxDataException(string message) : Exception(message);
