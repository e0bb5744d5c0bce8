using System.Collections.Frozen;

namespace Rdl.Model.Reading;

/// <summary>
/// Legitimate RDL elements that the model does not represent (yet). They are skipped without a warning;
/// any other element name in the RDL namespace that a reader does not handle produces RDL1100.
/// </summary>
internal static class IgnoredElements
{
    private static readonly FrozenSet<string> Names = new[]
    {
        // Report
        "Description", "Author", "AutoRefresh", "InitialPageName", "Variables", "DeferVariableEvaluation",
        "ConsumeContainerWhitespace", "DataTransform", "DataSchema", "DataElementName", "DataElementStyle",
        "EmbeddedImages", "Classes", "CustomProperties",
        "InteractiveWidth", "DefaultFontFamily", "ReportUnitType", "ReportID",
        // Headers / footers, sections
        "PrintBetweenSections",
        // Data sources and data sets
        "Transaction", "IntegratedSecurity", "Timeout", "CaseSensitivity", "Collation", "AccentSensitivity",
        "KanatypeSensitivity", "WidthSensitivity", "InterpretSubtotalsAsDetails",
        // Parameters
        "ValidValues", "UsedInQuery", "PromptUser",
        // Common report-item properties
        "Action", "ActionInfo", "ToolTip", "Bookmark", "DocumentMapLabel", "Label", "DataElementOutput",
        "RepeatWith", "PageName", "LinkToChild", "OmitBorderOnPageBreak", "KeepTogether",
        // Textbox, paragraph, text run
        "HideDuplicates", "ListStyle", "ListLevel", "LeftIndent", "RightIndent",
        "HangingIndent", "SpaceBefore", "SpaceAfter",
        // Tablix
        "LayoutDirection", "GroupsBeforeRowHeaders", "RepeatColumnHeaders", "RepeatRowHeaders",
        "FixedColumnHeaders", "FixedRowHeaders", "BandLayoutOptions", "TablixCorner", "TablixHeader",
        "HideIfNoRows", "DomainScope", "Disabled",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string localName) => Names.Contains(localName);
}
