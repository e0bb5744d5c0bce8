namespace Rdl.Model.Diagnostics;

/// <summary>
/// A position in an RDL file. <see cref="Line"/> and <see cref="Column"/> are 1-based, as XML editors
/// and <see cref="System.Xml.IXmlLineInfo"/> show them; 0 means "unknown".
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None => new(string.Empty, 0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{File}({Line},{Column})" : File;
}
