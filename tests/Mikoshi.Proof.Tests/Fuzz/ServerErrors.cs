using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mikoshi.Tests.Fuzz;

/// <summary>
/// The app's error log, kept in memory instead of written to the console: a fuzz run makes tens of
/// thousands of refusals the framework logs as errors, and only the exception behind a 5xx is worth showing.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> errors = new();

    /// <summary>Forgets what was logged so far; call before each request.</summary>
    public void Clear() => errors.Clear();

    /// <summary>The last exception logged since <see cref="Clear"/>, cut to a readable length.</summary>
    public string? Last() => errors.LastOrDefault();

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private sealed class Recorder(ServerErrors owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && IsEnabled(logLevel))
            {
                var text = exception.ToString();
                owner.errors.Enqueue(text.Length <= 3000 ? text : text[..3000] + "…");
                while (owner.errors.Count > 20)
                {
                    owner.errors.TryDequeue(out _);
                }
            }
        }
    }
}
