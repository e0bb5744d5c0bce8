namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>
/// The tiny ABI between report expressions and a WebAssembly code module (see samples/wasm/README.md).
/// Numbers pass as themselves (i32, i64, f32, f64). A string parameter is lowered to two i32 (pointer, length of UTF-8
/// bytes the host wrote into memory it got from the module's <see cref="AllocExport"/>); a string result is one i64:
/// <c>(pointer &lt;&lt; 32) | length</c>. Functions that use strings are declared in the <see cref="SignatureSection"/>
/// custom section; purely numeric exports need no declaration. A module may import nothing.
/// </summary>
public static class WasmAbi
{
    /// <summary>Custom section holding one declaration per line: <c>reverse(text: string) -> string</c>.</summary>
    public const string SignatureSection = "rdl-functions";

    /// <summary>The linear memory strings travel through.</summary>
    public const string MemoryExport = "memory";

    /// <summary><c>alloc(len: i32) -> i32</c>: where the host may write a string argument of len bytes.</summary>
    public const string AllocExport = "alloc";

    /// <summary>Size of one WebAssembly page.</summary>
    public const int PageSize = 64 * 1024;

    /// <summary>Exports callable from expressions: not alloc, and not names starting with '_' (compiler helpers such as _start).</summary>
    public static bool IsCallable(string exportName) => exportName != AllocExport && !exportName.StartsWith('_');

    public static string Describe(WasmValueType type) => type switch
    {
        WasmValueType.Int32 => "i32",
        WasmValueType.Int64 => "i64",
        WasmValueType.Float32 => "f32",
        WasmValueType.Float64 => "f64",
        _ => "string",
    };

    public static bool TryParse(string text, out WasmValueType type)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "i32" or "int" or "integer": type = WasmValueType.Int32; return true;
            case "i64" or "long": type = WasmValueType.Int64; return true;
            case "f32" or "single": type = WasmValueType.Float32; return true;
            case "f64" or "double": type = WasmValueType.Float64; return true;
            case "string": type = WasmValueType.String; return true;
            default: type = default; return false;
        }
    }
}

/// <summary>A value type of the ABI; VB sees Integer, Long, Single, Double and String.</summary>
public enum WasmValueType
{
    Int32,
    Int64,
    Float32,
    Float64,
    String,
}

/// <summary>One callable export: its name, its parameters (name and type) and its result type.</summary>
public sealed record WasmFunctionSignature(string Name, IReadOnlyList<WasmParameter> Parameters, WasmValueType Result)
{
    public override string ToString() =>
        $"{Name}({string.Join(", ", Parameters.Select(p => $"{p.Name}: {WasmAbi.Describe(p.Type)}"))}) -> {WasmAbi.Describe(Result)}";
}

public sealed record WasmParameter(string Name, WasmValueType Type);
