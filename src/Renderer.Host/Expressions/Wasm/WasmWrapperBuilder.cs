using System.Text;
using Rdl.Model.Diagnostics;
using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Host.Expressions.Wasm;

/// <summary>The VB pieces for a report's modules: fields of <c>CustomCode</c>, their set-up in the constructor, and one class per module.</summary>
internal sealed record WasmVbCode(string CodeMembers, string ConstructorLines, string Classes)
{
    public static WasmVbCode None { get; } = new(string.Empty, string.Empty, string.Empty);
}

/// <summary>
/// Inspects each resolved module (<see cref="WasmModuleInspector"/>) and writes a typed VB wrapper for it, so that
/// <c>Code.TextUtil.Reverse(s)</c> in an expression (VB is case-insensitive) calls export <c>reverse</c> of module
/// <c>textutil</c> through <see cref="WasmBridge"/>. A module that breaks the ABI is an EXP3201 error at its CodeModule.
/// </summary>
internal static class WasmWrapperBuilder
{
    public const string ModuleError = DiagnosticCodes.Expressions.WasmModuleError;
    private const string HostType = "Global.Renderer.Sandbox.Runtime.ReportExpressionHost";
    private const string BridgeType = "Global.Renderer.Sandbox.Runtime.Wasm.WasmBridge";

    public static WasmVbCode Build(WasmModuleSet modules, List<RdlDiagnostic> diagnostics)
    {
        if (modules.Modules.IsDefaultOrEmpty) return WasmVbCode.None;
        var members = new StringBuilder();
        var constructor = new StringBuilder();
        var classes = new StringBuilder();
        foreach (var module in modules.Modules)
        {
            var description = WasmModuleInspector.Inspect(module.Image.Name, module.Image.Bytes);
            if (!description.IsValid)
            {
                foreach (var error in description.Errors)
                    diagnostics.Add(RdlDiagnostic.Error(ModuleError, $"WebAssembly module '{module.Image.Name}' is refused: {error}.",
                        module.Reference.Location, "CodeModules", module.Reference.Name));
                continue;
            }
            var className = ClassName(module.Image.Name);
            members.Append("        Public [").Append(module.Image.Name).Append("] As ").Append(className).Append('\n');
            constructor.Append("        Code.[").Append(module.Image.Name).Append("] = New ").Append(className).Append("(Me)\n");
            AppendClass(classes, className, description);
        }
        return new WasmVbCode(members.ToString(), constructor.ToString(), classes.ToString());
    }

    private static string ClassName(string module) => "WasmModule_" + module;

    private static void AppendClass(StringBuilder text, string className, WasmModuleDescription module)
    {
        text.Append("    Public NotInheritable Class ").Append(className).Append('\n');
        text.Append("        Private ReadOnly WasmHost__ As ").Append(HostType).Append('\n');
        text.Append("        Friend Sub New(host As ").Append(HostType).Append(")\n");
        text.Append("            Me.WasmHost__ = host\n");
        text.Append("        End Sub\n");
        foreach (var function in module.Functions)
        {
            var parameters = string.Join(", ", function.Parameters.Select(p => $"ByVal [{p.Name}] As {VbType(p.Type)}"));
            var arguments = string.Join(", ", function.Parameters.Select(p => $"[{p.Name}]"));
            text.Append("        ''' <summary>").Append(Escape(function.ToString())).Append("</summary>\n");
            text.Append("        Public Function [").Append(function.Name).Append("](").Append(parameters).Append(") As ").Append(VbType(function.Result)).Append('\n');
            text.Append("            Return CType(").Append(BridgeType).Append(".Call(Me.WasmHost__, \"").Append(module.Name).Append("\", \"")
                .Append(function.Name).Append("\", New Object() {").Append(arguments).Append("}), ").Append(VbType(function.Result)).Append(")\n");
            text.Append("        End Function\n");
        }
        text.Append("    End Class\n\n");
    }

    private static string VbType(WasmValueType type) => type switch
    {
        WasmValueType.Int32 => "Integer",
        WasmValueType.Int64 => "Long",
        WasmValueType.Float32 => "Single",
        WasmValueType.Float64 => "Double",
        _ => "String",
    };

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
