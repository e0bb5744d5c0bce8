using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>Reads ReportParameters: name, data type, flags, prompt and constant/expression default values.</summary>
internal sealed class ParameterReader(ReadContext context)
{
    public ImmutableArray<ReportParameterDefinition> Read(XElement reportParameters)
    {
        var list = ImmutableArray.CreateBuilder<ReportParameterDefinition>();
        foreach (var child in context.Children(reportParameters))
        {
            if (child.Name.LocalName == N.ReportParameter) list.Add(ReadParameter(child, list.Count));
            else context.Unknown(child, N.ReportParameters);
        }
        return list.ToImmutable();
    }

    private ReportParameterDefinition ReadParameter(XElement element, int index)
    {
        var name = context.RequiredName(element, "ReportParameter", $"Parameter{index + 1}");
        var owner = $"ReportParameter '{name}'";
        var dataType = ReportParameterType.String;
        bool nullable = false, allowBlank = false, multiValue = false, hidden = false;
        string? prompt = null;
        var defaults = ImmutableArray<ExpressionText>.Empty;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.DataType: dataType = context.Enum(child, owner, ReportParameterType.String); break;
                case N.Nullable: nullable = context.Bool(child, owner); break;
                case N.AllowBlank: allowBlank = context.Bool(child, owner); break;
                case N.MultiValue: multiValue = context.Bool(child, owner); break;
                case N.Hidden: hidden = context.Bool(child, owner); break;
                case N.Prompt: prompt = child.Value; break;
                case N.DefaultValue: defaults = ReadDefaultValue(child, owner); break;
                default: context.Unknown(child, owner); break;
            }
        }
        return new ReportParameterDefinition(name, dataType, context.LocationOf(element))
        {
            Nullable = nullable,
            AllowBlank = allowBlank,
            MultiValue = multiValue,
            Hidden = hidden,
            Prompt = prompt,
            DefaultValues = defaults,
        };
    }

    private ImmutableArray<ExpressionText> ReadDefaultValue(XElement element, string owner)
    {
        var values = ImmutableArray.CreateBuilder<ExpressionText>();
        var site = owner + ".DefaultValue";
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.Values:
                    foreach (var value in context.Children(child))
                    {
                        if (value.Name.LocalName == N.Value) values.Add(context.Expression(value, site));
                        else context.Unknown(value, site + ".Values");
                    }
                    break;
                case N.DataSetReference:
                    context.Warning(RdlDiagnosticCodes.UnsupportedFeature,
                        $"Default values from a data set are not supported yet; {owner} has no default value.", child, owner);
                    break;
                default: context.Unknown(child, site); break;
            }
        }
        return values.ToImmutable();
    }
}
