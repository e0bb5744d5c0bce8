namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>
/// The WebAssembly modules of one render: each is instantiated once, on its first call, and disposed with the render.
/// A module that cannot start fails every call to it with the same message.
/// </summary>
public sealed class WasmRuntime : IWasmModules, IDisposable
{
    private readonly Dictionary<string, WasmModuleImage> _images;
    private readonly WasmLimits _limits;
    private readonly Dictionary<string, WasmModuleInstance> _instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WasmCallException> _failed = new(StringComparer.OrdinalIgnoreCase);

    public WasmRuntime(IEnumerable<WasmModuleImage> modules, WasmLimits limits)
    {
        _images = modules.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        _limits = limits;
    }

    /// <summary>The runtime for <paramref name="input"/>'s modules, attached to the evaluator's host; null when there are none.</summary>
    public static WasmRuntime? Attach(CompiledExpressionEvaluator evaluator, RenderInput input)
    {
        if (input.WasmModules.Count == 0 || evaluator.Host is not { } host) return null;
        var runtime = new WasmRuntime(input.WasmModules, input.WasmLimits);
        WasmBridge.Attach(host, runtime);
        return runtime;
    }

    public object? Call(string module, string function, object?[] arguments)
    {
        if (_failed.TryGetValue(module, out var failure)) throw new WasmCallException(failure.Message, failure);
        if (!_instances.TryGetValue(module, out var instance))
        {
            if (!_images.TryGetValue(module, out var image))
                throw new WasmCallException($"WebAssembly module '{module}' was not sent with this render.");
            try
            {
                instance = WasmModuleInstance.Create(image, _limits);
            }
            catch (WasmCallException ex)
            {
                _failed[module] = ex;
                throw;
            }
            _instances[module] = instance;
        }
        return instance.Call(function, arguments);
    }

    public void Dispose()
    {
        foreach (var instance in _instances.Values) instance.Dispose();
        _instances.Clear();
    }
}
