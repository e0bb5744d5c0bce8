using Renderer.Host.Expressions;
using Renderer.Host.Expressions.Guard;
using Renderer.Host.Tests.Expressions;

namespace Renderer.Host.Tests.Security;

/// <summary>The compile-time guard: safe report code compiles, anything reaching outside the allow-list is EXP3100.</summary>
public sealed class ExpressionGuardTests
{
    [TestCase("=Math.Round(1.2345, 2) + Abs(-1) + Sqrt(4)")]
    [TestCase("=Format(Now(), \"yyyy-MM-dd\") & Left(\"abc\", 2) & UCase(\"x\") & Mid(\"hello\", 2, 3)")]
    [TestCase("=DateAdd(DateInterval.Day, 1, Today()).ToString(\"d\", System.Globalization.CultureInfo.InvariantCulture)")]
    [TestCase("=IIf(IsNothing(Fields!A.Value), 0, Fields!A.Value) + Choose(1, 2, 3) + Switch(True, 1)")]
    [TestCase("=CDec(\"1.5\") + Decimal.Parse(\"2\") + Int32.Parse(\"3\") + Double.Parse(\"1e3\") + Convert.ToInt32(\"4\")")]
    [TestCase("=String.Join(\",\", New System.Collections.Generic.List(Of String) From {\"a\", \"b\"})")]
    [TestCase("=System.Linq.Enumerable.First(System.Linq.Enumerable.OrderBy(New Integer() {3, 1, 2}, Function(x) x))")]
    [TestCase("=Fields!A.Value.ToString().Substring(0, 1).ToUpper() & Parameters!P.Value & Parameters!P.Label")]
    [TestCase("=TimeSpan.FromHours(2).TotalMinutes + DateTime.Now.Year + DateSerial(2024, 1, 1).Month")]
    [TestCase("=System.Text.RegularExpressions.Regex.IsMatch(\"ab\", \"^a\")")]
    [TestCase("=Globals!PageNumber & \" of \" & Globals!TotalPages & User!UserID")]
    [TestCase("=Sum(Fields!A.Value) / Count(Fields!A.Value)")]
    [TestCase("=FormatCurrency(1234.5) & FormatNumber(2.5, 1) & CStr(CInt(\"7\"))")]
    public void Safe_expressions_compile(string expression)
    {
        var result = ExpressionCompiler.Compile(TestReports.WithExpressions(expression), TestReports.FileName);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void A_safe_code_block_compiles()
    {
        const string code = """
            Private _cache As New System.Collections.Generic.Dictionary(Of String, Decimal)
            Public Function Ratio(ByVal a As Decimal, ByVal b As Decimal) As Decimal
                If b = 0 Then Return 0
                Dim key As String = a.ToString() & "/" & b.ToString()
                If Not _cache.ContainsKey(key) Then _cache(key) = Math.Round(a / b, 4)
                Return _cache(key)
            End Function
            Public Function Label(ByVal v As Object) As String
                Try
                    Return UCase(CStr(v)).Trim()
                Catch ex As Exception
                    Return ex.Message
                End Try
            End Function
            Public Function Year() As Object
                Return Report.Parameters!P.Value
            End Function
            """;
        var report = TestReports.Report([TestReports.Textbox("T", "=Code.Ratio(1, 3) & Code.Label(2)", 5)], code, 40);
        var result = ExpressionCompiler.Compile(report, TestReports.FileName);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
    }

    [TestCase("=System.IO.File.ReadAllText(\"/etc/passwd\")", "System.IO.File")]
    [TestCase("=IO.File.Exists(\"/etc/passwd\")", "System.IO.File")]
    [TestCase("=Environment.GetEnvironmentVariable(\"PATH\")", "System.Environment")]
    [TestCase("=Environ(\"PATH\")", "Interaction.Environ")]
    [TestCase("=Command()", "Interaction.Command")]
    [TestCase("=Shell(\"/bin/sh -c id\")", "Interaction.Shell")]
    [TestCase("=CallByName(Fields, \"Count\", CallType.Get)", "Interaction.CallByName")]
    [TestCase("=CreateObject(\"Scripting.FileSystemObject\")", "Interaction.CreateObject")]
    [TestCase("=Type.GetType(\"System.IO.File\")", "System.Type")]
    [TestCase("=Fields.GetType().Assembly.FullName", "System.Object.GetType")]
    [TestCase("=GetType(String).GetMethod(\"Copy\")", "System.Type")]
    [TestCase("=Activator.CreateInstance(GetType(Object))", "System.Activator")]
    [TestCase("=AppDomain.CurrentDomain.FriendlyName", "System.AppDomain")]
    [TestCase("=System.Runtime.Loader.AssemblyLoadContext.Default.Name", "AssemblyLoadContext")]
    [TestCase("=GC.Collect()", "System.GC")]
    [TestCase("=System.Runtime.InteropServices.Marshal.AllocHGlobal(10)", "Marshal")]
    [TestCase("=New System.Threading.Thread(Sub() Return)", "System.Threading.Thread")]
    [TestCase("=System.Threading.Tasks.Task.Run(Function() 1).Result", "System.Threading.Tasks.Task")]
    [TestCase("=System.Threading.ThreadPool.QueueUserWorkItem(Nothing)", "System.Threading.ThreadPool")]
    [TestCase("=FileSystem.FileOpen(1, \"/tmp/x\", OpenMode.Output)", "FileSystem")]
    [TestCase("=Microsoft.VisualBasic.CompilerServices.NewLateBinding.LateGet(Nothing, Nothing, \"x\", Nothing, Nothing, Nothing, Nothing)", "NewLateBinding")]
    [TestCase("=CObj(Fields).GetType()", "GetType")]
    [TestCase("=CObj(\"x\").Assembly", "Assembly")]
    [TestCase("=New Func(Of Integer)(Function() 1).Method.Name", "Delegate.Method")]
    public void Hostile_expressions_are_refused_with_EXP3100(string expression, string named)
    {
        var report = TestReports.Report([TestReports.Textbox("Evil", expression, 17)]);
        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.False);
        var refusal = result.Diagnostics.FirstOrDefault(d => d.Code == ExpressionGuard.Code);
        Assert.That(refusal, Is.Not.Null, string.Join("\n", result.Diagnostics));
        Assert.That(refusal!.Message, Does.Contain(named).And.Contain("not allowed"));
        Assert.That(refusal.Location.Line, Is.EqualTo(17));
        Assert.That(refusal.Expression, Is.EqualTo(expression));
        Assert.That(refusal.ObjectPath, Is.EqualTo("Textbox 'Evil'.Value"));
    }

