using System.Text;
using System.Xml;
using System.Xml.Linq;
using Rdl.Model.Definitions;
using Rdl.Model.Diagnostics;
using Rdl.Model.Validation;
using N = Rdl.Model.Reading.RdlElementNames;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads an RDL / RDLC document (namespaces 2003/10, 2005/01, 2008/01, 2010/01 and 2016/01) into a
/// <see cref="ReportDefinition"/>, then validates it. Never throws for bad input: every problem is a diagnostic.
/// DTDs are refused (no entity expansion, no external resolution). The size, depth and element-count limits of
/// <see cref="RdlReaderOptions"/> are enforced before any tree is built (<see cref="RdlLimitsCheck"/>).
/// </summary>
public static class RdlReader
{
    public static RdlReadResult Read(byte[] bytes, string fileName, RdlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= RdlReaderOptions.Default;
        if (bytes.LongLength > options.MaxDocumentBytes) return TooLarge(fileName, options);
        using var stream = new MemoryStream(bytes, writable: false);
        return ReadCore(stream, fileName, options);
    }

    public static RdlReadResult Read(Stream stream, string fileName, RdlReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= RdlReaderOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxDocumentBytes) return TooLarge(fileName, options);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return ReadCore(buffer, fileName, options);
    }

    private static RdlReadResult ReadCore(Stream stream, string fileName, RdlReaderOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var settings = CreateSettings(options);
        if (!RdlLimitsCheck.Check(stream, fileName, options, settings, diagnostics)) return new RdlReadResult(null, diagnostics.ToImmutable());
        var document = Load(stream, fileName, settings, diagnostics);
        if (document?.Root is not { } root) return new RdlReadResult(null, diagnostics.ToImmutable());

        var context = CreateContext(root, fileName, diagnostics);
        if (context is null) return new RdlReadResult(null, diagnostics.ToImmutable());

        var report = new ReportReader(context).Read(root, Path.GetFileNameWithoutExtension(fileName));
        DefinitionValidator.Validate(report, diagnostics);
        return new RdlReadResult(report, diagnostics.ToImmutable());
    }

    private static XmlReaderSettings CreateSettings(RdlReaderOptions options) =>
        new()
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = options.MaxDocumentBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

    private static XDocument? Load(Stream stream, string fileName, XmlReaderSettings settings, DiagnosticBag diagnostics)
    {
        using var reader = XmlReader.Create(stream, settings);
        try
        {
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var isDtd = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
            var message = isDtd
                ? "The RDL is not well-formed XML: DTDs (<!DOCTYPE ...>) are not allowed in RDL documents."
                : $"The RDL is not well-formed XML: {ex.Message}";

            // The "DTD is prohibited" error carries no position: point at the DOCTYPE declaration.
            var (line, column) = ex.LineNumber > 0 || !isDtd ? (ex.LineNumber, ex.LinePosition) : LocateDoctype(stream);
            // Errors about the document as a whole ("Root element is missing" in a truncated file) carry no position
            // either: point where the reader stopped, else at the start.
            if (line <= 0 && reader is IXmlLineInfo info && info.HasLineInfo() && info.LineNumber > 0) (line, column) = (info.LineNumber, info.LinePosition);
            if (line <= 0) (line, column) = (1, 1);
            diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.NotWellFormed, message, new SourceLocation(fileName, line, column)));
            return null;
        }
    }

    /// <summary>The 1-based line and column of the DOCTYPE name ("DOCTYPE" after "&lt;!"), or (0, 0).</summary>
    private static (int Line, int Column) LocateDoctype(Stream stream)
    {
        stream.Position = 0;
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var content = text.ReadToEnd();
        var index = content.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (index < 0) return (0, 0);
        var before = content.AsSpan(0, index);
        var line = before.Count('\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 3;
        return (line, column);
    }

    private static ReadContext? CreateContext(XElement root, string fileName, DiagnosticBag diagnostics)
    {
        var info = (IXmlLineInfo)root;
        var location = new SourceLocation(fileName, info.LineNumber, info.LinePosition);
        var ns = root.Name.NamespaceName;
        if (root.Name.LocalName != N.Report)
        {
            diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.UnknownNamespace,
                $"The root element is <{root.Name.LocalName}>; an RDL document starts with <Report>.", location));
            return null;
        }
        if (RdlNamespaces.ReleasedYear(ns) is { } year) return new ReadContext(fileName, root.Name.Namespace, year, diagnostics);
        if (RdlNamespaces.PreReleaseYear(ns) is { } preRelease)
        {
            diagnostics.Add(new RdlDiagnostic(RdlDiagnosticCodes.NonStandardNamespace, DiagnosticSeverity.Info,
                $"The RDL uses the pre-release namespace '{ns}'; it is read as RDL {preRelease}.", location));
            return new ReadContext(fileName, root.Name.Namespace, preRelease, diagnostics);
        }
        if (ns.Length == 0)
        {
            diagnostics.Add(RdlDiagnostic.Warning(RdlDiagnosticCodes.NonStandardNamespace,
                "The <Report> element has no RDL namespace; it is read as RDL 2005.", location));
            return new ReadContext(fileName, XNamespace.None, 2005, diagnostics);
        }
        diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.UnknownNamespace,
            $"'{ns}' is not a known RDL namespace. Supported: the 2003/10, 2005/01, 2008/01, 2010/01 and 2016/01 report definition namespaces.",
            location));
        return null;
    }

    private static RdlReadResult TooLarge(string fileName, RdlReaderOptions options) =>
        new(null, [RdlDiagnostic.Error(RdlDiagnosticCodes.LimitExceeded,
            $"The RDL is larger than the allowed {options.MaxDocumentBytes} bytes.", new SourceLocation(fileName, 0, 0))]);
}
