using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Styling;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Renderer.Host.Expressions;

/// <summary>
/// Checks the scope argument of aggregates and scope functions when it is a string literal, as SSRS does when it
/// publishes a report: the name must be a dataset, or a data region or group; a data region or group must contain
/// the expression (be the tablix the expression sits in, or one of its groups). Lookup's last argument must name a
/// dataset. Each violation is EXP3010 naming the expression, the scope and the item. <c>Parameters!X</c> must name a
/// declared report parameter and <c>Fields!X</c> a field of one of the report's datasets (EXP3012), as SSRS checks when it
/// publishes (<c>Fields!X.IsMissing</c> excepted); which dataset a field belongs to is left to processing, which names the
/// expression when it is not there.
/// </summary>
internal static class ScopeValidator
{
    public const string InvalidScope = DiagnosticCodes.Expressions.InvalidScope;

    public const string UndeclaredReference = DiagnosticCodes.Expressions.UndeclaredReference;

    /// <summary>Function name -> index of its scope argument.</summary>
    private static readonly Dictionary<string, int> ScopeArgument = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sum"] = 1, ["Avg"] = 1, ["Count"] = 1, ["CountDistinct"] = 1, ["Min"] = 1, ["Max"] = 1, ["First"] = 1,
        ["Last"] = 1, ["StDev"] = 1, ["StDevP"] = 1, ["Var"] = 1, ["VarP"] = 1, ["Aggregate"] = 1, ["CountRows"] = 0,
        ["RunningValue"] = 2, ["Previous"] = 1, ["RowNumber"] = 0, ["Level"] = 0, ["InScope"] = 0,
        ["Lookup"] = 3, ["LookupSet"] = 3, ["MultiLookup"] = 3,
    };

    public static IEnumerable<(int Index, RdlDiagnostic Diagnostic)> Check(ReportDefinition report, ImmutableArray<ExpressionText> expressions)
    {
        var scopes = ReportScopes.Of(report);
        var enclosing = EnclosingRegions(report);
        var parameters = report.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fields = report.DataSets.SelectMany(d => d.Fields).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < expressions.Length; i++)
        {
            var expression = expressions[i];
            var parsed = SyntaxFactory.ParseExpression(expression.Code);
            if (parsed.ContainsDiagnostics) continue;
            foreach (var reference in parsed.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
            {
                if (Undeclared(reference, parameters, fields, report.DataSets.Length) is not { } problem) continue;
                yield return (i, RdlDiagnostic.Error(UndeclaredReference, $"The expression of {expression.Site} {problem}.", expression.Location, expression.Site, expression.Raw));
            }
            foreach (var call in parsed.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not IdentifierNameSyntax name || !ScopeArgument.TryGetValue(name.Identifier.ValueText, out var at)) continue;
                if (call.ArgumentList is not { } args || at >= args.Arguments.Count) continue;
                if (args.Arguments[at] is not SimpleArgumentSyntax { Expression: LiteralExpressionSyntax literal } || !literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
                var scope = literal.Token.ValueText;
                var function = name.Identifier.ValueText;
                var problem = Problem(scopes, enclosing.GetValueOrDefault(expression), function, scope, at == 3);
                if (problem is null) continue;
                yield return (i, RdlDiagnostic.Error(
                    InvalidScope,
                    $"The expression of {expression.Site} passes scope '{scope}' to {function}, but {problem}.",
                    expression.Location,
                    expression.Site,
                    expression.Raw));
            }
        }
    }

    /// <summary>For <c>Parameters!X</c> or <c>Fields!X</c> naming nothing the report declares, what is wrong; else null.</summary>
    private static string? Undeclared(MemberAccessExpressionSyntax access, HashSet<string> parameters, HashSet<string> fields, int dataSets)
    {
        if (!access.IsKind(SyntaxKind.DictionaryAccessExpression) || access.Expression is not IdentifierNameSyntax collection) return null;
        // Fields!X.IsMissing is how a report asks whether a field exists: it never refers to one.
        if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && member.Equals("IsMissing", StringComparison.OrdinalIgnoreCase)) return null;
        var name = access.Name.Identifier.ValueText;
        switch (collection.Identifier.ValueText.ToLowerInvariant())
        {
            case "parameters" when !parameters.Contains(name):
                return $"refers to the parameter '{name}', but the report has no parameter named '{name}'";
            case "fields" when dataSets > 0 && !fields.Contains(name):
                return $"refers to the field '{name}', but no dataset of the report declares a field named '{name}'";
            default:
                return null;
        }
    }

    private static string? Problem(ReportScopes scopes, List<TablixDefinition>? enclosing, string function, string scope, bool dataSetOnly)
    {
        if (scopes.DataSets.Contains(scope)) return null;
        if (dataSetOnly) return $"the report has no dataset named '{scope}'";
        if (!scopes.Contains(scope)) return $"the report has no dataset, data region or group named '{scope}'";
        var region = scopes.DataRegions.TryGetValue(scope, out var tablix) ? tablix : scopes.Groups[scope].DataRegion;
        if (enclosing is not null && enclosing.Any(r => ReferenceEquals(r, region))) return null;
        var kind = scopes.DataRegions.ContainsKey(scope) ? "data region" : "group";
        return $"the {kind} '{scope}' does not contain it (a scope must be the dataset, or a data region or group the expression is in)";
    }

    /// <summary>For each expression inside a data region: the data regions that contain it (nested ones too).</summary>
    private static Dictionary<ExpressionText, List<TablixDefinition>> EnclosingRegions(ReportDefinition report)
    {
        var result = new Dictionary<ExpressionText, List<TablixDefinition>>(ReferenceEqualityComparer.Instance);
        var items = report.Sections.SelectMany(s => s.Body.Items).ToList();
        foreach (var tablix in ReportScopes.RegionsIn(items))
        {
            var alone = new ReportDefinition(report.Name, [], [], [], [new ReportSection(new Body([tablix], default, StyleDefinition.Empty), PageDefinition.Default, default)]);
            foreach (var expression in ExpressionCollector.Collect(alone))
            {
                if (!result.TryGetValue(expression, out var list)) result[expression] = list = [];
                list.Add(tablix);
            }
        }
        return result;
    }
}
