using System.Collections.Frozen;
using Microsoft.CodeAnalysis;

namespace Renderer.Host.Expressions.Guard;

/// <summary>
/// What report code may use: whole namespaces, whole types, types with only some members, and the member names a
/// late-bound call (Option Strict Off, a call on <c>Object</c>) may use. Everything else is refused. Names are
/// metadata names (<c>System.Collections.Generic.List`1</c>); type rules apply to the generic definition.
/// </summary>
internal static class GuardAllowList
{
    /// <summary>Namespaces whose types and members are all allowed (not their sub-namespaces).</summary>
    private static readonly FrozenSet<string> Namespaces = FrozenSet.ToFrozenSet(
    [
        // Report code references only Renderer.Runtime, so this is the expression host and its collections, not the engine.
        "Renderer.Sandbox.Runtime",
        "System.Collections",
        "System.Collections.Generic",
        "System.Collections.ObjectModel",
        "System.Globalization",
        "System.Text.RegularExpressions",
    ], StringComparer.Ordinal);

    /// <summary>Types whose every member is allowed.</summary>
    private static readonly FrozenSet<string> Types = FrozenSet.ToFrozenSet(
    [
        "System.Math", "System.MathF", "System.String", "System.Char", "System.Boolean",
        "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Half",
        "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.TimeZoneInfo",
        "System.DayOfWeek", "System.DateTimeKind", "System.Convert", "System.DBNull", "System.Guid", "System.Random",
        "System.Nullable", "System.Nullable`1", "System.Array", "System.Tuple", "System.ValueTuple", "System.StringComparer",
        "System.MidpointRounding", "System.StringComparison", "System.StringSplitOptions", "System.Index", "System.Range",
        "System.IComparable", "System.IComparable`1", "System.IEquatable`1", "System.IFormattable", "System.IFormatProvider",
        "System.IConvertible", "System.ICloneable", "System.IDisposable", "System.ValueType", "System.Enum", "System.Attribute",
        "System.Numerics.BigInteger",
        "System.Text.StringBuilder", "System.Text.Encoding", "System.Text.NormalizationForm",
        "System.Linq.Enumerable", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.IOrderedEnumerable`1",
        "Microsoft.VisualBasic.Strings", "Microsoft.VisualBasic.DateAndTime", "Microsoft.VisualBasic.Conversion",
        "Microsoft.VisualBasic.Information", "Microsoft.VisualBasic.Financial", "Microsoft.VisualBasic.VBMath",
        "Microsoft.VisualBasic.Constants", "Microsoft.VisualBasic.ControlChars", "Microsoft.VisualBasic.Collection",
        "Microsoft.VisualBasic.ErrObject",
        // The generated WebAssembly module wrappers call this; it reaches only the report's own modules.
        "Renderer.Sandbox.Runtime.Wasm.WasmBridge",
    ], StringComparer.Ordinal);

    /// <summary>Types of which only the listed members are allowed.</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> Members = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["System.Object"] = Set("ToString", "Equals", "GetHashCode", "ReferenceEquals", ".ctor", "Finalize"),
        ["Microsoft.VisualBasic.Interaction"] = Set("IIf", "Choose", "Switch", "Partition"),
        ["System.Environment"] = Set("NewLine"),
        ["System.Exception"] = Set(".ctor", "Message", "InnerException", "GetBaseException", "ToString", "StackTrace", "Source", "HResult"),
        ["System.Text.RegularExpressions.Regex"] = Set(".ctor", "IsMatch", "Match", "Matches", "Replace", "Split", "Escape", "Unescape", "Options", "ToString", "Count", "EnumerateMatches", "GetGroupNames", "GroupNameFromNumber"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Members refused even on allowed types (they reach reflection, the loader or native memory).</summary>
    private static readonly FrozenSet<string> BlockedMembers = FrozenSet.ToFrozenSet(
    [
        "System.Array.CreateInstance", "System.Array.CreateInstanceFromArrayType",
        "System.Enum.GetUnderlyingType", "System.Attribute.GetCustomAttribute", "System.Attribute.GetCustomAttributes",
        "System.Attribute.IsDefined",
    ], StringComparer.Ordinal);

    /// <summary>Member names a late-bound call may use (compared case-insensitively, as VB does).</summary>
    public static readonly FrozenSet<string> LateBoundNames = FrozenSet.ToFrozenSet(
    [
        "Value", "Label", "Count", "IsMultiValue", "IsMissing", "ToString", "Length", "Substring", "ToUpper", "ToLower",
        "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd", "Contains", "StartsWith", "EndsWith",
        "IndexOf", "LastIndexOf", "Replace", "Split", "PadLeft", "PadRight", "Equals", "CompareTo", "GetHashCode",
        "Year", "Month", "Day", "Hour", "Minute", "Second", "Millisecond", "DayOfWeek", "DayOfYear", "Date", "TimeOfDay",
        "Ticks", "AddDays", "AddMonths", "AddYears", "AddHours", "AddMinutes", "AddSeconds", "AddMilliseconds", "AddTicks",
        "Add", "Subtract", "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds", "TotalMilliseconds", "Days", "Hours",
        "Minutes", "Seconds", "Milliseconds", "HasValue", "GetValueOrDefault", "Item", "Keys", "Values", "ContainsKey",
        "TryGetValue", "First", "Last", "Sum", "Min", "Max", "Average", "Any", "All", "Where", "Select", "OrderBy",
        "ToArray", "ToList", "Key", "Insert", "Remove", "Clear", "Chars", "Name", "Format", "Parse", "TryParse",
        "Round", "Abs", "Floor", "Ceiling", "Message", "IsMatch", "Success", "Groups", "Index", "Concat", "Join",
        "Append", "AppendLine", "AppendFormat", "Capacity", "UserID", "Language", "PageNumber", "TotalPages",
        "ExecutionTime", "ReportName", "ReportFolder", "ReportServerUrl", "RenderFormat", "OverallPageNumber", "OverallTotalPages",
        "IsInteractive", "CommandText", "RewrittenCommandText",
    ], StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="type"/> may be named or used; otherwise why not.</summary>
    public static string? CheckType(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return CheckType(array.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "pointers are not allowed";
            case ITypeParameterSymbol or IErrorTypeSymbol or IDynamicTypeSymbol:
                return null;
            case INamedTypeSymbol named:
                if (IsFromSource(named)) return null;
                foreach (var argument in named.TypeArguments)
                    if (CheckType(argument) is { } reason) return reason;
                if (named.ContainingType is { } outer && CheckType(outer) is { } outerReason) return outerReason;
                var definition = named.OriginalDefinition;
                var name = MetadataName(definition);
                if (definition.TypeKind == TypeKind.Enum && !IsBlockedNamespace(definition)) return null;
                if (definition.TypeKind == TypeKind.Delegate && IsStandardDelegate(name)) return null;
                if (IsException(definition) && definition.ContainingNamespace.ToDisplayString() == "System") return null;
                if (Types.Contains(name) || Members.ContainsKey(name) || IsValueTuple(name)) return null;
                if (definition.ContainingType is null && Namespaces.Contains(definition.ContainingNamespace.ToDisplayString())) return null;
                if (definition.ContainingType is not null) return null; // a nested type of an allowed type (checked above)
                return $"type '{name}' is not on the allow-list of report code";
            default:
                return $"'{type.ToDisplayString()}' is not allowed";
        }
    }

    /// <summary>Null when <paramref name="member"/> may be used; otherwise why not.</summary>
    public static string? CheckMember(ISymbol member)
    {
        var containing = member.ContainingType;
        if (containing is null) return null;
        if (IsFromSource(containing)) return null;
        if (CheckType(containing) is { } reason) return reason;
        var definition = containing.OriginalDefinition;
        var typeName = MetadataName(definition);
        var memberName = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced.Name : member.Name;
        var full = typeName + "." + memberName;
        if (BlockedMembers.Contains(full)) return $"'{full}' is not allowed in report code";
        if (definition.TypeKind == TypeKind.Delegate)
            return memberName is "Invoke" or ".ctor" ? null : $"'{full}' is not allowed in report code (only Invoke may be called on a delegate)";
        if (Members.TryGetValue(typeName, out var names))
            return names.Contains(memberName) ? null : $"'{full}' is not allowed in report code";
        if (IsException(definition))
            return Members["System.Exception"].Contains(memberName) ? null : $"'{full}' is not allowed in report code";
        return null;
    }

    public static bool IsFromSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

    public static string MetadataName(INamedTypeSymbol type)
    {
        var prefix = type.ContainingType is { } outer ? MetadataName(outer) + "+" : NamespacePrefix(type.ContainingNamespace);
        return prefix + type.MetadataName;
    }

    private static string NamespacePrefix(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";

    private static bool IsStandardDelegate(string name) =>
        name.StartsWith("System.Func`", StringComparison.Ordinal) || name.StartsWith("System.Action", StringComparison.Ordinal)
        || name is "System.Predicate`1" or "System.Comparison`1" or "System.Converter`2";

    private static bool IsValueTuple(string name) =>
        name.StartsWith("System.ValueTuple`", StringComparison.Ordinal) || name.StartsWith("System.Tuple`", StringComparison.Ordinal)
        || name.StartsWith("System.Collections.Generic.KeyValuePair", StringComparison.Ordinal);

    private static bool IsException(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.Name == "Exception" && t.ContainingNamespace.ToDisplayString() == "System") return true;
        return false;
    }

    private static bool IsBlockedNamespace(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace.ToDisplayString();
        return ns.StartsWith("System.Reflection", StringComparison.Ordinal) || ns.StartsWith("System.Runtime", StringComparison.Ordinal);
    }
}
