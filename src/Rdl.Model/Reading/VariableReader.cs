using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions;

namespace Rdl.Model.Reading;

/// <summary>Reads <c>&lt;Variables&gt;</c> of a Report or a Group: each Variable's Name and Value.</summary>
internal static class VariableReader
{
    private const string Variable = "Variable";
    private const string Value = "Value";

    public static ImmutableArray<VariableDefinition> Read(ReadContext context, XElement element, string owner)
    {
        var variables = ImmutableArray.CreateBuilder<VariableDefinition>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName != Variable)
            {
                context.Unknown(child, owner + ".Variables");
                continue;
            }
            var name = context.RequiredName(child, "Variable", "Variable" + (variables.Count + 1));
            var value = context.Children(child).FirstOrDefault(e => e.Name.LocalName == Value);
            var site = $"{owner}.Variables!{name}";
            var expression = value is null
                ? new Expressions.ExpressionText("=Nothing", context.LocationOf(child), site)
                : context.Expression(value, site);
            variables.Add(new VariableDefinition(name, expression, context.LocationOf(child)));
        }
        return variables.ToImmutable();
    }
}
