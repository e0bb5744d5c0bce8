using System.Collections.Immutable;
using System.Text;
using Rdl.Model.Diagnostics;

namespace Renderer.Host.Viewer.Sessions;

public enum SessionRenderState
{
    Running,
    Done,
    Failed,
}

/// <summary>
/// One render of a viewer session (the first view, or a re-render after a toggle, sort or refresh): its pages as the
/// sandbox sends them, the page count once known, and at the end the document's outline (title, style sheet, document
/// map, bookmarks) or the diagnostics of its failure. Readers wait for a page with <see cref="WaitForPageAsync"/>.
/// </summary>
public sealed class SessionRender(int generation)
{
    private readonly List<string> _pages = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Generation { get; } = generation;

    public SessionRenderState State { get; private set; } = SessionRenderState.Running;

    /// <summary>The page count the sandbox announced (0 while it is not known yet).</summary>
    public int PageCount { get; private set; }

    public int PagesReady
    {
        get
        {
            lock (_gate) return _pages.Count;
        }
    }

    /// <summary>The writer's outline of the document (JSON from the HTML writer), once the render is done.</summary>
    public string? Outline { get; private set; }

    public ImmutableArray<RdlDiagnostic> Diagnostics { get; private set; } = [];

    /// <summary>When the first page arrived (for the time-to-first-page measure); null before.</summary>
    public TimeSpan? FirstPageAfter { get; private set; }

    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Adds the next page (pages arrive in order; a page out of order is a protocol error of the sandbox, dropped).</summary>
    public void AddPage(int pageIndex, int pageCount, ReadOnlyMemory<byte> content)
    {
        lock (_gate)
        {
            if (pageIndex != _pages.Count || State != SessionRenderState.Running) return;
            _pages.Add(Encoding.UTF8.GetString(content.Span));
            if (pageCount > 0) PageCount = pageCount;
            FirstPageAfter ??= System.Diagnostics.Stopwatch.GetElapsedTime(_started);
        }
        Signal();
    }

    public void Complete(string outline, int pageCount, ImmutableArray<RdlDiagnostic> diagnostics)
    {
        lock (_gate)
        {
            Outline = outline;
            PageCount = Math.Max(pageCount, _pages.Count);
            Diagnostics = diagnostics;
            State = SessionRenderState.Done;
        }
        Signal();
    }

    public void Fail(ImmutableArray<RdlDiagnostic> diagnostics)
    {
        lock (_gate)
        {
            Diagnostics = diagnostics;
            State = SessionRenderState.Failed;
        }
        Signal();
    }

    /// <summary>Page <paramref name="number"/> (1-based) once it exists; null when the render ended without it or <paramref name="timeout"/> passed.</summary>
    public async Task<string?> WaitForPageAsync(int number, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (number >= 1 && number <= _pages.Count) return _pages[number - 1];
                if (State != SessionRenderState.Running) return null;
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            await Task.WhenAny(changed, Task.Delay(left, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Waits until the render has ended or <paramref name="timeout"/> passed.</summary>
    public async Task WaitForEndAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (State == SessionRenderState.Running)
        {
            Task changed;
            lock (_gate) changed = _changed.Task;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return;
            await Task.WhenAny(changed, Task.Delay(left, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The pages received so far (for find).</summary>
    public IReadOnlyList<string> Pages()
    {
        lock (_gate) return [.. _pages];
    }

    /// <summary>Bytes held by the pages (UTF-16).</summary>
    public long Bytes()
    {
        lock (_gate) return _pages.Sum(p => (long)p.Length * 2);
    }

    private void Signal()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }
}
