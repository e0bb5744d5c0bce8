namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>A module's bytes as the host sends them to the sandbox, under the name expressions use (<c>Code.{Name}</c>).</summary>
public sealed record WasmModuleImage(string Name, byte[] Bytes);

/// <summary>Run-time limits of every WebAssembly call: fuel (CPU) per call and linear memory per module instance.</summary>
public sealed record WasmLimits(long FuelPerCall, long MemoryLimitBytes)
{
    public static WasmLimits Default { get; } = new(10_000_000, 16L * 1024 * 1024);
}
