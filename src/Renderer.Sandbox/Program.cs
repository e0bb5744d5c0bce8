namespace Renderer.Sandbox;

/// <summary>
/// Entry point of the per-render sandbox process. The host talks to it over stdin/stdout with the binary protocol in
/// <see cref="Protocol"/>; stdout carries nothing else, so <see cref="Console.Out"/> is pointed at stderr before anything runs.
/// Started with <c>--prewarm[=formats]</c> (by the host's pool), it first runs <see cref="SandboxWarmUp"/>, and only
/// then sends its Hello: that Hello is the "ready" signal, after which it waits (blocked, using no CPU) for its one job.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var protocolIn = Console.OpenStandardInput();
        var protocolOut = Console.OpenStandardOutput();
        // stderr through a UTF-8 writer of our own: Console.Error would first look up the terminal's charset (3-4 ms).
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false), 1024) { AutoFlush = true };
        Console.SetError(stderr);
        Console.SetOut(stderr);
        if (SandboxWarmUp.RequestedFormats(args) is { Count: > 0 } warmUpFormats) SandboxWarmUp.Run(warmUpFormats);
        int exitCode;
        try
        {
            exitCode = await SandboxSession.RunAsync(protocolIn, protocolOut, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"sandbox: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            exitCode = SandboxSession.ExitProtocolError;
        }
        // Exit now even if a report left foreground threads behind: the answer has been sent (each frame is flushed).
        Environment.Exit(exitCode);
        return exitCode;
    }
}
