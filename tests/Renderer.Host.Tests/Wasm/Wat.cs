using System.Runtime.InteropServices;
using System.Text;

namespace Renderer.Host.Tests.Wasm;

/// <summary>WebAssembly text to binary through libwasmtime's own wat2wasm (the same parser the sample's build uses).</summary>
internal static class Wat
{
    public static byte[] ToWasm(string wat)
    {
        var text = Encoding.UTF8.GetBytes(wat);
        var error = Native.wasmtime_wat2wasm(text, (nuint)text.Length, out var vector);
        if (error != IntPtr.Zero)
        {
            Native.wasmtime_error_message(error, out var message);
            var description = Marshal.PtrToStringUTF8(message.Data, (int)message.Size);
            Native.wasm_byte_vec_delete(ref message);
            Native.wasmtime_error_delete(error);
            throw new InvalidOperationException("Invalid WAT: " + description);
        }
        var bytes = new byte[(int)vector.Size];
        Marshal.Copy(vector.Data, bytes, 0, bytes.Length);
        Native.wasm_byte_vec_delete(ref vector);
        return bytes;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ByteVector
    {
        public nuint Size;
        public IntPtr Data;
    }

    private static class Native
    {
        private const string Library = "wasmtime";

        [DllImport(Library)]
        public static extern IntPtr wasmtime_wat2wasm(byte[] wat, nuint length, out ByteVector result);

        [DllImport(Library)]
        public static extern void wasm_byte_vec_delete(ref ByteVector vector);

        [DllImport(Library)]
        public static extern void wasmtime_error_message(IntPtr error, out ByteVector message);

        [DllImport(Library)]
        public static extern void wasmtime_error_delete(IntPtr error);
    }
}
