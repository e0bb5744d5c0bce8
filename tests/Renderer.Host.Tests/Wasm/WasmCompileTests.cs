using System.Text;
using Rdl.Model.Reading;
using Renderer.Host.Expressions;
using Renderer.Host.Expressions.Wasm;
using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Host.Tests.Wasm;

/// <summary>Compile time: CodeModule references resolve only inside the modules folder, and modules must keep the ABI.</summary>
public sealed class WasmCompileTests
{
    private string _folder = null!;
    private WasmModuleResolver _resolver = null!;

    [OneTimeSetUp]
    public void CreateFolder()
    {
        _folder = TestModules.CreateFolder();
        _resolver = new WasmModuleResolver(_folder, WasmLimits.Default);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private ExpressionCompilation Compile(string codeModule, string expression)
    {
        var read = RdlReader.Read(Encoding.UTF8.GetBytes(TestModules.Report(codeModule, expression)), "Wasm.rdl");
        Assert.That(read.Success, Is.True, string.Join("\n", read.Diagnostics));
        return ExpressionCompiler.Compile(read.Report!, "Wasm.rdl", _resolver.Resolve(read.Report!, "Wasm.rdl"));
    }

    [TestCase("wasm:textutil")]
    [TestCase("textutil.wasm")]
    public void A_module_in_the_folder_becomes_typed_functions_on_Code(string reference)
    {
        var result = Compile(reference, "=Code.TextUtil.Reverse(\"abc\") & Code.textutil.WordCount(\"a b\") + Code.TextUtil.Gcd(4, 6)");
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(result.WasmModules.Single().Name, Is.EqualTo("textutil"));
        Assert.That(result.WasmModules.Single().Bytes, Is.EqualTo(File.ReadAllBytes(Path.Combine(_folder, "textutil.wasm"))));
    }

    [Test]
    public void The_wrappers_are_typed_so_a_wrong_argument_count_is_a_compile_error()
    {
        var result = Compile("wasm:textutil", "=Code.TextUtil.Reverse(\"a\", \"b\")");
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("EXP3001"));
    }

    [Test]
    public void The_guard_lets_report_code_reach_the_bridge_only()
    {
        var result = Compile("wasm:textutil", "=GetType(Renderer.Sandbox.Runtime.Wasm.WasmRuntime).Name");
        Assert.That(result.Success, Is.False);
        Assert.That(string.Join("\n", result.Diagnostics), Does.Contain("EXP3100").And.Contain("WasmRuntime"));
    }

    [TestCase("wasm:../textutil")]
    [TestCase("wasm:/etc/passwd")]
    [TestCase("../../etc/textutil.wasm")]
    [TestCase("wasm:sub/textutil")]
    [TestCase(@"wasm:..\textutil")]
    public void A_path_is_refused_at_the_CodeModule_line(string reference)
    {
        var result = Compile(reference, "=1");
        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3200"));
        Assert.That(error.Message, Does.Contain("plain name"));
        Assert.That(error.Location.Line, Is.EqualTo(4), "the CodeModule element's line");
    }

    [Test]
    public void A_missing_module_is_refused()
    {
        var error = Compile("wasm:nosuchmodule", "=1").Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3200"));
        Assert.That(error.Message, Does.Contain("not found").And.Contain("nosuchmodule.wasm"));
    }

    [Test]
    public void A_module_that_imports_anything_is_refused()
    {
        var result = Compile("wasm:imports", "=Code.imports.steal()");
        Assert.That(result.Success, Is.False);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3201"));
        Assert.That(error.Message, Does.Contain("imports 'env.read_file' (function)").And.Contain("may import nothing"));
    }

    [Test]
    public void An_export_with_an_unsupported_signature_is_refused()
    {
        var error = Compile("wasm:tworesults", "=1").Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3201"));
        Assert.That(error.Message, Does.Contain("'pair'").And.Contain("unsupported type () -> (i32, i32)"));
    }

    [Test]
    public void Without_a_modules_folder_wasm_references_are_refused()
    {
        var read = RdlReader.Read(Encoding.UTF8.GetBytes(TestModules.Report("wasm:textutil", "=1")), "Wasm.rdl");
        var error = ExpressionCompiler.Compile(read.Report!, "Wasm.rdl").Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("EXP3200"));
        Assert.That(error.Message, Does.Contain("switched off"));
    }

    [Test]
    public void A_dotnet_assembly_code_module_is_not_loaded_and_says_so()
    {
        var result = Compile("System.Web, Version=4.0.0.0", "=1");
        Assert.That(result.Success, Is.True);
        Assert.That(result.WasmModules, Is.Empty);
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("EXP3202"));
        Assert.That(warning.IsError, Is.False);
        Assert.That(warning.Message, Does.Contain(".NET assembly").And.Contain("not loaded"));
    }

    [Test]
    public void The_cache_key_changes_with_the_module_bytes()
    {
        var read = RdlReader.Read(Encoding.UTF8.GetBytes(TestModules.Report("wasm:textutil", "=1")), "Wasm.rdl");
        var rdl = Encoding.UTF8.GetBytes("x");
        var before = CompilationCache.ComputeKey(rdl, _resolver.Resolve(read.Report!, "Wasm.rdl"));
        var other = new WasmModuleResolver(_folder, WasmLimits.Default);
        var path = Path.Combine(_folder, "textutil.wasm");
        var original = File.ReadAllBytes(path);
        try
        {
            File.WriteAllBytes(path, [.. original, 0, 1, 0x61]);
            Assert.That(CompilationCache.ComputeKey(rdl, other.Resolve(read.Report!, "Wasm.rdl")), Is.Not.EqualTo(before));
        }
        finally
        {
            File.WriteAllBytes(path, original);
        }
    }
}
