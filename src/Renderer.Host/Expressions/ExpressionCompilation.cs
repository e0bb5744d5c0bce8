using System.Collections.Immutable;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Expressions;

/// <summary>
/// The result of compiling a report's expressions: on success the assembly image the sandbox loads
/// (<see cref="AssemblyImage"/>); on failure every compile error as an EXP3001/EXP3002 diagnostic.
/// </summary>
public sealed record ExpressionCompilation(bool Success, ImmutableArray<RdlDiagnostic> Diagnostics, byte[] AssemblyImage, int ExpressionCount)
{
    /// <summary>The WebAssembly code modules the assembly's wrappers call; the render request carries them to the sandbox.</summary>
    public ImmutableArray<Renderer.Sandbox.Runtime.Wasm.WasmModuleImage> WasmModules { get; init; } = [];

    /// <summary>Fuel per call and memory per module for <see cref="WasmModules"/>.</summary>
    public Renderer.Sandbox.Runtime.Wasm.WasmLimits WasmLimits { get; init; } = Renderer.Sandbox.Runtime.Wasm.WasmLimits.Default;

    public static ExpressionCompilation Failed(ImmutableArray<RdlDiagnostic> diagnostics, int expressionCount) =>
        new(false, diagnostics, [], expressionCount);
}
