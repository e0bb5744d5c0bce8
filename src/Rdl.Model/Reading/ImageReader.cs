using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Expressions;

namespace Rdl.Model.Reading;

/// <summary>Reads &lt;Image&gt; report items and the report's &lt;EmbeddedImages&gt;.</summary>
internal sealed class ImageReader(ReadContext context, ItemReader items)
{
    /// <summary>Largest embedded image accepted (decoded bytes); bigger ones are skipped with RDL1006.</summary>
    public const int MaxEmbeddedImageBytes = 16 * 1024 * 1024;

    public ImageItem Read(XElement element)
    {
        var name = context.RequiredName(element, "Image", "Image");
        var owner = $"Image '{name}'";
        var common = new ItemCommon();
        var source = ImageSource.External;
        ExpressionText? value = null, mimeType = null;
        var sizing = ImageSizing.AutoSize;
        foreach (var child in context.Children(element))
        {
            if (items.TryReadCommon(child, common, owner)) continue;
            switch (child.Name.LocalName)
            {
                case "Source": source = context.Enum(child, owner, ImageSource.External); break;
                case RdlElementNames.Value: value = context.Expression(child, owner + ".Value"); break;
                case "MIMEType": mimeType = context.Expression(child, owner + ".MIMEType"); break;
                case "Sizing": sizing = context.Enum(child, owner, ImageSizing.AutoSize); break;
                default: context.Unknown(child, owner); break;
            }
        }
        if (value is null)
        {
            context.Error(RdlDiagnosticCodes.MissingRequired, $"{owner} has no Value.", element, owner);
            value = new ExpressionText(string.Empty, context.LocationOf(element), owner + ".Value");
        }
        return new ImageItem(name, common.Bounds, common.Style, context.LocationOf(element), source, value)
        {
            ZIndex = common.ZIndex,
            Hidden = common.Hidden,
            ToggleItem = common.ToggleItem,
            MimeType = mimeType,
            Sizing = sizing,
        };
    }

    /// <summary>Reads &lt;EmbeddedImages&gt;; an entry whose ImageData is not valid base64 is skipped with RDL1004.</summary>
    public ImmutableArray<EmbeddedImage> ReadEmbeddedImages(XElement element)
    {
        var list = ImmutableArray.CreateBuilder<EmbeddedImage>();
        foreach (var child in context.Children(element))
        {
            if (child.Name.LocalName != "EmbeddedImage")
            {
                context.Unknown(child, "EmbeddedImages");
                continue;
            }
            var name = context.RequiredName(child, "EmbeddedImage", $"EmbeddedImage{list.Count + 1}");
            var owner = $"EmbeddedImage '{name}'";
            string? mime = null;
            XElement? data = null;
            foreach (var property in context.Children(child))
            {
                switch (property.Name.LocalName)
                {
                    case "MIMEType": mime = ReadContext.Text(property); break;
                    case "ImageData": data = property; break;
                    default: context.Unknown(property, owner); break;
                }
            }
            if (data is null)
            {
                context.Error(RdlDiagnosticCodes.MissingRequired, $"{owner} has no ImageData.", child, owner);
                continue;
            }
            if (Decode(data, owner) is { } bytes) list.Add(new EmbeddedImage(name, mime, bytes));
        }
        return list.ToImmutable();
    }

    private byte[]? Decode(XElement data, string owner)
    {
        var text = data.Value;
        if ((long)text.Length * 3 / 4 > MaxEmbeddedImageBytes)
        {
            context.Warning(RdlDiagnosticCodes.LimitExceeded, $"{owner} is larger than {MaxEmbeddedImageBytes / (1024 * 1024)} MB and was skipped.", data, owner);
            return null;
        }
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            context.Warning(RdlDiagnosticCodes.InvalidValue, $"The ImageData of {owner} is not valid base64; the image was skipped.", data, owner);
            return null;
        }
    }
}
