using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>One category's logger of the <see cref="JsonLoggerProvider"/>.</summary>
internal sealed class JsonLogger(string category, JsonLoggerProvider provider, JsonLogWriter writer) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => provider.Scopes?.Push(state) ?? NullScope.Instance;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        string message;
        try
        {
            message = formatter(state, exception);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            message = "(the message could not be formatted: " + e.GetType().Name + ")";
        }

        writer.Write(category, logLevel, eventId, state, message, exception, provider.Scopes);
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}
