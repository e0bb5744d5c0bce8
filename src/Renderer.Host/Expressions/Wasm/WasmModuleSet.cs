using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Host.Expressions.Wasm;

/// <summary>A report's resolved WebAssembly modules (bytes read from the modules folder) and the reference problems found.</summary>
public sealed record WasmModuleSet(ImmutableArray<ResolvedWasmModule> Modules, ImmutableArray<RdlDiagnostic> Diagnostics, WasmLimits Limits)
{
    public static WasmModuleSet Empty { get; } = new([], [], WasmLimits.Default);

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public ImmutableArray<WasmModuleImage> Images => [.. Modules.Select(m => m.Image)];
}

/// <summary>One module a report references: the CodeModule element and the bytes of <c>{folder}/{name}.wasm</c>.</summary>
public sealed record ResolvedWasmModule(CodeModuleReference Reference, WasmModuleImage Image);
