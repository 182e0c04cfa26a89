using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Vigil.Ipvs.Tests.DataPlanes.Userspace;

/// <summary>Keeps the event ids every logger of the factory wrote.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<int> _events = new();

    public IReadOnlyCollection<int> Events => _events;

    public ILogger CreateLogger(string categoryName) => new Recorder(_events);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<int> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Enqueue(eventId.Id);
    }
}
