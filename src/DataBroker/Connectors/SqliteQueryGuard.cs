using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataBroker.Connectors;

/// <summary>
/// Enforces the query timeout and cancellation on a SQLite connection. Microsoft.Data.Sqlite's CommandTimeout only bounds
/// waiting for locks, so a long-running statement is stopped with <c>sqlite3_interrupt</c>. The timeout is a budget of time
/// spent inside SQLite (open, execute, each read); time the consumer spends between rows is not counted.
/// </summary>
internal sealed class SqliteQueryGuard : IDisposable
{
    private const int SqliteInterrupt = 9;

    private readonly CancellationTokenSource _timeout = new();
    private readonly TimeSpan _limit;
    private TimeSpan _remaining;
    private SqliteConnection? _connection;
    private CancellationTokenRegistration _timeoutRegistration;

    public SqliteQueryGuard(TimeSpan limit)
    {
        _limit = limit;
        _remaining = limit;
    }

    /// <summary>From now on, a timeout or cancellation interrupts statements running on <paramref name="connection"/>.</summary>
    public void Attach(SqliteConnection connection)
    {
        _connection = connection;
        _timeoutRegistration = _timeout.Token.Register(Interrupt);
    }

    public T Run<T>(Func<T> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_timeout.IsCancellationRequested || _remaining <= TimeSpan.Zero) throw TimedOut();

        using var cancelRegistration = _connection is null ? default : cancellationToken.Register(Interrupt);
        var watch = Stopwatch.StartNew();
        _timeout.CancelAfter(_remaining);
        try
        {
            return action();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteInterrupt)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_timeout.IsCancellationRequested) throw TimedOut();
            throw;
        }
        finally
        {
            if (!_timeout.IsCancellationRequested) _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
            _remaining -= watch.Elapsed;
        }
    }

    public void Dispose()
    {
        _timeoutRegistration.Dispose();
        _connection = null;
        _timeout.Dispose();
    }

    private TimeoutException TimedOut() => new($"the query did not complete within {_limit.TotalSeconds:0.###} seconds (DataBroker:QueryTimeoutSeconds)");

    private void Interrupt()
    {
        var handle = _connection?.Handle;
        if (handle is not null) raw.sqlite3_interrupt(handle);
    }
}
