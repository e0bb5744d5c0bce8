using System.Collections.Immutable;
using System.Text;
using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Renderer.Host.Expressions;

/// <summary>
/// Writes the single VB file of a report: class <c>ReportExpressions</c> (inheriting the sandbox's
/// <c>ReportExpressionHost</c>) with one <c>Public Function E{i}() As Object</c> per expression and the report's
/// Code block as nested class <c>CustomCode</c> (plus one field and wrapper class per WebAssembly code module). Each piece sits in an <c>#ExternalSource</c> block at its RDL line,
/// and the builder records where each piece starts so errors can be mapped back precisely.
/// </summary>
internal static class VbSourceBuilder
{
    public const string ClassName = "ReportExpressions";
    public const string MethodPrefix = "E";
    private const string HostType = "Global.Renderer.Sandbox.Runtime.ReportExpressionHost";
    private const string ReturnPrefix = "Return (";

    private static readonly string Header = string.Join('\n',
        "Option Strict Off",
        "Option Explicit On",
        "Option Compare Binary",
        "Option Infer On",
        "",
        "Imports System",
        "Imports System.Math",
        "Imports System.Convert",
        "Imports Microsoft.VisualBasic",
        "Imports Microsoft.VisualBasic.Strings",
        "Imports Microsoft.VisualBasic.DateAndTime",
        "Imports Microsoft.VisualBasic.Conversion",
        "Imports Microsoft.VisualBasic.Interaction",
        "",
        $"Public Class {ClassName}",
        $"    Inherits {HostType}",
        "",
        "    Public ReadOnly Code As CustomCode",
        "",
        "    Public Sub New()",
        "        Code = New CustomCode()",
        "        Code.Report = Me",
        "") + "\n";

    private static readonly string ConstructorEnd = "    End Sub\n\n";

    private static readonly string CodeClassHeader = string.Join('\n',
        "    Public Class CustomCode",
        "        ''' <summary>Report.Parameters!P.Value, Report.Globals!X, ... as SSRS Code blocks use them.</summary>",
        $"        Public Report As {HostType}",
        "") + "\n";

    public static GeneratedSource Build(
        ImmutableArray<ExpressionText> expressions,
        ImmutableArray<RewrittenExpression> rewritten,
        string? code,
        SourceLocation codeLocation,
        string fileName,
        Wasm.WasmVbCode? wasm = null)
    {
        wasm ??= Wasm.WasmVbCode.None;
        var file = EscapeFileName(fileName);
        var text = new StringBuilder(4096 + expressions.Sum(e => e.Raw.Length + 120) + (code?.Length ?? 0) + wasm.Classes.Length);
        text.Append(Header).Append(wasm.ConstructorLines).Append(ConstructorEnd);

        CodeBlockRegion? codeRegion = null;
        var classStart = text.Length;
        text.Append(CodeClassHeader).Append(wasm.CodeMembers);
        if (!string.IsNullOrEmpty(code))
        {
            text.Append("#ExternalSource(\"").Append(file).Append("\", ").Append(Math.Max(1, codeLocation.Line)).Append(")\n");
            var start = text.Length;
            text.Append(code).Append('\n');
            text.Append("#End ExternalSource\n");
            text.Append("    End Class\n\n");
            codeRegion = new CodeBlockRegion(classStart, start, code.Length, text.Length);
        }
        else
        {
            text.Append("    End Class\n\n");
        }

        var regions = ImmutableArray.CreateBuilder<ExpressionRegion>(expressions.Length);
        for (var i = 0; i < expressions.Length; i++)
        {
            var expression = expressions[i];
            var body = rewritten[i].HasSyntaxErrors ? "Nothing" : rewritten[i].Text;
            var functionStart = text.Length;
            text.Append("    Public Function ").Append(MethodPrefix).Append(i).Append("() As Object\n");
            text.Append("#ExternalSource(\"").Append(file).Append("\", ").Append(Math.Max(1, expression.Location.Line)).Append(")\n");
            text.Append(ReturnPrefix);
            var codeStart = text.Length;
            // The closing parenthesis goes on its own line so a trailing ' comment cannot swallow it.
            text.Append(body).Append("\n)\n");
            text.Append("#End ExternalSource\n");
            text.Append("    End Function\n\n");
            regions.Add(new ExpressionRegion(i, expression, rewritten[i], functionStart, codeStart, text.Length));
        }
        // WebAssembly module wrappers (Code.TextUtil.Reverse): generated, after every region errors are mapped to.
        text.Append(wasm.Classes);
        text.Append("End Class\n");
        return new GeneratedSource(text.ToString(), regions.MoveToImmutable(), codeRegion);
    }

    private static string EscapeFileName(string fileName)
    {
        var clean = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            if (char.IsControl(c)) continue;
            clean.Append(c == '"' ? "\"\"" : c.ToString());
        }
        return clean.Length > 0 ? clean.ToString() : "report.rdl";
    }
}

/// <summary>The generated VB file and where each expression and the Code block landed in it.</summary>
internal sealed record GeneratedSource(string Text, ImmutableArray<ExpressionRegion> Expressions, CodeBlockRegion? CodeBlock)
{
    /// <summary>The expression whose function contains <paramref name="position"/>, or null.</summary>
    public ExpressionRegion? FindExpression(int position)
    {
        int lo = 0, hi = Expressions.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var region = Expressions[mid];
            if (position < region.FunctionStart) hi = mid - 1;
            else if (position >= region.FunctionEnd) lo = mid + 1;
            else return region;
        }
        return null;
    }
}

/// <summary>Expression <see cref="Index"/>: its function spans [FunctionStart, FunctionEnd); its code starts at <see cref="CodeStart"/>.</summary>
internal sealed record ExpressionRegion(int Index, ExpressionText Expression, RewrittenExpression Rewritten, int FunctionStart, int CodeStart, int FunctionEnd);

/// <summary>
/// The Code block's text starts at <see cref="Start"/>; errors anywhere in the nested class
/// [<see cref="ClassStart"/>, <see cref="End"/>) are attributed to it.
/// </summary>
internal sealed record CodeBlockRegion(int ClassStart, int Start, int Length, int End)
{
    public bool Contains(int position) => position >= ClassStart && position < End;
}
