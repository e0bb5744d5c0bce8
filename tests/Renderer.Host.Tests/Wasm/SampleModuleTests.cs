using Renderer.Sandbox.Runtime.Wasm;

namespace Renderer.Host.Tests.Wasm;

/// <summary>The committed sample module is the build of its source, and it offers the functions its source declares.</summary>
public sealed class SampleModuleTests
{
    public static string WasmFolder => Path.Combine(ProjectRoot(), "samples", "wasm");

    [Test]
    public void The_committed_textutil_wasm_is_built_from_its_source()
    {
        var built = Wat.ToWasm(File.ReadAllText(Path.Combine(WasmFolder, "textutil", "textutil.wat")));
        var committed = Path.Combine(WasmFolder, "textutil.wasm");
        // REGENERATE_WASM=1 (samples/wasm/textutil/build.sh) rewrites the binary instead of checking it.
        if (Environment.GetEnvironmentVariable("REGENERATE_WASM") == "1") File.WriteAllBytes(committed, built);
        Assert.That(File.ReadAllBytes(committed), Is.EqualTo(built), "run samples/wasm/textutil/build.sh after editing textutil.wat");
    }

    [Test]
    public void Textutil_offers_typed_string_and_numeric_functions()
    {
        var module = WasmModuleInspector.Inspect("textutil", File.ReadAllBytes(Path.Combine(WasmFolder, "textutil.wasm")));
        Assert.That(module.Errors, Is.Empty);
        Assert.That(module.Functions.Select(f => f.ToString()), Is.EquivalentTo(new[]
        {
            "gcd(arg1: i32, arg2: i32) -> i32",
            "reverse(text: string) -> string",
            "upper(text: string) -> string",
            "wordcount(text: string) -> i32",
        }));
    }

    internal static string ProjectRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "wasm"))) return dir.FullName;
        throw new DirectoryNotFoundException("samples/wasm not found above " + AppContext.BaseDirectory);
    }
}
