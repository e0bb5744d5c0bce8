using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions;

namespace Rdl.Model.Reading;

/// <summary>Reads <c>&lt;CodeModules&gt;</c>: each CodeModule's text and position. An empty CodeModule is RDL1005.</summary>
internal static class CodeModuleReader
{
    private const string CodeModule = "CodeModule";

    public static ImmutableArray<CodeModuleReference> Read(ReadContext context, XElement element)
    {
        var modules = ImmutableArray.CreateBuilder<CodeModuleReference>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName != CodeModule)
            {
                context.Unknown(child, "CodeModules");
                continue;
            }
            var name = ReadContext.Text(child);
            if (name is null)
            {
                context.Error(RdlDiagnosticCodes.MissingRequired, "A CodeModule is empty: name a module, for example wasm:textutil.", child, "CodeModules");
                continue;
            }
            modules.Add(new CodeModuleReference(name, context.LocationOf(child)));
        }
        return modules.ToImmutable();
    }
}
