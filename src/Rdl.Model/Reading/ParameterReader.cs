using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads ReportParameters: name, data type, flags, prompt, default values (constants/expressions, or a DataSetReference)
/// and valid values (a static ParameterValues list, or a DataSetReference with ValueField/LabelField).
/// </summary>
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
        DataSetReferenceDefinition? defaultDataSet = null, validDataSet = null;
        var validValues = ImmutableArray<ParameterValueDefinition>.Empty;
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
                case N.DefaultValue: defaults = ReadDefaultValue(child, owner, out defaultDataSet); break;
                case ValidValuesElement: validValues = ReadValidValues(child, owner, out validDataSet); break;
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
            DefaultDataSet = defaultDataSet,
            ValidValues = validValues,
            ValidValuesDataSet = validDataSet,
        };
    }

    private ImmutableArray<ExpressionText> ReadDefaultValue(XElement element, string owner, out DataSetReferenceDefinition? dataSet)
    {
        dataSet = null;
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
                case N.DataSetReference: dataSet = ReadDataSetReference(child, site); break;
                default: context.Unknown(child, site); break;
            }
        }
        return values.ToImmutable();
    }

    private ImmutableArray<ParameterValueDefinition> ReadValidValues(XElement element, string owner, out DataSetReferenceDefinition? dataSet)
    {
        dataSet = null;
        var values = ImmutableArray.CreateBuilder<ParameterValueDefinition>();
        var site = owner + ".ValidValues";
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.DataSetReference: dataSet = ReadDataSetReference(child, site); break;
                case "ParameterValues":
                    foreach (var item in context.Children(child))
                    {
                        if (item.Name.LocalName != "ParameterValue")
                        {
                            context.Unknown(item, site + ".ParameterValues");
                            continue;
                        }
                        var itemSite = $"{site}.ParameterValues[{values.Count}]";
                        ExpressionText? value = null, label = null;
                        foreach (var part in context.Children(item))
                        {
                            if (part.Name.LocalName == N.Value) value = context.Expression(part, itemSite + ".Value");
                            else if (part.Name.LocalName == "Label") label = context.Expression(part, itemSite + ".Label");
                            else context.Unknown(part, itemSite);
                        }
                        values.Add(new ParameterValueDefinition(value, label));
                    }
                    break;
                default: context.Unknown(child, site); break;
            }
        }
        return values.ToImmutable();
    }

    private DataSetReferenceDefinition? ReadDataSetReference(XElement element, string site)
    {
        string? dataSetName = null, valueField = null, labelField = null;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.DataSetName: dataSetName = ReadContext.Text(child); break;
                case "ValueField": valueField = ReadContext.Text(child); break;
                case "LabelField": labelField = ReadContext.Text(child); break;
                default: context.Unknown(child, site + ".DataSetReference"); break;
            }
        }
        if (dataSetName is null || valueField is null)
        {
            context.Error(RdlDiagnosticCodes.MissingRequired, $"The DataSetReference of {site} needs a DataSetName and a ValueField.", element, site);
            return null;
        }
        return new DataSetReferenceDefinition(dataSetName, valueField, labelField, context.LocationOf(element));
    }

    private const string ValidValuesElement = "ValidValues";
}
