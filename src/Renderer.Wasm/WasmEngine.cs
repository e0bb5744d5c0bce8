using Wasmtime;

namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>
/// The process's one Wasmtime engine: fuel metering on (every call gets a budget), compilation on the calling thread
/// (no compiler thread pool inside the sandbox), no WebAssembly threads, and no signal handlers of its own (they would
/// take over the runtime's, in the host and the sandbox alike). No WASI is ever linked.
/// </summary>
public static class WasmEngine
{
    private static readonly Lazy<Engine> Engine = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Engine Shared => Engine.Value;

    private static Engine Create()
    {
        var config = new Config()
            .WithFuelConsumption(true)
            .WithParallelCompilation(false)
            .WithWasmThreads(false)
            .WithMaximumStackSize(512 * 1024)
            // No SIGSEGV/SIGFPE/SIGILL handlers: .NET needs its own (a VB "1 \ 0" is a SIGFPE turned into
            // DivideByZeroException). Wasmtime then checks bounds, stack and traps in the generated code instead.
            .WithSignalsBasedTraps(false);
        return new Engine(config);
    }
}
