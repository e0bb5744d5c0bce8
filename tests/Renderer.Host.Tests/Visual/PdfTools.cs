using System.ComponentModel;
using System.Diagnostics;

namespace Renderer.Host.Tests.Visual;

/// <summary>
/// The command-line PDF tools the visual tests need: poppler's pdftoppm (pages to PNG) and qpdf (structure check).
/// .ci/setup-machine installs both; tests/Directory.Build.targets runs it when they are missing. A missing tool fails
/// the test with that advice rather than skipping it.
/// </summary>
internal static class PdfTools
{
    private const string InstallAdvice = "Install poppler-utils and qpdf: run `bash .ci/setup-machine` (tests/Directory.Build.targets does this when it can).";

    /// <summary>Renders page <paramref name="page"/> (1-based) of <paramref name="pdf"/> to <paramref name="png"/> at <paramref name="dpi"/>.</summary>
    public static void RenderPage(string pdf, int page, int dpi, string png)
    {
        var prefix = png.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? png[..^4] : png;
        var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, output) = Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-f", p, "-l", p, "-singlefile", pdf, prefix);
        if (exit != 0 || !File.Exists(prefix + ".png"))
            Assert.Fail($"pdftoppm could not render page {page} of {pdf} (exit code {exit}):\n{output}");
    }

    /// <summary>qpdf --check: exit code 0 means no errors and no warnings.</summary>
    public static (int ExitCode, string Output) Check(string pdf) => Run("qpdf", "--check", pdf);

    private static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{tool} did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{tool} is not available ({e.Message}). {InstallAdvice}");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }
}