    [TestCase("=New System.Net.Sockets.TcpClient(\"127.0.0.1\", 80)")]
    [TestCase("=System.Net.Dns.GetHostName()")]
    [TestCase("=System.Diagnostics.Process.Start(\"/bin/sh\")")]
    public void Assemblies_outside_the_reference_set_cannot_be_reached(string expression)
    {
        var result = ExpressionCompiler.Compile(TestReports.Report([TestReports.Textbox("Evil", expression, 17)]), TestReports.FileName);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Location.Line), Has.All.EqualTo(17));
    }

    [TestCase("Declare Function getpid Lib \"libc\" () As Integer", "Declare")]
    [TestCase("<System.Runtime.InteropServices.DllImport(\"libc\")> Shared Function getpid() As Integer\nEnd Function", "DllImport")]
    [TestCase("Public Sub Quit()\n End\nEnd Sub", "'End' statement")]
    [TestCase("Public Sub L()\n SyncLock Me\n End SyncLock\nEnd Sub", "SyncLock")]
    [TestCase("Public Sub C()\n System.Globalization.CultureInfo.DefaultThreadCurrentCulture = Nothing\nEnd Sub", "shared setting")]
    [TestCase("Public Class Evil\n Inherits System.Runtime.Loader.AssemblyLoadContext\nEnd Class", "AssemblyLoadContext")]
    [TestCase("Public Function R() As Object\n Dim o As Object = \"x\"\n Return o.GetType()\nEnd Function", "GetType")]
    public void Hostile_code_blocks_are_refused_at_the_code_line(string code, string named)
    {
        var report = TestReports.Report([TestReports.Textbox("T", "=1", 5)], code, 40);
        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.False);
        var refusal = result.Diagnostics.FirstOrDefault(d => d.Code == ExpressionGuard.Code);
        Assert.That(refusal, Is.Not.Null, string.Join("\n", result.Diagnostics));
        Assert.That(refusal!.Message, Does.Contain(named));
        Assert.That(refusal.Location.Line, Is.GreaterThanOrEqualTo(40));
        Assert.That(refusal.ObjectPath, Is.EqualTo("Code"));
    }

    [TestCase("Public Sub SetC(ByRef c As System.Globalization.CultureInfo)\n c = New System.Globalization.CultureInfo(\"de-DE\")\nEnd Sub\nPublic Function Go() As Integer\n SetC(System.Globalization.CultureInfo.CurrentCulture)\n Return 1\nEnd Function", "passing 'System.Globalization.CultureInfo.CurrentCulture' ByRef is not allowed")]
    [TestCase("Public Function Go() As Integer\n Integer.TryParse(\"3\", System.Globalization.CultureInfo.CurrentCulture.NumberFormat.CurrencyDecimalDigits)\n Return 1\nEnd Function", "passing 'System.Globalization.NumberFormatInfo.CurrencyDecimalDigits' ByRef is not allowed")]
    [TestCase("Public Sub Add(ByRef c As Object)\n c = Nothing\nEnd Sub\nPublic Function Go() As Integer\n Dim o As Object = Me\n o.Add(System.Globalization.CultureInfo.CurrentCulture)\n Return 1\nEnd Function", "passing 'System.Globalization.CultureInfo.CurrentCulture' ByRef is not allowed")]
    [TestCase("Public Function Go() As String\n Mid(DateAndTime.DateString, 1, 2) = \"01\"\n Return \"\"\nEnd Function", "Mid statement changing 'Microsoft.VisualBasic.DateAndTime.DateString' is not allowed")]
    [TestCase("Public Sub C()\n System.Globalization.CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator = \",\"\nEnd Sub", "'System.Globalization.NumberFormatInfo.NumberDecimalSeparator' (a property of a type the report does not own)")]
    [TestCase("Public Sub C()\n With System.Globalization.CultureInfo.CurrentCulture.NumberFormat\n  .CurrencySymbol = \"X\"\n End With\nEnd Sub", "'System.Globalization.NumberFormatInfo.CurrencySymbol'")]
    [TestCase("Public Sub C()\n System.Globalization.CultureInfo.CurrentCulture = New System.Globalization.CultureInfo(\"de-DE\")\nEnd Sub", "shared setting 'System.Globalization.CultureInfo.CurrentCulture'")]
    public void Code_may_not_change_what_the_report_does_not_own(string code, string message)
    {
        var report = TestReports.Report([TestReports.Textbox("T", "=1", 5)], code, 40);
        var result = ExpressionCompiler.Compile(report, TestReports.FileName);

        Assert.That(result.Success, Is.False);
        var refusal = result.Diagnostics.FirstOrDefault(d => d.Code == ExpressionGuard.Code);
        Assert.That(refusal, Is.Not.Null, string.Join("\n", result.Diagnostics));
        Assert.That(refusal!.Message, Does.Contain(message));
        Assert.That(refusal.Location.Line, Is.GreaterThan(40));
        Assert.That(refusal.ObjectPath, Is.EqualTo("Code"));
    }

    [Test]
    public void Code_may_change_its_own_locals_fields_and_collections()
    {
        const string code = """
            Private _total As Decimal
            Private _names As New System.Collections.Generic.Dictionary(Of String, String)
            Public Sub Bump(ByRef value As Decimal)
                value = value + 1
            End Sub
            Public Function Go() As String
                Dim s As String = "hello"
                Mid(s, 1, 2) = "HE"
                Dim n As Integer
                Integer.TryParse("3", n)
                Bump(_total)
                _names("a") = s
                Dim parts() As String = {"x"}
                parts(0) = CStr(n)
                Return s & parts(0) & _names("a") & System.Globalization.CultureInfo.InvariantCulture.Name
            End Function
            """;
        var report = TestReports.Report([TestReports.Textbox("T", "=Code.Go()", 5)], code, 40);
        var result = ExpressionCompiler.Compile(report, TestReports.FileName);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Suspending_the_guard_is_limited_to_the_calling_flow()
    {
        var report = TestReports.Report([TestReports.Textbox("Evil", "=Environment.MachineName", 3)]);
        using (ExpressionGuard.SuspendForTests())
            Assert.That(ExpressionCompiler.Compile(report, TestReports.FileName).Success, Is.True);
        Assert.That(ExpressionCompiler.Compile(report, TestReports.FileName).Success, Is.False);
    }
}
