namespace Rdl.Model.Definitions.Styling;

/// <summary>MS-RDL's ranges for style sizes that renderers enforce (values outside are clamped, with a warning when the RDL gives a constant).</summary>
public static class StyleLimits
{
    /// <summary>Padding: 0pt to 1000pt.</summary>
    public const double MaxPaddingPoints = 1000;
}
