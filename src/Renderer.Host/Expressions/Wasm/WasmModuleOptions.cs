namespace Renderer.Host.Expressions.Wasm;

/// <summary>
/// Settings under <c>Renderer:WasmModules</c>: the one folder reports may load WebAssembly code modules from
/// (relative to the project root; <c>{ProjectRoot}</c> is replaced) and the run-time limits of every call.
/// </summary>
public sealed class WasmModuleOptions
{
    public const string SectionName = "Renderer:WasmModules";

    /// <summary>The allow-listed modules folder; empty switches WebAssembly modules off.</summary>
    public string Folder { get; set; } = "samples/wasm";

    /// <summary>Fuel (roughly, WebAssembly instructions) each call may use before it is stopped.</summary>
    public long FuelPerCall { get; set; } = 10_000_000;

    /// <summary>Largest linear memory of one module instance.</summary>
    public int MemoryLimitMegabytes { get; set; } = 16;

    /// <summary>Largest module file accepted.</summary>
    public int MaxModuleKilobytes { get; set; } = 4096;
}
