namespace Renderer.Host.Tests.Wasm;

/// <summary>Small modules in WebAssembly text for the tests, and a folder that holds them (plus the sample) as .wasm files.</summary>
internal static class TestModules
{
    /// <summary>Loops forever: only the fuel limit stops it.</summary>
    public const string Spin = """
        (module (func (export "spin") (result i32) (loop $forever (br $forever)) (i32.const 0)))
        """;

    /// <summary>Grows its memory a page at a time, forever, ignoring refusals.</summary>
    public const string Hog = """
        (module (memory (export "memory") 1)
          (func (export "hog") (result i32) (loop $more (drop (memory.grow (i32.const 1))) (br $more)) (i32.const 0)))
        """;

    /// <summary>Asks for a host function: refused at compile time.</summary>
    public const string Imports = """
        (module (import "env" "read_file" (func $read (param i32 i32) (result i32)))
          (func (export "steal") (result i32) (call $read (i32.const 0) (i32.const 0))))
        """;

    /// <summary>Exports a function with two results, which VB cannot call.</summary>
    public const string TwoResults = """
        (module (func (export "pair") (result i32 i32) (i32.const 1) (i32.const 2)))
        """;

    /// <summary>Divides by zero when asked: a trap.</summary>
    public const string Divide = """
        (module (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
        """;

    /// <summary>A new folder holding textutil.wasm (the sample) and the modules above as spin.wasm, hog.wasm, ...</summary>
    public static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "renderer-wasm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(SampleModuleTests.WasmFolder, "textutil.wasm"), Path.Combine(folder, "textutil.wasm"));
        foreach (var (name, wat) in new[] { ("spin", Spin), ("hog", Hog), ("imports", Imports), ("tworesults", TwoResults), ("divide", Divide) })
            File.WriteAllBytes(Path.Combine(folder, name + ".wasm"), Wat.ToWasm(wat));
        return folder;
    }

    /// <summary>An RDL report that references <paramref name="codeModule"/> and shows <paramref name="expression"/> in textbox Result.</summary>
    public static string Report(string codeModule, string expression) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
          <CodeModules>
            <CodeModule>{codeModule}</CodeModule>
          </CodeModules>
          <ReportSections><ReportSection>
            <Body><ReportItems>
              <Textbox Name="Result">
                <Paragraphs><Paragraph><TextRuns><TextRun><Value>{System.Security.SecurityElement.Escape(expression)}</Value></TextRun></TextRuns></Paragraph></Paragraphs>
                <Top>0cm</Top><Left>0cm</Left><Height>1cm</Height><Width>8cm</Width>
              </Textbox>
            </ReportItems><Height>3cm</Height></Body>
            <Width>10cm</Width>
            <Page><PageHeight>11in</PageHeight><PageWidth>8.5in</PageWidth></Page>
          </ReportSection></ReportSections>
        </Report>
        """;
}
