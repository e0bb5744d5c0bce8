using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Reading;
namespace Rdl.Model.Tests.Reading;
public sealed class TmpDump
{
    [Test]
    public void Dump()
    {
        foreach (var f in Directory.EnumerateFiles("/work/shared/rdl-corpus", "*.rdl*", SearchOption.AllDirectories).Append("/work/shared/bench/sales.rdlc").Order())
        {
            var r = RdlReader.Read(File.ReadAllBytes(f), Path.GetFileName(f)).Report!;
            var s = r.Sections[0];
            int tb = 0, tx = 0, rect = 0, line = 0, runs = 0, styles = 0;
            void Walk(IEnumerable<ReportItem> items)
            {
                foreach (var i in items)
                {
                    styles += i.Style.Properties.Count;
                    switch (i)
                    {
                        case Textbox t: tx++; runs += t.Paragraphs.Sum(p => p.Runs.Length); break;
                        case RectangleItem re: rect++; Walk(re.Items); break;
                        case LineItem: line++; break;
                        case TablixDefinition x: tb++; Walk(x.Rows.SelectMany(rw => rw.Cells).Select(c => c.Contents).OfType<ReportItem>()); break;
                    }
                }
            }
            Walk(s.Body.Items);
            if (s.Page.Header is { } h) Walk(h.Items);
            if (s.Page.Footer is { } ft) Walk(ft.Items);
            TestContext.Out.WriteLine($"{Path.GetFileName(f),-45} y={r.SchemaYear} secs={r.Sections.Length} ds={r.DataSources.Length} dsets={r.DataSets.Length} par={r.Parameters.Length} tablix={tb} tb={tx} runs={runs} rect={rect} line={line} styles={styles} page={s.Page.PageWidth}x{s.Page.PageHeight} cols={s.Page.Columns} hdr={s.Page.Header?.Items.Length} ftr={s.Page.Footer?.Items.Length} w={s.Width} bodyH={s.Body.Height} code={r.Code?.Length}");
        }
    }
}
