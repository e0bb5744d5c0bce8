namespace Rdl.Model.Definitions.Items;

public enum BreakLocation
{
    None,
    Start,
    End,
    StartAndEnd,
    Between,
}

public sealed record PageBreakDefinition(BreakLocation Location, bool ResetPageNumber = false);
