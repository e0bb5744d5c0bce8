using System.Text.RegularExpressions;

namespace Renderer.Sandbox.Runtime.Wasm;

/// <summary>
/// Parses the <see cref="WasmAbi.SignatureSection"/> text: one <c>name(param: type, ...) -> type</c> per line (parameter
/// names optional), blank lines and lines starting with '#' ignored. Types: i32, i64, f32, f64, string.
/// </summary>
internal static partial class WasmSignatureParser
{
    public static IReadOnlyList<WasmFunctionSignature> Parse(string text, List<string> errors)
    {
        var result = new List<WasmFunctionSignature>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = Declaration().Match(line);
            if (!match.Success)
            {
                errors.Add($"line {lineNumber} of its '{WasmAbi.SignatureSection}' section ('{line}') is not 'name(param: type, ...) -> type'");
                continue;
            }
            var parameters = new List<WasmParameter>();
            var list = match.Groups["params"].Value.Trim();
            var ok = true;
            if (list.Length > 0)
            {
                foreach (var part in list.Split(','))
                {
                    var pieces = part.Split(':', 2);
                    var typeText = pieces.Length == 2 ? pieces[1] : pieces[0];
                    var name = pieces.Length == 2 ? pieces[0].Trim() : "arg" + (parameters.Count + 1);
                    if (!WasmAbi.TryParse(typeText, out var type) || !Identifier().IsMatch(name))
                    {
                        errors.Add($"line {lineNumber} of its '{WasmAbi.SignatureSection}' section has a bad parameter '{part.Trim()}' (use name: i32|i64|f32|f64|string)");
                        ok = false;
                        break;
                    }
                    parameters.Add(new WasmParameter(name, type));
                }
            }
            if (!WasmAbi.TryParse(match.Groups["result"].Value, out var resultType))
            {
                errors.Add($"line {lineNumber} of its '{WasmAbi.SignatureSection}' section has a bad result type '{match.Groups["result"].Value.Trim()}'");
                ok = false;
            }
            if (ok) result.Add(new WasmFunctionSignature(match.Groups["name"].Value, parameters, resultType));
        }
        return result;
    }

    public static bool IsIdentifier(string name) => Identifier().IsMatch(name);

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?<params>[^)]*)\)\s*->\s*(?<result>\w+)$")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
