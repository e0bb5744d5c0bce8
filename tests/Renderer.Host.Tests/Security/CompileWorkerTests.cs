using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Expressions.Wasm;
using Renderer.Host.Expressions.Worker;
using Renderer.Host.Tests.Wasm;

namespace Renderer.Host.Tests.Security;

/// <summary>
/// Report code is compiled in a bounded worker process: a compile bomb (nested lambdas, doubling string constants) is
/// killed at its CPU or memory limit and refused with EXP3300 naming the expression or Code line, the worker is replaced,
/// normal reports compile to the same assembly as in-process, and a refusal is remembered by content.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CompileWorkerTests
{
    private static readonly CompileWorkerOptions Limits = new() { CpuSeconds = 4, WallSeconds = 90, MemoryMegabytes = 512, MaxConcurrent = 2 };

    private CompileWorkerPool _pool = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public void StartPool() => _pool = new CompileWorkerPool(Limits);

    [OneTimeTearDown]
    public void StopPool() => _pool.Dispose();

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "compile-worker-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static byte[] Hostile(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Security", "Hostile", file));

    private static string Sample(string file) => Path.Combine(SampleModuleTests.ProjectRoot(), "samples", "rdl", file);

    private Task<ExpressionCompilation> CompileAsync(byte[] rdl, string fileName) => _pool.CompileAsync(rdl, fileName, WasmModuleSet.Empty, 1);

    [TestCase("Sales.rdl")]
    [TestCase("SalesMatrix.rdl")]
    [TestCase("RunningTotals.rdl")]
    public async Task A_sample_report_compiles_in_the_worker_to_the_same_assembly_as_in_process(string file)
    {
        var bytes = File.ReadAllBytes(Sample(file));
        var report = RdlReader.Read(bytes, file).Report!;

        var inWorker = await CompileAsync(bytes, file);
        var inProcess = ExpressionCompiler.Compile(report, file);

        Assert.That(inWorker.Success, Is.True, string.Join("\n", inWorker.Diagnostics));
        Assert.That(inWorker.AssemblyImage, Is.EqualTo(inProcess.AssemblyImage));
        Assert.That(inWorker.ExpressionCount, Is.EqualTo(inProcess.ExpressionCount));
    }

    [Test]
    public async Task Compile_errors_come_back_from_the_worker_with_their_RDL_location()
    {
        var result = await CompileAsync(Hostile("CultureByRef.rdl"), "CultureByRef.rdl");
        Assert.That(result.Success, Is.False);
        var refusal = result.Diagnostics.Single(d => d.Code == "EXP3100");
        Assert.That(refusal.Message, Does.Contain("CultureInfo.CurrentCulture"));
        Assert.That(refusal.ObjectPath, Is.EqualTo("Code"));
        Assert.That(refusal.Location.Line, Is.EqualTo(8));
    }

    [Test]
    public async Task Nested_lambdas_are_stopped_at_the_CPU_limit_and_refused_at_their_expression()
    {
        var started = _pool.StartedCount;
        var before = ProcStat.ResidentBytes(Environment.ProcessId);

        var result = await CompileAsync(Hostile("NestedLambdas.rdl"), "NestedLambdas.rdl");

        Assert.That(result.Success, Is.False);
        var refusal = result.Diagnostics.Single();
        Assert.That(refusal.Code, Is.EqualTo(CompileWorkerPool.OverBudget));
        Assert.That(refusal.Message, Does.Contain("Report 'NestedLambdas' is refused").And.Contain("this expression").And.Contain("CPU time limit of 4 s"));
        Assert.That(refusal.Location.Line, Is.EqualTo(6));
        Assert.That(refusal.ObjectPath, Is.EqualTo("Textbox 'Attack'.Value"));
        Assert.That(refusal.Expression, Does.StartWith("=System.Linq.Enumerable.Sum(New Integer(){1}, Function(a1)"));
        Assert.That(ProcStat.ResidentBytes(Environment.ProcessId) - before, Is.LessThan(50L * 1024 * 1024), "the bomb grows the worker, not this process");

        var next = await CompileAsync(File.ReadAllBytes(Sample("Sales.rdl")), "Sales.rdl");
        Assert.That(next.Success, Is.True, "a fresh worker replaces the killed one");
        Assert.That(_pool.StartedCount, Is.GreaterThan(started));
    }

    [Test]
    public async Task Doubling_string_constants_are_stopped_and_refused_at_their_Code_line()
    {
        var result = await CompileAsync(Hostile("ConstantDoubling.rdl"), "ConstantDoubling.rdl");

        Assert.That(result.Success, Is.False);
        var refusal = result.Diagnostics.Single();
        Assert.That(refusal.Code, Is.EqualTo(CompileWorkerPool.OverBudget));
        Assert.That(refusal.Message, Does.Contain("this line of the Code block").And.Contain("limit"));
        Assert.That(refusal.ObjectPath, Is.EqualTo("Code"));
        Assert.That(refusal.Expression, Does.StartWith("Const A"));
    }

    [Test]
    public async Task A_refusal_is_remembered_by_content_so_a_cold_cache_does_not_compile_it_again()
    {
        var bytes = Hostile("NestedLambdas.rdl");
        var report = RdlReader.Read(bytes, "First.rdl").Report!;
        var first = await new CompilationCache(_folder, workers: _pool).GetOrCompileAsync(bytes, report, "First.rdl");
        Assert.That(first.Diagnostics.Single().Code, Is.EqualTo(CompileWorkerPool.OverBudget));

        var cold = new CompilationCache(_folder, workers: _pool);
        var again = await cold.GetOrCompileAsync(bytes, report, "Second.rdl");

        Assert.That(cold.CompileCount, Is.Zero);
        var refusal = again.Diagnostics.Single();
        Assert.That(refusal.Code, Is.EqualTo(CompileWorkerPool.OverBudget));
        Assert.That(refusal.Message, Does.Contain("Report 'Second' is refused").And.Contain("remembered"));
        Assert.That(refusal.Location.File, Is.EqualTo("Second.rdl"));
    }

    [Test]
    public async Task A_warm_worker_that_died_while_idle_is_replaced_without_failing_the_compile()
    {
        using var pool = new CompileWorkerPool(Limits);
        var sales = File.ReadAllBytes(Sample("Sales.rdl"));
        Assert.That((await pool.CompileAsync(sales, "Sales.rdl", WasmModuleSet.Empty, 1)).Success, Is.True);
        using (var idle = System.Diagnostics.Process.GetProcessById(pool.IdleProcessIds.Single()))
        {
            idle.Kill();
            await idle.WaitForExitAsync();
        }

        var again = await pool.CompileAsync(sales, "Sales.rdl", WasmModuleSet.Empty, 1);

        Assert.That(again.Success, Is.True, string.Join("\n", again.Diagnostics));
        Assert.That(pool.StartedCount, Is.EqualTo(2));
    }

    [Test]
    public async Task The_worker_gets_none_of_the_host_environment()
    {
        const string name = "DataBroker__Credentials__WorkerCanary__Password";
        Environment.SetEnvironmentVariable(name, "worker-canary-3f9c");
        using var pool = new CompileWorkerPool(Limits);
        try
        {
            Assert.That((await pool.CompileAsync(File.ReadAllBytes(Sample("Sales.rdl")), "Sales.rdl", WasmModuleSet.Empty, 1)).Success, Is.True);
            var pid = pool.IdleProcessIds.Single();
            var environment = File.ReadAllText($"/proc/{pid}/environ");
            Assert.That(environment, Does.Not.Contain("worker-canary-3f9c").And.Contain("DOTNET_GCHeapHardLimit="));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
