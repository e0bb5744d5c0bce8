namespace Renderer.Sandbox.Tests.WarmUp;

/// <summary>The pooled sandbox's warm-up render must really succeed in every format it is asked for (a failure would only show as slower renders).</summary>
public sealed class SandboxWarmUpTests
{
    [Test]
    public void The_built_in_warm_up_report_renders_in_every_format()
    {
        string[] formats = ["pdf", "xlsx", "csv", "docx", "html"];
        Assert.That(SandboxWarmUp.Run(formats), Is.EqualTo(formats.Length));
    }

    [Test]
    public void The_prewarm_option_names_the_formats()
    {
        Assert.That(SandboxWarmUp.RequestedFormats(["--prewarm=pdf,xlsx"]), Is.EqualTo(new[] { "pdf", "xlsx" }));
        Assert.That(SandboxWarmUp.RequestedFormats(["--prewarm"]), Is.EqualTo(new[] { "pdf" }));
        Assert.That(SandboxWarmUp.RequestedFormats([]), Is.Empty);
    }
}
