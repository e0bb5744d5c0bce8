using Rdl.Model.Definitions.Styling;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions.Items;

/// <summary>Where an image's bytes come from.</summary>
public enum ImageSource
{
    /// <summary>Value is a path or URL (never fetched by the sandbox).</summary>
    External,

    /// <summary>Value names an entry of the report's EmbeddedImages.</summary>
    Embedded,

    /// <summary>Value evaluates to the image bytes (usually a binary field).</summary>
    Database,
}

/// <summary>How an image fills its item.</summary>
public enum ImageSizing
{
    AutoSize,
    Fit,
    FitProportional,
    Clip,
}

/// <summary>An &lt;Image&gt; report item.</summary>
public sealed record ImageItem(string Name, ItemBounds Bounds, StyleDefinition Style, SourceLocation Location, ImageSource Source, ExpressionText Value)
    : ReportItem(Name, Bounds, Style, Location)
{
    /// <summary>MIMEType (constant or expression); RDL requires it for database images.</summary>
    public ExpressionText? MimeType { get; init; }

    public ImageSizing Sizing { get; init; } = ImageSizing.AutoSize;

    public override string Kind => "Image";
}
