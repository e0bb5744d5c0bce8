using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Renderer.Host.Sandboxing;

namespace Renderer.Host.Tests.Security;

/// <summary>Missing isolation layers are reported; in strict mode the server refuses to start and the launcher to render.</summary>
public sealed class StrictModeTests
{
    private static SandboxOptions WithoutLauncher(bool strict) => new() { Strict = strict, LauncherPath = "/nonexistent/rdl-sandbox-launcher" };

    [Test]
    public void This_machine_supports_every_layer_with_the_built_launcher()
    {
        var support = SandboxIsolation.Probe(new SandboxOptions().ResolveLauncherPath());
        Assert.That(support.Problem, Is.Null);
        Assert.That(support.Available, Is.EqualTo(SandboxLayers.All), $"Landlock ABI {support.LandlockAbi}");
    }

    [Test]
    public void Strict_mode_refuses_to_start_when_a_layer_is_missing()
    {
        var check = new SandboxIsolationCheck(Options.Create(WithoutLauncher(strict: true)), NullLogger<SandboxIsolationCheck>.Instance);
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("Strict").And.Contain("seccomp: MISSING").And.Contain("launcher was not found"));
    }

    [Test]
    public void Strict_mode_refuses_to_start_without_bubblewrap_for_the_namespaces_layer()
    {
        var options = new SandboxOptions { Strict = true, BubblewrapPath = "/nonexistent/bwrap" };
        var check = new SandboxIsolationCheck(Options.Create(options), NullLogger<SandboxIsolationCheck>.Instance);
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("namespaces and filesystem view (bubblewrap): MISSING").And.Contain("bubblewrap was not found at /nonexistent/bwrap"));
        Assert.That(SandboxIsolation.Plan(options, NullLogger.Instance).Applied, Is.EqualTo(SandboxLayers.All & ~SandboxLayers.Namespaces),
            "the launcher's own layers still apply");
    }

    [Test]
    public async Task Without_strict_mode_missing_layers_only_warn()
    {
        var check = new SandboxIsolationCheck(Options.Create(WithoutLauncher(strict: false)), NullLogger<SandboxIsolationCheck>.Instance);
        await check.StartAsync(CancellationToken.None);
        Assert.That(SandboxIsolation.Plan(WithoutLauncher(false), NullLogger.Instance).Missing, Is.EqualTo(SandboxLayers.All));
    }

    [Test]
    public async Task Strict_mode_refuses_to_render_when_a_layer_is_missing()
    {
        var launcher = new SandboxLauncher(Options.Create(WithoutLauncher(strict: true)), NullLogger<SandboxLauncher>.Instance);
        var input = new Renderer.Sandbox.RenderInput("__sandbox_test_echo__", "x.rdl", [], [], "pdf", new Dictionary<string, object?[]>(), DateTime.Now, "t");
        var result = await launcher.RenderAsync(input, new NoData(), CancellationToken.None);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("SBX7000"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("Strict"));
    }

    private sealed class NoData : ISandboxDataHandler
    {
        public Task<SandboxDataResult> ExecuteAsync(string dataSetName, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no data");
    }
}
