namespace Renderer.Sandbox.Writers.Pdf;

/// <summary>
/// The parent/sibling/child links of a flat, document-ordered list of leveled outline entries. An entry nests under
/// the closest earlier entry with a smaller level; a level deeper than one below its predecessor counts as one below.
/// Indexes refer to the entry list; -1 means none (a -1 parent is the outline root).
/// </summary>
internal sealed class OutlineTree
{
    private OutlineTree(int count)
    {
        Parent = Enumerable.Repeat(-1, count).ToArray();
        Previous = Enumerable.Repeat(-1, count).ToArray();
        Next = Enumerable.Repeat(-1, count).ToArray();
        Descendants = new int[count];
        Children = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
    }

    public List<int> Roots { get; } = [];

    public int[] Parent { get; }

    public int[] Previous { get; }

    public int[] Next { get; }

    public List<int>[] Children { get; }

    /// <summary>How many entries sit below each entry at any depth (its /Count, every item being open).</summary>
    public int[] Descendants { get; }

    public static OutlineTree Build(IReadOnlyList<PdfOutlineEntry> entries)
    {
        var tree = new OutlineTree(entries.Count);
        var open = new List<(int Index, int Level)>();
        for (int i = 0; i < entries.Count; i++)
        {
            var level = entries[i].Level;
            while (open.Count > 0 && open[^1].Level >= level) open.RemoveAt(open.Count - 1);
            var siblings = open.Count == 0 ? tree.Roots : tree.Children[open[^1].Index];
            tree.Parent[i] = open.Count == 0 ? -1 : open[^1].Index;
            if (siblings.Count > 0)
            {
                tree.Previous[i] = siblings[^1];
                tree.Next[siblings[^1]] = i;
            }
            siblings.Add(i);
            foreach (var ancestor in open) tree.Descendants[ancestor.Index]++;
            open.Add((i, level));
        }
        return tree;
    }
}
