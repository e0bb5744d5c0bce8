using System.Globalization;
using System.Text;
using Wasmtime;

namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>
/// One module instantiated for one render, in its own store: memory capped at <see cref="WasmLimits.MemoryLimitBytes"/>,
/// one instance, few tables, and a fresh fuel budget for every call (strings copied in through <c>alloc</c> count too).
/// Traps, fuel exhaustion and the memory cap become a <see cref="WasmCallException"/> naming the cause.
/// </summary>
internal sealed class WasmModuleInstance : IDisposable
{
    private const uint MaxTableElements = 10_000;
    private readonly WasmModuleDescription _description;
    private readonly WasmLimits _limits;
    private readonly Store _store;
    private readonly Instance _instance;
    private readonly Memory? _memory;
    private readonly Function? _alloc;

    private WasmModuleInstance(WasmModuleDescription description, WasmLimits limits, Store store, Instance instance)
    {
        _description = description;
        _limits = limits;
        _store = store;
        _instance = instance;
        _memory = instance.GetMemory(WasmAbi.MemoryExport);
        _alloc = instance.GetFunction(WasmAbi.AllocExport);
    }

    public string Name => _description.Name;

    public static WasmModuleInstance Create(WasmModuleImage image, WasmLimits limits)
    {
        var description = WasmModuleInspector.Inspect(image.Name, image.Bytes);
        if (!description.IsValid)
            throw new WasmCallException($"WebAssembly module '{image.Name}' cannot be used: {string.Join("; ", description.Errors)}.");
        var store = new Store(WasmEngine.Shared);
        try
        {
            store.SetLimits(memorySize: limits.MemoryLimitBytes, tableElements: MaxTableElements, instances: 1, tables: 4, memories: 1);
            store.Fuel = (ulong)limits.FuelPerCall;
            using var module = Module.FromBytes(WasmEngine.Shared, image.Name, image.Bytes);
            using var linker = new Linker(WasmEngine.Shared);
            var instance = linker.Instantiate(store, module);
            return new WasmModuleInstance(description, limits, store, instance);
        }
        catch (Exception ex) when (ex is WasmtimeException)
        {
            var cause = Cause(ex, store, null, limits);
            store.Dispose();
            throw new WasmCallException($"WebAssembly module '{image.Name}' could not be started: {cause}.", ex);
        }
    }

    public object? Call(string function, object?[] arguments)
    {
        var signature = _description.Find(function)
            ?? throw new WasmCallException($"WebAssembly module '{Name}' has no function '{function}' callable from expressions.");
        if (arguments.Length != signature.Parameters.Count)
            throw new WasmCallException($"WebAssembly function '{Name}.{function}' takes {signature.Parameters.Count} arguments, not {arguments.Length}.");
        var target = _instance.GetFunction(function)!;
        _store.Fuel = (ulong)_limits.FuelPerCall;
        try
        {
            var values = new List<ValueBox>(arguments.Length * 2);
            for (var i = 0; i < arguments.Length; i++) Lower(signature.Parameters[i], arguments[i], values);
            var result = target.Invoke([.. values]);
            return Lift(signature, result);
        }
        catch (Exception ex) when (ex is WasmtimeException)
        {
            throw new WasmCallException($"WebAssembly module '{Name}', function '{function}': {Cause(ex, _store, _memory, _limits)}.", ex);
        }
        catch (WasmCallException ex)
        {
            throw new WasmCallException($"WebAssembly module '{Name}', function '{function}': {ex.Message}", ex);
        }
    }

    private void Lower(WasmParameter parameter, object? value, List<ValueBox> values)
    {
        switch (parameter.Type)
        {
            case WasmValueType.Int32: values.Add(Convert.ToInt32(value ?? 0, CultureInfo.CurrentCulture)); break;
            case WasmValueType.Int64: values.Add(Convert.ToInt64(value ?? 0L, CultureInfo.CurrentCulture)); break;
            case WasmValueType.Float32: values.Add(Convert.ToSingle(value ?? 0f, CultureInfo.CurrentCulture)); break;
            case WasmValueType.Float64: values.Add(Convert.ToDouble(value ?? 0d, CultureInfo.CurrentCulture)); break;
            default:
                var bytes = Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.CurrentCulture) ?? string.Empty);
                var pointer = _alloc!.Invoke(bytes.Length) is int p ? p : throw new WasmCallException($"{WasmAbi.AllocExport} did not return an i32");
                Span(pointer, bytes.Length, WasmAbi.AllocExport + " returned").Clear();
                bytes.CopyTo(Span(pointer, bytes.Length, WasmAbi.AllocExport + " returned"));
                values.Add(pointer);
                values.Add(bytes.Length);
                break;
        }
    }

    private object? Lift(WasmFunctionSignature signature, object? result)
    {
        if (signature.Result != WasmValueType.String) return result;
        var packed = result is long l ? (ulong)l : throw new WasmCallException("it did not return an i64 for its string result");
        var pointer = (int)(uint)(packed >> 32);
        var length = (int)(uint)packed;
        return Encoding.UTF8.GetString(Span(pointer, length, "its string result"));
    }

    private Span<byte> Span(int pointer, int length, string what)
    {
        var size = _memory!.GetLength();
        if (pointer < 0 || length < 0 || (long)(uint)pointer + length > size)
            throw new WasmCallException($"{what} bytes {(uint)pointer}..{(long)(uint)pointer + length} outside its {size}-byte memory");
        return _memory.GetSpan(pointer, length);
    }

    /// <summary>Why a call stopped, in words: fuel, the memory cap, or the trap.</summary>
    private static string Cause(Exception ex, Store store, Memory? memory, WasmLimits limits)
    {
        var atMemoryLimit = memory is not null && memory.GetLength() + WasmAbi.PageSize > limits.MemoryLimitBytes;
        var memoryNote = $"it reached its memory limit of {Megabytes(limits.MemoryLimitBytes)} (memory.grow was refused)";
        var outOfFuel = ex is TrapException { Type: TrapCode.OutOfFuel } || ex.Message.Contains("fuel", StringComparison.OrdinalIgnoreCase);
        if (outOfFuel)
        {
            var fuel = $"stopped after using its whole CPU budget (fuel limit of {limits.FuelPerCall.ToString("N0", CultureInfo.InvariantCulture)} units per call)";
            return atMemoryLimit ? $"{memoryNote}, then {fuel}" : fuel;
        }
        if (ex.Message.Contains("memory", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            return $"it needs more memory than its limit of {Megabytes(limits.MemoryLimitBytes)}: {FirstLine(ex.Message)}";
        var trap = ex is TrapException trapException ? $"it trapped: {Words(trapException.Type.ToString())}" : FirstLine(ex.Message);
        return atMemoryLimit ? $"{memoryNote}, then {trap}" : trap;
    }

    /// <summary>IntegerDivisionByZero -> "integer division by zero".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.##} MiB";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');

    public void Dispose() => _store.Dispose();
}
