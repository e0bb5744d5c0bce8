using System.Runtime.CompilerServices;

namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>
/// The one entry point generated module wrappers (<c>Code.TextUtil.Reverse(s)</c>) call; the expression guard allows it and
/// nothing else in this namespace. It finds the render's modules (the sandbox's <c>WasmRuntime</c>) through the expression host.
/// </summary>
public static class WasmBridge
{
    private static readonly ConditionalWeakTable<ReportExpressionHost, IWasmModules> Runtimes = new();

    /// <summary>Calls <paramref name="function"/> of <paramref name="module"/>; returns Integer, Long, Single, Double or String.</summary>
    public static object? Call(ReportExpressionHost host, string module, string function, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Runtimes.TryGetValue(host, out var runtime))
            throw new WasmCallException($"WebAssembly module '{module}' is not available in this render.");
        return runtime.Call(module, function, arguments);
    }

    /// <summary>Gives <paramref name="host"/>'s expressions the modules of <paramref name="runtime"/>.</summary>
    internal static void Attach(ReportExpressionHost host, IWasmModules runtime) => Runtimes.AddOrUpdate(host, runtime);
}
