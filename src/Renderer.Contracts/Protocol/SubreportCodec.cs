namespace Renderer.Sandbox.Protocol;

/// <summary>
/// The subreport part of a render request, after the WebAssembly part: each subreport's name, file name, RDL and compiled
/// expressions. A request without it (nothing left in the payload) has no subreports. When there are subreports the
/// WebAssembly part is always written (so the two optional parts cannot be confused).
/// </summary>
internal static class SubreportCodec
{
    /// <param name="always">Write the part even with no subreports (an optional part follows it).</param>
    public static void Write(RenderInput input, PayloadWriter writer, bool always = false)
    {
        if (!always && input.Subreports.Count == 0) return;
        writer.WriteCount(input.Subreports.Count);
        foreach (var subreport in input.Subreports)
        {
            writer.WriteString(subreport.Name);
            writer.WriteString(subreport.FileName);
            writer.WriteBytes(subreport.RdlBytes);
            writer.WriteBytes(subreport.AssemblyImage);
        }
    }

    public static RenderInput Read(RenderInput input, PayloadReader reader)
    {
        if (reader.Remaining == 0) return input;
        var count = reader.ReadCount(minElementSize: 16);
        var subreports = new List<SubreportImage>(count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var image = new SubreportImage(reader.ReadString(), reader.ReadString(), reader.ReadBytes(), reader.ReadBytes());
            if (!names.Add(image.Name)) throw new ProtocolException($"Subreport '{image.Name}' appears twice.");
            subreports.Add(image);
        }
        return input with { Subreports = subreports };
    }
}
