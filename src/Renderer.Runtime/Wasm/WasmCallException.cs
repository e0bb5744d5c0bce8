namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>A WebAssembly call failed; the message names the module, the function and the cause.</summary>
public sealed class WasmCallException(string message, Exception? inner = null) : Exception(message, inner);
