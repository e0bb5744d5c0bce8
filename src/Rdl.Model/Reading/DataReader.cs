using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Data;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Expressions;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>Reads DataSources, DataSets (Query, QueryParameters, Fields) and Filters.</summary>
internal sealed class DataReader(ReadContext context)
{
    private const string InlineRowsElement = "Rows";

    public ImmutableArray<DataSourceDefinition> ReadDataSources(XElement dataSources)
    {
        var list = ImmutableArray.CreateBuilder<DataSourceDefinition>();
        foreach (var child in context.Children(dataSources))
        {
            if (child.Name.LocalName == N.DataSource) list.Add(ReadDataSource(child, list.Count));
            else context.Unknown(child, N.DataSources);
        }
        return list.ToImmutable();
    }

    public ImmutableArray<DataSetDefinition> ReadDataSets(XElement dataSets)
    {
        var list = ImmutableArray.CreateBuilder<DataSetDefinition>();
        foreach (var child in context.Children(dataSets))
        {
            if (child.Name.LocalName == N.DataSet) list.Add(ReadDataSet(child, list.Count));
            else context.Unknown(child, N.DataSets);
        }
        return list.ToImmutable();
    }

    /// <summary>Reads &lt;Filters&gt;: Filter/{FilterExpression, Operator, FilterValues/FilterValue}.</summary>
    public ImmutableArray<FilterDefinition> ReadFilters(XElement filters, string owner)
    {
        var list = ImmutableArray.CreateBuilder<FilterDefinition>();
        foreach (var child in context.Children(filters))
        {
            if (child.Name.LocalName == N.Filter) list.Add(ReadFilter(child, $"{owner}.Filters[{list.Count}]"));
            else context.Unknown(child, owner + ".Filters");
        }
        return list.ToImmutable();
    }

