using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Host.Tests.Wasm;

/// <summary>The sandbox's WebAssembly runtime in process: strings and numbers cross the ABI; fuel, memory and traps stop a call with a named cause.</summary>
public sealed class WasmRuntimeTests
{
    private static WasmRuntime Runtime(string name, byte[] bytes, WasmLimits? limits = null) =>
        new([new WasmModuleImage(name, bytes)], limits ?? WasmLimits.Default);

    private static byte[] TextUtil => File.ReadAllBytes(Path.Combine(SampleModuleTests.WasmFolder, "textutil.wasm"));

    [Test]
    public void Textutil_functions_return_their_results()
    {
        using var runtime = Runtime("textutil", TextUtil);
        Assert.That(runtime.Call("textutil", "reverse", ["stressed"]), Is.EqualTo("desserts"));
        Assert.That(runtime.Call("textutil", "reverse", ["añb€"]), Is.EqualTo("€bña"), "code points, not bytes");
        Assert.That(runtime.Call("textutil", "upper", ["wasm in reports"]), Is.EqualTo("WASM IN REPORTS"));
        Assert.That(runtime.Call("textutil", "wordcount", ["  the quick  brown fox "]), Is.EqualTo(4));
        Assert.That(runtime.Call("textutil", "gcd", [84, 36]), Is.EqualTo(12));
        Assert.That(runtime.Call("textutil", "reverse", [null]), Is.EqualTo(string.Empty), "Nothing passes as an empty string");
    }

    [Test]
    public void Dotnet_exceptions_raised_by_signals_still_work_after_webassembly_ran()
    {
        using (var runtime = Runtime("divide", Wat.ToWasm(TestModules.Divide)))
            Assert.Throws<WasmCallException>(() => runtime.Call("divide", "div", [1, 0]));
        // Wasmtime must not replace the runtime's SIGFPE/SIGSEGV handlers: this would crash the process otherwise.
        var zero = int.Parse("0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<DivideByZeroException>(() => _ = 1 / zero);
        string? nothing = null;
        Assert.Throws<NullReferenceException>(() => _ = nothing!.Length);
    }

    [Test]
    public void Many_calls_reuse_the_module_memory()
    {
        using var runtime = Runtime("textutil", TextUtil);
        var text = new string('x', 100_000);
        for (var i = 0; i < 300; i++) Assert.That(runtime.Call("textutil", "upper", [text]), Has.Length.EqualTo(100_000));
    }

    [Test]
    public void An_endless_loop_is_stopped_by_the_fuel_limit()
    {
        using var runtime = Runtime("spin", Wat.ToWasm(TestModules.Spin));
        var error = Assert.Throws<WasmCallException>(() => runtime.Call("spin", "spin", []))!;
        Assert.That(error.Message, Does.Contain("module 'spin', function 'spin'").And.Contain("CPU budget").And.Contain("fuel limit of 10,000,000"));
        // The next call gets a fresh budget and is stopped again, rather than hanging.
        Assert.Throws<WasmCallException>(() => runtime.Call("spin", "spin", []));
    }

    [Test]
    public void Growing_memory_forever_hits_the_memory_limit()
    {
        using var runtime = Runtime("hog", Wat.ToWasm(TestModules.Hog));
        var error = Assert.Throws<WasmCallException>(() => runtime.Call("hog", "hog", []))!;
        Assert.That(error.Message, Does.Contain("module 'hog', function 'hog'").And.Contain("memory limit of 16 MiB"));
    }

    [Test]
    public void A_trap_names_its_cause()
    {
        using var runtime = Runtime("divide", Wat.ToWasm(TestModules.Divide));
        Assert.That(runtime.Call("divide", "div", [7, 2]), Is.EqualTo(3));
        var error = Assert.Throws<WasmCallException>(() => runtime.Call("divide", "div", [1, 0]))!;
        Assert.That(error.Message, Does.Contain("function 'div'").And.Contain("trapped: integer division by zero"));
    }
}
