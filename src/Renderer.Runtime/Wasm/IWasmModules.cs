namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>
/// The WebAssembly modules of one render as <see cref="WasmBridge"/> calls them; the sandbox's <c>WasmRuntime</c> (Wasmtime)
/// implements it, so report code compiles against this small runtime assembly and never against the engine.
/// </summary>
public interface IWasmModules
{
    /// <summary>Calls <paramref name="function"/> of <paramref name="module"/>; returns Integer, Long, Single, Double or String.</summary>
    object? Call(string module, string function, object?[] arguments);
}
