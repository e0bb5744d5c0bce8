namespace Renderer.Sandbox.Processing.Filters;

/// <summary>The RDL filter operators (the &lt;Operator&gt; element of a Filter).</summary>
internal enum FilterOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Like,
    TopN,
    BottomN,
    TopPercent,
    BottomPercent,
    In,
    Between,
}

internal static class FilterOperators
{
    /// <summary>Parses an RDL operator name (case-insensitive, as the RDL schema spells them).</summary>
    public static bool TryParse(string? text, out FilterOperator op)
    {
        op = FilterOperator.Equal;
        if (string.IsNullOrWhiteSpace(text)) return true;
        return Enum.TryParse(text.Trim(), ignoreCase: true, out op) && Enum.IsDefined(op);
    }

    /// <summary>True for the operators that rank the whole set (TopN, BottomN, TopPercent, BottomPercent).</summary>
    public static bool IsRanking(this FilterOperator op) =>
        op is FilterOperator.TopN or FilterOperator.BottomN or FilterOperator.TopPercent or FilterOperator.BottomPercent;
}
