using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.VisualBasic.Syntax;

namespace Renderer.Host.Expressions.Guard;

/// <summary>One construct the guard refuses: where it is in the generated source and why.</summary>
internal sealed record GuardViolation(int Position, Location Location, string Message);

/// <summary>
/// Walks the generated VB with its semantic model and records every name, call, operator or statement that reaches
/// outside <see cref="GuardAllowList"/>: each name is resolved to its symbol (type, member, or late-bound member name)
/// and checked; Declare, End/Stop and SyncLock statements and writes to a property or field of a type the report does not own
/// (assigned, passed ByRef, a Mid statement's target, a For variable or ReDim) are refused outright.
/// </summary>
internal sealed class GuardWalker(SemanticModel model) : VisualBasicSyntaxWalker(SyntaxWalkerDepth.Node)
{
    private readonly List<GuardViolation> _violations = [];
    private readonly HashSet<int> _reported = [];

    public IReadOnlyList<GuardViolation> Violations => _violations;

    public SemanticModel Model => model;

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        CheckName(node);
        base.VisitIdentifierName(node);
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        CheckName(node);
        base.VisitGenericName(node);
    }

    public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        CheckSymbol(node, model.GetSymbolInfo(node).Symbol);
        base.VisitObjectCreationExpression(node);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (model.GetSymbolInfo(node).Symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op) CheckSymbol(node, op);
        base.VisitBinaryExpression(node);
    }

    public override void VisitDeclareStatement(DeclareStatementSyntax node)
    {
        Report(node, "Declare statements (calls into native libraries) are not allowed in report code");
        base.VisitDeclareStatement(node);
    }

    public override void VisitStopOrEndStatement(StopOrEndStatementSyntax node)
    {
        Report(node, $"the '{node.StopOrEndKeyword.ValueText}' statement is not allowed in report code");
        base.VisitStopOrEndStatement(node);
    }

    public override void VisitSyncLockStatement(SyncLockStatementSyntax node)
    {
        Report(node, "SyncLock (threading) is not allowed in report code");
        base.VisitSyncLockStatement(node);
    }

    public override void VisitAssignmentStatement(AssignmentStatementSyntax node)
    {
        if (node.Left is MidExpressionSyntax mid) CheckMidTarget(mid);
        else if (ForeignWritable(model.GetSymbolInfo(node.Left).Symbol) is { } target) Report(node.Left, ChangeMessage(target));
        base.VisitAssignmentStatement(node);
    }

    public override void VisitSimpleArgument(SimpleArgumentSyntax node)
    {
        CheckByRefArgument(node);
        base.VisitSimpleArgument(node);
    }

    public override void VisitForStatement(ForStatementSyntax node)
    {
        if (ForeignWritable(model.GetSymbolInfo(node.ControlVariable).Symbol) is { } target) Report(node.ControlVariable, ChangeMessage(target));
        base.VisitForStatement(node);
    }

    public override void VisitRedimClause(RedimClauseSyntax node)
    {
        if (ForeignWritable(model.GetSymbolInfo(node.Expression).Symbol) is { } target) Report(node.Expression, ChangeMessage(target));
        base.VisitRedimClause(node);
    }

    /// <summary><c>Mid(s, 1, 2) = "x"</c> writes back to s: only a local variable (or parameter) may be its target.</summary>
    private void CheckMidTarget(MidExpressionSyntax mid)
    {
        if (mid.ArgumentList.Arguments.FirstOrDefault() is not SimpleArgumentSyntax first) return;
        var symbol = model.GetSymbolInfo(first.Expression).Symbol;
        if (symbol is ILocalSymbol or IParameterSymbol) return;
        var named = symbol is null ? first.Expression.ToString() : Describe(symbol);
        Report(first, $"a Mid statement changing '{named}' is not allowed in report code (Mid may only change a local variable)");
    }

    /// <summary>
    /// An argument passed ByRef (or to a late-bound call, which VB copies back) is written back when the call returns:
    /// a property or field of a type the report does not own may not be one.
    /// </summary>
    private void CheckByRefArgument(SimpleArgumentSyntax node)
    {
        if (ForeignWritable(model.GetSymbolInfo(node.Expression).Symbol) is not { } target) return;
        var byRef = model.GetOperation(node.Expression)?.Parent switch
        {
            IArgumentOperation argument => argument.Parameter is { RefKind: not RefKind.None },
            IDynamicInvocationOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation => true,
            IInvalidOperation => true,
            _ => false,
        };
        if (byRef) Report(node, $"passing '{Describe(target)}' ByRef is not allowed in report code (it may not change a property or field of a type it does not own)");
    }

    /// <summary>
    /// <paramref name="symbol"/> when it is a property or field that can be written and belongs to a type the report does
    /// not own; null otherwise. Parameterized (default) properties are element stores of collections (<c>dict(key) = v</c>).
    /// </summary>
    private static ISymbol? ForeignWritable(ISymbol? symbol) => symbol switch
    {
        IPropertySymbol { Parameters.Length: 0, IsReadOnly: false } property when !GuardAllowList.IsFromSource(property) => property,
        IFieldSymbol { IsConst: false, IsReadOnly: false } field when !GuardAllowList.IsFromSource(field) => field,
        _ => null,
    };

    private static string ChangeMessage(ISymbol target) => target.IsStatic
        ? $"report code may not change the shared setting '{Describe(target)}'"
        : $"report code may not change '{Describe(target)}' (a {(target is IFieldSymbol ? "field" : "property")} of a type the report does not own)";

    private void CheckName(SimpleNameSyntax node)
    {
        // Fields!Amount: the name after '!' is a string key, not a member.
        if (node.Parent is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.DictionaryAccessExpression } access && access.Name == node) return;
        var info = model.GetSymbolInfo(node);
        if (info.Symbol is { } symbol)
        {
            CheckSymbol(node, symbol);
            return;
        }
        var lateBoundAccess = IsLateBoundAccess(node);
        if (info.CandidateReason == CandidateReason.LateBound && !lateBoundAccess && !info.CandidateSymbols.IsEmpty)
        {
            // An overloaded call on a known type with Object arguments (UCase(Fields!X.Value)): VB picks among these
            // candidates at run time, so checking every candidate is enough.
            foreach (var candidate in info.CandidateSymbols) CheckSymbol(node, candidate);
            return;
        }
        if (info.CandidateReason == CandidateReason.LateBound || lateBoundAccess)
        {
            var name = node.Identifier.ValueText;
            if (!GuardAllowList.LateBoundNames.Contains(name))
                Report(node, $"the late-bound call '.{name}' is not allowed in report code (a value of type Object may only use {LateBoundHint})");
            return;
        }
        foreach (var candidate in info.CandidateSymbols) CheckSymbol(node, candidate);
    }

    private const string LateBoundHint = "members such as Value, Label, Count, ToString, Length, Substring, ToUpper";

    /// <summary>x.Name where x is typed Object: VB binds it at run time, so only the name can be checked.</summary>
    private bool IsLateBoundAccess(SimpleNameSyntax node) =>
        node.Parent is MemberAccessExpressionSyntax access && access.Name == node && access.Expression is { } receiver
        && model.GetTypeInfo(receiver).Type is { SpecialType: SpecialType.System_Object };

    private void CheckSymbol(SyntaxNode node, ISymbol? symbol)
    {
        string? reason = symbol switch
        {
            null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IAliasSymbol => null,
            ITypeSymbol type => GuardAllowList.CheckType(type),
            IMethodSymbol { MethodKind: MethodKind.BuiltinOperator } => null,
            IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => GuardAllowList.CheckMember(symbol) ?? CheckResult(symbol),
            _ => $"'{symbol.ToDisplayString()}' is not allowed in report code",
        };
        if (reason is not null) Report(node, $"'{Describe(symbol!)}' is not allowed in report code: {reason}");
    }

    /// <summary>An allowed member must not hand out a value of a refused type (for example a Type or MethodInfo).</summary>
    private static string? CheckResult(ISymbol member)
    {
        var type = member switch
        {
            IMethodSymbol m => m.ReturnType,
            IPropertySymbol p => p.Type,
            IFieldSymbol f => f.Type,
            _ => null,
        };
        return type is null || type.SpecialType is SpecialType.System_Object or SpecialType.System_Void || GuardAllowList.IsFromSource(member)
            ? null
            : GuardAllowList.CheckType(type);
    }

    private static string Describe(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => GuardAllowList.MetadataName(type.OriginalDefinition),
        _ when symbol.ContainingType is { } containing => GuardAllowList.MetadataName(containing.OriginalDefinition) + "." + symbol.Name,
        _ => symbol.ToDisplayString(),
    };

    private void Report(SyntaxNode node, string message)
    {
        var position = node.SpanStart;
        if (!_reported.Add(position)) return;
        _violations.Add(new GuardViolation(position, node.GetLocation(), message));
    }
}
