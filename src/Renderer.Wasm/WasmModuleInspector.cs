using Wasmtime;

namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>What a module offers to expressions, or why it cannot be used (each reason a sentence fragment).</summary>
public sealed record WasmModuleDescription(string Name, IReadOnlyList<WasmFunctionSignature> Functions, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public WasmFunctionSignature? Find(string function) => Functions.FirstOrDefault(f => f.Name == function);
}

/// <summary>
/// Checks a module against <see cref="WasmAbi"/>: it must compile, import nothing, declare every string-using export in
/// the signature section with a matching core type, export <c>memory</c> (and <c>alloc</c> when a string is passed in),
/// and every other callable export must be numeric with one result. Used by the host at compile time and the sandbox
/// before instantiating.
/// </summary>
public static class WasmModuleInspector
{
    public static WasmModuleDescription Inspect(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var errors = new List<string>();
        Module module;
        try
        {
            module = Module.FromBytes(WasmEngine.Shared, name, bytes);
        }
        catch (WasmtimeException ex)
        {
            return new WasmModuleDescription(name, [], [$"it is not a valid WebAssembly module: {FirstLine(ex.Message)}"]);
        }
        using (module)
        {
            foreach (var import in module.Imports)
                errors.Add($"it imports '{import.ModuleName}.{import.Name}' ({Kind(import)}), and modules may import nothing");

            var functions = module.Exports.OfType<FunctionExport>().ToDictionary(f => f.Name, StringComparer.Ordinal);
            var memory = module.Exports.OfType<MemoryExport>().FirstOrDefault(m => m.Name == WasmAbi.MemoryExport);
            var section = WasmBinary.FindCustomSection(bytes, WasmAbi.SignatureSection);
            var declared = section is null ? [] : WasmSignatureParser.Parse(section, errors);
            var result = new List<WasmFunctionSignature>();
            foreach (var signature in declared)
            {
                if (!functions.TryGetValue(signature.Name, out var export))
                {
                    errors.Add($"it declares '{signature.Name}' in its '{WasmAbi.SignatureSection}' section but exports no such function");
                    continue;
                }
                var expected = Lower(signature);
                if (!expected.Parameters.SequenceEqual(export.Parameters) || !expected.Results.SequenceEqual(export.Results))
                {
                    errors.Add($"export '{signature.Name}' is declared as {signature} but its WebAssembly type is {Core(export.Parameters, export.Results)} (expected {Core(expected.Parameters, expected.Results)})");
                    continue;
                }
                result.Add(signature);
            }
            foreach (var export in functions.Values.Where(f => WasmAbi.IsCallable(f.Name) && declared.All(d => d.Name != f.Name)))
            {
                if (Numeric(export) is { } signature) result.Add(signature);
                else errors.Add($"export '{export.Name}' has the unsupported type {Core(export.Parameters, export.Results)}: use i32/i64/f32/f64 with one result, or declare strings in the '{WasmAbi.SignatureSection}' section");
            }

            var usesStrings = result.Any(f => f.Result == WasmValueType.String || f.Parameters.Any(p => p.Type == WasmValueType.String));
            var takesStrings = result.Any(f => f.Parameters.Any(p => p.Type == WasmValueType.String));
            if (usesStrings && (memory is null || memory.Is64Bit))
                errors.Add($"it passes strings but exports no 32-bit memory named '{WasmAbi.MemoryExport}'");
            if (takesStrings && !(functions.TryGetValue(WasmAbi.AllocExport, out var alloc)
                                  && alloc.Parameters.SequenceEqual([ValueKind.Int32]) && alloc.Results.SequenceEqual([ValueKind.Int32])))
                errors.Add($"it takes strings but exports no '{WasmAbi.AllocExport}(len: i32) -> i32'");
            var duplicates = result.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            foreach (var duplicate in duplicates)
                errors.Add($"it exports several functions named '{duplicate}' apart from letter case, which VB cannot tell apart");
            foreach (var function in result.Where(f => !WasmSignatureParser.IsIdentifier(f.Name)))
                errors.Add($"export '{function.Name}' is not a valid VB name (use letters, digits and '_')");
            return new WasmModuleDescription(name, errors.Count == 0 ? result.OrderBy(f => f.Name, StringComparer.Ordinal).ToList() : [], errors);
        }
    }

    /// <summary>The core WebAssembly type the ABI gives <paramref name="signature"/>.</summary>
    public static (IReadOnlyList<ValueKind> Parameters, IReadOnlyList<ValueKind> Results) Lower(WasmFunctionSignature signature)
    {
        var parameters = new List<ValueKind>();
        foreach (var parameter in signature.Parameters)
        {
            if (parameter.Type == WasmValueType.String) parameters.AddRange([ValueKind.Int32, ValueKind.Int32]);
            else parameters.Add(Kind(parameter.Type));
        }
        return (parameters, [signature.Result == WasmValueType.String ? ValueKind.Int64 : Kind(signature.Result)]);
    }

    private static WasmFunctionSignature? Numeric(FunctionExport export)
    {
        if (export.Results.Count != 1 || ToAbi(export.Results[0]) is not { } result) return null;
        var parameters = new List<WasmParameter>();
        foreach (var kind in export.Parameters)
        {
            if (ToAbi(kind) is not { } type) return null;
            parameters.Add(new WasmParameter("arg" + (parameters.Count + 1), type));
        }
        return new WasmFunctionSignature(export.Name, parameters, result);
    }

    private static WasmValueType? ToAbi(ValueKind kind) => kind switch
    {
        ValueKind.Int32 => WasmValueType.Int32,
        ValueKind.Int64 => WasmValueType.Int64,
        ValueKind.Float32 => WasmValueType.Float32,
        ValueKind.Float64 => WasmValueType.Float64,
        _ => null,
    };

    private static ValueKind Kind(WasmValueType type) => type switch
    {
        WasmValueType.Int32 => ValueKind.Int32,
        WasmValueType.Int64 => ValueKind.Int64,
        WasmValueType.Float32 => ValueKind.Float32,
        _ => ValueKind.Float64,
    };

    private static string Core(IReadOnlyList<ValueKind> parameters, IReadOnlyList<ValueKind> results) =>
        $"({string.Join(", ", parameters.Select(Short))}) -> ({string.Join(", ", results.Select(Short))})";

    private static string Short(ValueKind kind) => kind switch
    {
        ValueKind.Int32 => "i32",
        ValueKind.Int64 => "i64",
        ValueKind.Float32 => "f32",
        ValueKind.Float64 => "f64",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Kind(Import import) => import switch
    {
        FunctionImport => "function",
        MemoryImport => "memory",
        TableImport => "table",
        GlobalImport => "global",
        _ => "import",
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
