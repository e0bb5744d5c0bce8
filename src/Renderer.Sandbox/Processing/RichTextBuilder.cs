using System.Collections.Immutable;
using Renderer.Sandbox.Pages;

namespace Renderer.Sandbox.Processing;

/// <summary>
/// Joins the runs of a textbox with several text runs, some of them HTML placeholders, into one <see cref="RichText"/>:
/// a plain run continues the current paragraph, an HTML run's first paragraph continues it too and its later paragraphs
/// start new ones, and each RDL paragraph starts a new one.
/// </summary>
internal sealed class RichTextBuilder
{
    private readonly List<RichParagraph> _paragraphs = [];
    private readonly List<RichRun> _runs = [];
    private RichParagraph _layout = new([]);
    private bool _open;

    /// <summary>Text that came before the first HTML run, in the textbox's first style: its lines become paragraphs.</summary>
    public void AddPlain(string text, TextStyle style)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) EndParagraph();
            Add(lines[i], style);
        }
    }

    public void Add(string text, TextStyle style)
    {
        _open = true;
        if (text.Length > 0) _runs.Add(new RichRun(text, style));
    }

    public void Add(RichText html)
    {
        for (int i = 0; i < html.Paragraphs.Length; i++)
        {
            var paragraph = html.Paragraphs[i];
            if (i > 0) EndParagraph();
            if (_runs.Count == 0) _layout = paragraph;
            _open = true;
            _runs.AddRange(paragraph.Runs);
        }
    }

    public void EndParagraph()
    {
        if (!_open) return;
        _paragraphs.Add(_layout with { Runs = [.. _runs] });
        _runs.Clear();
        _layout = new RichParagraph([]);
        _open = false;
    }

    public RichText Build()
    {
        EndParagraph();
        return new RichText(ImmutableArray.CreateRange(_paragraphs));
    }
}
