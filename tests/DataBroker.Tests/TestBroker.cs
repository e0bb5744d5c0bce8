using System.Collections.Concurrent;
using DataBroker.Queries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataBroker.Tests;

/// <summary>A data broker wired through <see cref="DataBrokerServiceCollectionExtensions.AddDataBroker"/> from in-memory configuration, with captured logs.</summary>
internal sealed class TestBroker : IDisposable
{
    private readonly ServiceProvider _services;

    public TestBroker(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs)));
        services.AddDataBroker(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
        Runner = _services.GetRequiredService<IQueryRunner>();
    }

    public IQueryRunner Runner { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
