using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads an item's action: RDL 2005 &lt;Action&gt; directly, or RDL 2008+ &lt;ActionInfo&gt;&lt;Actions&gt;&lt;Action&gt;
/// (only the first action is used: an item carries one link in every renderer). An action is a Hyperlink,
/// BookmarkLink or Drillthrough (ReportName, Parameters of Name, Value and Omit).
/// </summary>
internal sealed class ActionReader(ReadContext context)
{
    public ActionDefinition? ReadActionInfo(XElement actionInfo, string owner)
    {
        ActionDefinition? first = null;
        foreach (var child in context.Children(actionInfo))
        {
            if (child.Name.LocalName != "Actions")
            {
                context.Unknown(child, owner + ".ActionInfo");
                continue;
            }
            foreach (var action in context.Children(child))
            {
                if (action.Name.LocalName != "Action") context.Unknown(action, owner + ".ActionInfo.Actions");
                else if (ReadAction(action, owner) is { } read) first ??= read;
            }
        }
        return first;
    }

    public ActionDefinition? ReadAction(XElement action, string owner)
    {
        var site = owner + ".Action";
        ExpressionText? hyperlink = null, bookmarkLink = null;
        DrillthroughDefinition? drillthrough = null;
        foreach (var child in context.Children(action))
        {
            switch (child.Name.LocalName)
            {
                case "Hyperlink": hyperlink = context.Expression(child, site + ".Hyperlink"); break;
                case "BookmarkLink": bookmarkLink = context.Expression(child, site + ".BookmarkLink"); break;
                case "Drillthrough": drillthrough = ReadDrillthrough(child, site + ".Drillthrough"); break;
                case "Label": break;
                default: context.Unknown(child, site); break;
            }
        }
        return hyperlink is null && bookmarkLink is null && drillthrough is null ? null : new ActionDefinition(hyperlink, bookmarkLink, drillthrough);
    }

    private DrillthroughDefinition? ReadDrillthrough(XElement element, string site)
    {
        ExpressionText? reportName = null;
        var parameters = ImmutableArray.CreateBuilder<DrillthroughParameter>();
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "ReportName": reportName = context.Expression(child, site + ".ReportName"); break;
                case "Parameters":
                    foreach (var parameter in context.Children(child))
                    {
                        if (parameter.Name.LocalName != "Parameter")
                        {
                            context.Unknown(parameter, site + ".Parameters");
                            continue;
                        }
                        if (ReadParameter(parameter, $"{site}.Parameters[{parameters.Count}]") is { } read) parameters.Add(read);
                    }
                    break;
                case "BookmarkLink": break;
                default: context.Unknown(child, site); break;
            }
        }
        if (reportName is null)
        {
            context.Warning(RdlDiagnosticCodes.InvalidValue, $"{site} has no ReportName and was ignored.", element, site);
            return null;
        }
        return new DrillthroughDefinition(reportName, parameters.ToImmutable());
    }

    private DrillthroughParameter? ReadParameter(XElement element, string site)
    {
        var name = element.Attribute(RdlElementNames.NameAttribute)?.Value;
        ExpressionText? value = null, omit = null;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case "Value": value = context.Expression(child, site + ".Value"); break;
                case "Omit": omit = context.Expression(child, site + ".Omit"); break;
                default: context.Unknown(child, site); break;
            }
        }
        if (string.IsNullOrWhiteSpace(name) || value is null)
        {
            context.Warning(RdlDiagnosticCodes.InvalidValue, $"{site} needs a Name and a Value; it was ignored.", element, site);
            return null;
        }
        return new DrillthroughParameter(name, value, omit);
    }
}
