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

/// <summary>Stops start-up on a <c>Renderer:WasmModules</c> limit that cannot work, naming it.</summary>
public sealed class WasmModuleOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<WasmModuleOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, WasmModuleOptions options)
    {
        var failures = new List<string>();
        if (options.FuelPerCall <= 0) failures.Add($"Renderer:WasmModules:FuelPerCall is {options.FuelPerCall}; it must be positive.");
        if (options.MemoryLimitMegabytes is < 1 or > 4096) failures.Add($"Renderer:WasmModules:MemoryLimitMegabytes is {options.MemoryLimitMegabytes}; use 1 to 4096 (a 32-bit module's most).");
        if (options.MaxModuleKilobytes is < 1 or > 1024 * 1024) failures.Add($"Renderer:WasmModules:MaxModuleKilobytes is {options.MaxModuleKilobytes}; use 1 to 1048576.");
        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
