using System.Collections.Immutable;

namespace Rdl.Model.Diagnostics;

/// <summary>Collects diagnostics while a stage runs; <see cref="ToImmutable"/> hands them to the result.</summary>
public sealed class DiagnosticBag
{
    private readonly List<RdlDiagnostic> _items = [];

    public void Add(RdlDiagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<RdlDiagnostic> diagnostics) => _items.AddRange(diagnostics);

    public bool HasErrors => _items.Exists(d => d.IsError);

    public int Count => _items.Count;

    public ImmutableArray<RdlDiagnostic> ToImmutable() => [.. _items];
}