    private DataSourceDefinition ReadDataSource(XElement element, int index)
    {
        var name = context.RequiredName(element, "DataSource", $"DataSource{index + 1}");
        var owner = $"DataSource '{name}'";
        string? provider = null, connectString = null, reference = null;
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.ConnectionProperties:
                    foreach (var property in context.Children(child))
                    {
                        switch (property.Name.LocalName)
                        {
                            case N.DataProvider: provider = ReadContext.Text(property); break;
                            case N.ConnectString: connectString = property.Value; break;
                            default: context.Unknown(property, owner + ".ConnectionProperties"); break;
                        }
                    }
                    break;
                case N.DataSourceReference: reference = ReadContext.Text(child); break;
                default: context.Unknown(child, owner); break;
            }
        }
        return new DataSourceDefinition(name, provider, connectString, reference, context.LocationOf(element));
    }

    private DataSetDefinition ReadDataSet(XElement element, int index)
    {
        var name = context.RequiredName(element, "DataSet", $"DataSet{index + 1}");
        var owner = $"DataSet '{name}'";
        QueryDefinition? query = null;
        string? sharedReference = null;
        var sharedParameters = ImmutableArray<QueryParameterDefinition>.Empty;
        var fields = ImmutableArray<FieldDefinition>.Empty;
        var filters = ImmutableArray<FilterDefinition>.Empty;
        // fyiReporting carries rows in the DataSet: <Rows> in the report's namespace, or <fyi:Rows> in its own.
        var inlineRows = element.Elements().FirstOrDefault(e => e.Name.LocalName == InlineRowsElement)?.ToString(SaveOptions.DisableFormatting);
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case InlineRowsElement: break;
                case N.Query: query = ReadQuery(child, owner); break;
                case N.Fields: fields = ReadFields(child, owner); break;
                case N.Filters: filters = ReadFilters(child, owner); break;
                case N.SharedDataSet:
                    foreach (var shared in context.Children(child))
                    {
                        if (shared.Name.LocalName == N.SharedDataSetReference) sharedReference = ReadContext.Text(shared);
                        else if (shared.Name.LocalName == N.QueryParameters) sharedParameters = ReadQueryParameters(shared, owner + ".SharedDataSet");
                        else context.Unknown(shared, owner + ".SharedDataSet");
                    }
                    break;
                default: context.Unknown(child, owner); break;
            }
        }
        var location = context.LocationOf(element);
        if (query is null && sharedReference is null && inlineRows is null)
        {
            context.Warning(RdlDiagnosticCodes.DataSetWithoutQuery,
                $"{owner} has no Query; its rows must be supplied by the caller.", element, owner);
        }
        // A shared dataset's parameter values are the report's; its query and source come from the catalog at render time.
        query ??= new QueryDefinition(string.Empty, string.Empty, null, sharedParameters, location);
        return new DataSetDefinition(name, query, fields, location) { Filters = filters, SharedDataSetReference = sharedReference, InlineRows = inlineRows };
    }

    private QueryDefinition ReadQuery(XElement element, string owner)
    {
        string? dataSourceName = null, commandType = null;
        var commandText = string.Empty;
        var parameters = ImmutableArray<QueryParameterDefinition>.Empty;
        var where = owner + ".Query";
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.DataSourceName: dataSourceName = ReadContext.Text(child); break;
                case N.CommandText: commandText = child.Value; break;
                case N.CommandType: commandType = ReadContext.Text(child); break;
                case N.QueryParameters: parameters = ReadQueryParameters(child, where); break;
                default: context.Unknown(child, where); break;
            }
        }
        if (dataSourceName is null)
            context.Error(RdlDiagnosticCodes.MissingRequired, $"The Query of {owner} has no DataSourceName.", element, owner);
        return new QueryDefinition(dataSourceName ?? string.Empty, commandText, commandType, parameters, context.LocationOf(element));
    }

    private ImmutableArray<QueryParameterDefinition> ReadQueryParameters(XElement element, string where)
    {
        var list = ImmutableArray.CreateBuilder<QueryParameterDefinition>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName != N.QueryParameter)
            {
                context.Unknown(child, where + ".QueryParameters");
                continue;
            }
            var name = context.RequiredName(child, "QueryParameter", $"Parameter{list.Count + 1}");
            var site = $"{where}.QueryParameter '{name}'";
            ExpressionText? value = null;
            foreach (var property in context.Children(child))
            {
                if (property.Name.LocalName == N.Value) value = context.Expression(property, site);
                else context.Unknown(property, site);
            }
            if (value is null)
                context.Error(RdlDiagnosticCodes.MissingRequired, $"{site} has no Value.", child, where);
            list.Add(new QueryParameterDefinition(name, value ?? new ExpressionText(string.Empty, context.LocationOf(child), site), context.LocationOf(child)));
        }
        return list.ToImmutable();
    }

    private ImmutableArray<FieldDefinition> ReadFields(XElement element, string owner)
    {
        var list = ImmutableArray.CreateBuilder<FieldDefinition>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName == N.Field) list.Add(ReadField(child, owner, list.Count));
            else context.Unknown(child, owner + ".Fields");
        }
        return list.ToImmutable();
    }

    private FieldDefinition ReadField(XElement element, string owner, int index)
    {
        var name = context.RequiredName(element, $"A Field of {owner}", $"Field{index + 1}");
        var site = $"{owner}.Field '{name}'";
        string? dataField = null, typeName = null;
        ExpressionText? value = null;
        foreach (var child in element.Elements())
        {
            var local = child.Name.LocalName;
            if (child.Name.Namespace == RdlNamespaces.ReportDesigner)
            {
                if (local == N.TypeName) typeName = ReadContext.Text(child);
                continue;
            }
            if (child.Name.Namespace != context.Namespace) continue;
            switch (local)
            {
                case N.DataField: dataField = ReadContext.Text(child); break;
                case N.Value: value = context.Expression(child, site + ".Value"); break;
                case N.TypeName: typeName = ReadContext.Text(child); break;
                default: context.Unknown(child, site); break;
            }
        }
        return new FieldDefinition(name, dataField, value, typeName, context.LocationOf(element));
    }

    private FilterDefinition ReadFilter(XElement element, string site)
    {
        ExpressionText? expression = null;
        var op = "Equal";
        var values = ImmutableArray.CreateBuilder<ExpressionText>();
        foreach (var child in context.Children(element))
        {
            switch (child.Name.LocalName)
            {
                case N.FilterExpression: expression = context.Expression(child, site + ".FilterExpression"); break;
                case N.Operator: op = ReadContext.Text(child) ?? op; break;
                case N.FilterValues:
                    foreach (var value in context.Children(child))
                    {
                        if (value.Name.LocalName == N.FilterValue) values.Add(context.Expression(value, $"{site}.FilterValues[{values.Count}]"));
                        else context.Unknown(value, site + ".FilterValues");
                    }
                    break;
                default: context.Unknown(child, site); break;
            }
        }
        if (expression is null)
            context.Error(RdlDiagnosticCodes.MissingRequired, $"{site} has no FilterExpression.", element, site);
        return new FilterDefinition(expression ?? new ExpressionText(string.Empty, context.LocationOf(element), site), op, values.ToImmutable(), context.LocationOf(element));
    }
}
