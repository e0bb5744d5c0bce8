using System.Globalization;
using Microsoft.CodeAnalysis;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Expressions;

/// <summary>
/// Turns Roslyn errors into RDL diagnostics: EXP3001 at the RDL line/column of the expression (with its site and text),
/// EXP3002 at the line of the report's Code block. An expression's <c>Location</c> is taken as where its text
/// (the leading '=') starts; the Code block's location as where its text starts.
/// </summary>
internal sealed class CompileDiagnosticMapper(GeneratedSource source, string fileName, string? code, SourceLocation codeLocation)
{
    public const string ExpressionError = DiagnosticCodes.Expressions.ExpressionError;
    public const string CodeBlockError = DiagnosticCodes.Expressions.CodeBlockError;

    /// <summary>Maps an error reported by the standalone parse of expression <paramref name="region"/>.</summary>
    public RdlDiagnostic FromSyntaxError(ExpressionRegion region, Diagnostic error) =>
        ForExpression(region, error, error.Location.IsInSource ? error.Location.SourceSpan.Start : 0);

    /// <summary>Maps an error of the whole generated compilation.</summary>
    public RdlDiagnostic FromCompilation(Diagnostic error)
    {
        if (!error.Location.IsInSource)
            return RdlDiagnostic.Error(ExpressionError, Describe(error), new SourceLocation(fileName, 0, 0));

        var position = error.Location.SourceSpan.Start;
        if (source.CodeBlock is { } block && block.Contains(position) && code is not null)
        {
            var offset = Math.Clamp(position - block.Start, 0, block.Length);
            var (line, column) = LineAndColumn(code, offset);
            var location = ToRdl(codeLocation, line, column, leadingChars: 0);
            return RdlDiagnostic.Error(CodeBlockError, Describe(error), location, "Code", LineText(code, line));
        }

        if (source.FindExpression(position) is { } region)
        {
            var rewritten = Math.Clamp(position - region.CodeStart, 0, region.Rewritten.Text.Length);
            return ForExpression(region, error, region.Rewritten.ToOriginalOffset(rewritten));
        }
        return RdlDiagnostic.Error(ExpressionError, Describe(error), new SourceLocation(fileName, 0, 0));
    }

    private RdlDiagnostic ForExpression(ExpressionRegion region, Diagnostic error, int offsetInCode)
    {
        var expression = region.Expression;
        var (line, column) = LineAndColumn(expression.Code, Math.Clamp(offsetInCode, 0, expression.Code.Length));
        var location = ToRdl(expression.Location, line, column, leadingChars: 1);
        return RdlDiagnostic.Error(ExpressionError, Describe(error), location, expression.Site, expression.Raw);
    }

    private SourceLocation ToRdl(SourceLocation start, int line, int column, int leadingChars)
    {
        if (!start.IsKnown) return new SourceLocation(fileName, 0, 0);
        return line == 0
            ? new SourceLocation(fileName, start.Line, Math.Max(1, start.Column) + leadingChars + column)
            : new SourceLocation(fileName, start.Line + line, column + 1);
    }

    private static string Describe(Diagnostic error) =>
        $"{error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}";

    /// <summary>0-based line and column of <paramref name="offset"/> in <paramref name="text"/> (CR, LF and CRLF end lines).</summary>
    internal static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                line++;
                lineStart = i + 1;
            }
            else if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Math.Max(0, offset - lineStart));
    }

    private static string LineText(string text, int line)
    {
        var lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        return line < lines.Length ? lines[line].Trim() : string.Empty;
    }
}
