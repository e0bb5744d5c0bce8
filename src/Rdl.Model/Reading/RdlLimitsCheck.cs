using System.Xml;
using Rdl.Model.Diagnostics;

namespace Rdl.Model.Reading;

/// <summary>
/// The first pass over an RDL document: streams it with an <see cref="XmlReader"/> (no tree, DTDs prohibited) and stops
/// at the first element past <see cref="RdlReaderOptions.MaxDepth"/> or <see cref="RdlReaderOptions.MaxElements"/>, so a
/// hostile document costs no more than reading its bytes up to that point. Well-formedness errors are left to the
/// second pass, which reports them with their position.
/// </summary>
internal static class RdlLimitsCheck
{
    /// <summary>False, with an RDL1006 error naming the limit and the line, when the document exceeds a limit.</summary>
    public static bool Check(Stream stream, string fileName, RdlReaderOptions options, XmlReaderSettings settings, DiagnosticBag diagnostics)
    {
        var start = stream.Position;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            var info = (IXmlLineInfo)reader;
            long elements = 0;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                var depth = reader.Depth + 1;
                if (depth > options.MaxDepth)
                {
                    Refuse(diagnostics, fileName, info,
                        $"The RDL nests elements deeper than the allowed {options.MaxDepth} levels (RdlReaderOptions.MaxDepth): <{reader.LocalName}> on line {info.LineNumber} is at level {depth}.");
                    return false;
                }

                if (++elements > options.MaxElements)
                {
                    Refuse(diagnostics, fileName, info,
                        $"The RDL has more than the allowed {options.MaxElements} elements (RdlReaderOptions.MaxElements); the limit was passed at <{reader.LocalName}> on line {info.LineNumber}.");
                    return false;
                }
            }

            return true;
        }
        catch (XmlException)
        {
            // Not well-formed (or a DTD): the reading pass reports it with its position.
            return true;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static void Refuse(DiagnosticBag diagnostics, string fileName, IXmlLineInfo at, string message) =>
        diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.LimitExceeded, message, new SourceLocation(fileName, at.LineNumber, at.LinePosition)));
}
