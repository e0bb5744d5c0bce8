using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Sandbox.Protocol;

/// <summary>
/// The WebAssembly part of a render request, after its other fields: the limits, then each module's name and bytes.
/// A request without it (nothing left in the payload) has no modules and the default limits.
/// </summary>
internal static class WasmCodec
{
    /// <param name="always">Write the part even when it holds only defaults (an optional part follows it).</param>
    public static void Write(RenderInput input, PayloadWriter writer, bool always = false)
    {
        if (!always && input.WasmModules.Count == 0 && input.WasmLimits == WasmLimits.Default) return;
        writer.WriteInt64(input.WasmLimits.FuelPerCall);
        writer.WriteInt64(input.WasmLimits.MemoryLimitBytes);
        writer.WriteCount(input.WasmModules.Count);
        foreach (var module in input.WasmModules)
        {
            writer.WriteString(module.Name);
            writer.WriteBytes(module.Bytes);
        }
    }

    public static RenderInput Read(RenderInput input, PayloadReader reader)
    {
        if (reader.Remaining == 0) return input;
        var limits = new WasmLimits(reader.ReadInt64(), reader.ReadInt64());
        if (limits.FuelPerCall <= 0 || limits.MemoryLimitBytes <= 0) throw new ProtocolException("Invalid WebAssembly limits.");
        var count = reader.ReadCount(minElementSize: 8);
        var modules = new List<WasmModuleImage>(count);
        for (var i = 0; i < count; i++) modules.Add(new WasmModuleImage(reader.ReadString(), reader.ReadBytes()));
        return input with { WasmModules = modules, WasmLimits = limits };
    }
}
