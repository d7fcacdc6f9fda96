using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Observability;

/// <summary>The shared connection, made on first use, and what may be said about it without the password.</summary>
public sealed partial class RedisDedupeStore
{
    private async ValueTask<IConnectionMultiplexer> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _connection) is { } ready)
        {
            return ready;
        }

        Task<IConnectionMultiplexer> connecting;
        lock (_connectGate)
        {
            connecting = _connecting ??= ConnectAsync();
        }

        // Every caller shares the one connection attempt; a caller that gives up does not cancel it for the others.
        return await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        LogConnecting(_logger, _endpoints);
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(_configuration!).ConfigureAwait(false);
            if (Volatile.Read(ref _disposed) != 0)
            {
                await connection.DisposeAsync().ConfigureAwait(false); // disposed while connecting: nobody else would close it
                throw new ObjectDisposedException(nameof(RedisDedupeStore));
            }

            Volatile.Write(ref _connection, connection);
            return connection;
        }
        catch
        {
            lock (_connectGate)
            {
                _connecting = null; // the next operation tries again
            }

            throw;
        }
    }

    private string Scrub(string text)
    {
        if (!string.IsNullOrEmpty(_configurationText))
        {
            text = text.Replace(_configurationText, _endpoints, StringComparison.Ordinal);
        }

        return _password is null ? text : text.Replace(_password, "***", StringComparison.Ordinal);
    }

    private static RedisDedupeStoreOptions Copy(RedisDedupeStoreOptions options) => new()
    {
        KeyPrefix = options.KeyPrefix,
        ConnectTimeout = options.ConnectTimeout,
        OperationTimeout = options.OperationTimeout,
        UsesExistingConnection = true,
    };

    private static int Milliseconds(TimeSpan value) => (int)Math.Ceiling(value.TotalMilliseconds);

    private static string Describe(IEnumerable<EndPoint> endpoints)
        => string.Join(",", endpoints.Select(static e => e switch
        {
            DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            _ => e.ToString() ?? "?",
        }));

    [LoggerMessage(EventId = 2500, Level = LogLevel.Debug, Message = "Redis dedupe store connecting to {Endpoints}")]
    private static partial void LogConnecting(ILogger logger, string endpoints);
}
