using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.Infrastructure;

/// <summary>Keeps every log entry (with its scopes) so tests can assert on event ids and on what never gets logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly Lock _lock = new();
    private readonly List<(int EventId, TaskCompletionSource<LogEntry> Logged)> _waiters = [];
    private readonly List<LogEntry> _entries = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>A snapshot of everything logged so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Completes with the first entry of <paramref name="eventId"/>, logged already or when it is.</summary>
    public Task<LogEntry> WaitForAsync(int eventId)
    {
        lock (_lock)
        {
            if (_entries.FirstOrDefault(entry => entry.EventId.Id == eventId) is { } logged)
            {
                return Task.FromResult(logged);
            }

            var waiter = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, waiter));
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            foreach (var (eventId, logged) in _waiters.Where(waiter => waiter.EventId == entry.EventId.Id).ToList())
            {
                logged.TrySetResult(entry);
                _waiters.Remove((eventId, logged));
            }
        }
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyList<object?> Scopes);

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
            provider.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception, scopes));
        }
    }
}
