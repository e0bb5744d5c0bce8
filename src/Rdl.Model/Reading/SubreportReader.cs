using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads a &lt;Subreport&gt; (RDL 2005 through 2016): ReportName, Parameters (Name, Value, Omit), NoRowsMessage (2005: NoRows),
/// KeepTogether, MergeTransactions, OmitBorderOnPageBreak and the common item properties.
/// </summary>
internal sealed class SubreportReader(ReadContext context, ItemReader items)
{
    public SubreportItem? Read(XElement element)
    {
        var name = context.RequiredName(element, "Subreport", "Subreport");
        var owner = $"Subreport '{name}'";
        var common = new ItemCommon();
        string? reportName = null;
        var parameters = ImmutableArray<SubreportParameter>.Empty;
        ExpressionText? noRows = null;
        bool keepTogether = false, merge = false, omitBorder = false;
        foreach (var child in context.Children(element))
        {
            if (items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case "ReportName": reportName = ReadContext.Text(child); break;
                case "Parameters": parameters = ReadParameters(child, owner); break;
                case "NoRowsMessage":
                case "NoRows":
                    noRows = context.Expression(child, owner + ".NoRowsMessage");
                    break;
                case N.KeepTogether: keepTogether = context.Bool(child, owner); break;
                case "MergeTransactions": merge = context.Bool(child, owner); break;
                case "OmitBorderOnPageBreak": omitBorder = context.Bool(child, owner); break;
                default: context.Unknown(child, owner); break;
            }
        }
        if (reportName is null)
        {
            context.Error(RdlDiagnosticCodes.MissingRequired, $"{owner} has no ReportName.", element, owner);
            return null;
        }
        return new SubreportItem(name, common.Bounds, common.Style, context.LocationOf(element), reportName, parameters)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            Bookmark = common.Bookmark,
            DocumentMapLabel = common.DocumentMapLabel,
            NoRowsMessage = noRows,
            KeepTogether = keepTogether,
            MergeTransactions = merge,
            OmitBorderOnPageBreak = omitBorder,
        };
    }

    private ImmutableArray<SubreportParameter> ReadParameters(XElement element, string owner)
    {
        var list = ImmutableArray.CreateBuilder<SubreportParameter>();
        foreach (var parameter in context.Children(element))
        {
            var site = $"{owner}.Parameters[{list.Count}]";
            if (parameter.Name.LocalName != "Parameter")
            {
                context.Unknown(parameter, owner + ".Parameters");
                continue;
            }
            var name = parameter.Attribute(N.NameAttribute)?.Value.Trim();
            ExpressionText? value = null, omit = null;
            foreach (var child in context.Children(parameter))
            {
                switch (child.Name.LocalName)
                {
                    case "Value": value = context.Expression(child, site + ".Value"); break;
                    case "Omit": omit = context.Expression(child, site + ".Omit"); break;
                    default: context.Unknown(child, site); break;
                }
            }
            if (string.IsNullOrEmpty(name) || value is null)
            {
                context.Warning(RdlDiagnosticCodes.InvalidValue, $"{site} needs a Name and a Value; it was ignored.", parameter, site);
                continue;
            }
            list.Add(new SubreportParameter(name, value, omit));
        }
        return list.ToImmutable();
    }
}
