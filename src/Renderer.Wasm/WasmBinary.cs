using System.Text;

namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>Reads custom sections out of a WebAssembly binary (Wasmtime's .NET API does not expose them).</summary>
internal static class WasmBinary
{
    private static ReadOnlySpan<byte> Preamble => [0x00, 0x61, 0x73, 0x6D];

    /// <summary>The UTF-8 text of the first custom section called <paramref name="name"/>; null when absent or the bytes are not a module.</summary>
    public static string? FindCustomSection(ReadOnlySpan<byte> module, string name)
    {
        if (module.Length < 8 || !module[..4].SequenceEqual(Preamble)) return null;
        var position = 8;
        while (position < module.Length)
        {
            var id = module[position++];
            if (!TryReadU32(module, ref position, out var size) || size > module.Length - position) return null;
            var body = module.Slice(position, (int)size);
            position += (int)size;
            if (id != 0) continue;
            var inner = 0;
            if (!TryReadU32(body, ref inner, out var nameLength) || nameLength > body.Length - inner) return null;
            var sectionName = Encoding.UTF8.GetString(body.Slice(inner, (int)nameLength));
            if (sectionName == name) return Encoding.UTF8.GetString(body[(inner + (int)nameLength)..]);
        }
        return null;
    }

    private static bool TryReadU32(ReadOnlySpan<byte> bytes, ref int position, out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= bytes.Length) return false;
            var b = bytes[position++];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }
}
