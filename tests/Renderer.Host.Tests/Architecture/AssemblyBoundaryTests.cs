using System.Reflection;

namespace Renderer.Host.Tests.Architecture;

/// <summary>
/// The assembly boundaries of issue 13: the host reaches the sandbox only through the shared contracts (it starts the
/// sandbox as a program, never loads it as a library), and report code compiles against a runtime assembly that
/// references nothing of ours.
/// </summary>
public sealed class AssemblyBoundaryTests
{
    private static string[] References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal)];

    [Test]
    public void The_host_does_not_reference_the_sandbox_engine()
    {
        var host = References(typeof(Renderer.Host.Expressions.CompilationCache).Assembly);

        Assert.That(host, Does.Not.Contain("Renderer.Sandbox"));
        Assert.That(host, Does.Contain("Renderer.Contracts"));
        Assert.That(host, Is.All.Not.StartWith("SkiaSharp").And.Not.StartWith("HarfBuzzSharp").And.Not.StartWith("DocumentFormat"));
    }

    [Test]
    public void The_shared_contracts_reference_no_other_project_and_no_package()
    {
        var contracts = References(typeof(Renderer.Sandbox.Protocol.SandboxProtocol).Assembly);

        Assert.That(typeof(Renderer.Sandbox.Protocol.SandboxProtocol).Assembly.GetName().Name, Is.EqualTo("Renderer.Contracts"));
        Assert.That(typeof(Rdl.Model.Diagnostics.RdlDiagnostic).Assembly.GetName().Name, Is.EqualTo("Renderer.Contracts"));
        Assert.That(contracts, Is.All.StartWith("System").Or.EqualTo("netstandard"));
    }

    [Test]
    public void Report_code_runtime_references_only_the_framework()
    {
        var runtime = typeof(Renderer.Sandbox.Runtime.ReportExpressionHost).Assembly;

        Assert.That(runtime.GetName().Name, Is.EqualTo("Renderer.Runtime"));
        Assert.That(References(runtime), Is.All.StartWith("System").Or.EqualTo("netstandard"));
    }
}
