using System.Globalization;
using Microsoft.Extensions.Logging;
using Observability.Internal;
using StackExchange.Redis;

namespace Observability;

/// <summary>
/// A dedupe store shared through Redis, so that several replicas (or successive runs) of a service send one notification
/// per fingerprint per window. A reservation is <c>SET &lt;prefix&gt;&lt;key&gt; &lt;token&gt; NX PX &lt;window in ms&gt;</c>:
/// atomic, so exactly one of several concurrent callers wins, and timed by Redis, so no clock of ours matters.
/// The value is a token unique to this store instance (one per process when registered as a singleton), and
/// <see cref="ReleaseAsync"/> deletes the key only while it still holds that token (a compare-and-delete Lua script),
/// so one replica can never free a reservation another replica holds.
/// </summary>
/// <remarks>
/// The connection is made on first use and shared; the store disposes it unless it was given an existing one.
/// When Redis is down or slow, the store throws (a <see cref="TimeoutException"/> after
/// <see cref="RedisDedupeStoreOptions.OperationTimeout"/>, an <see cref="InvalidOperationException"/> otherwise) with a
/// message that names the endpoint and never the password; the alert pipeline catches it and decides in its own
/// memory until Redis answers again (one notification per fingerprint per window, whatever the outage). The caller's
/// cancellation surfaces as an
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed partial class RedisDedupeStore : IDedupeStore, IAsyncDisposable, IDisposable
{
    private const string CompareAndDelete = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
    private static readonly long MaxWindowMilliseconds = (long)TimeSpan.FromDays(3650).TotalMilliseconds;

    private readonly ConfigurationOptions? _configuration;
    private readonly bool _ownsConnection;
    private readonly Lock _connectGate = new();
    private readonly string _keyPrefix;
    private readonly TimeSpan _operationTimeout;
    private readonly string _endpoints;
    private readonly string? _password;
    private readonly string? _configurationText;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private IConnectionMultiplexer? _connection;
    private Task<IConnectionMultiplexer>? _connecting;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="RedisDedupeStore"/> class that connects on first use with <see cref="RedisDedupeStoreOptions.Configuration"/>.</summary>
    /// <param name="options">The options; they must be valid.</param>
    /// <param name="timeProvider">Times each operation out.</param>
    /// <param name="loggerFactory">Creates the store's logger.</param>
    public RedisDedupeStore(RedisDedupeStoreOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this((object?)null, options, timeProvider, loggerFactory)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RedisDedupeStore"/> class over an existing connection, which it does not dispose.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="options">The options (<see cref="RedisDedupeStoreOptions.Configuration"/> is not used).</param>
    /// <param name="timeProvider">Times each operation out.</param>
    /// <param name="loggerFactory">Creates the store's logger.</param>
    public RedisDedupeStore(IConnectionMultiplexer connection, RedisDedupeStoreOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this((object?)connection ?? throw new ArgumentNullException(nameof(connection)), options, timeProvider, loggerFactory)
    {
    }

    private RedisDedupeStore(object? connection, RedisDedupeStoreOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var existing = connection as IConnectionMultiplexer;
        var problems = RedisDedupeStoreOptionsValidator.Problems(existing is null ? options : Copy(options));
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid RedisDedupeStoreOptions: {string.Join(" ", problems)}", nameof(options));
        }

        _keyPrefix = options.KeyPrefix;
        _operationTimeout = options.OperationTimeout;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<RedisDedupeStore>();
        if (existing is not null)
        {
            _connection = existing;
            _endpoints = Describe(existing.GetEndPoints());
            return;
        }

        _ownsConnection = true;
        _configurationText = options.Configuration;
        _configuration = ConfigurationOptions.Parse(options.Configuration!);
        _configuration.ConnectTimeout = Milliseconds(options.ConnectTimeout);
        _configuration.AsyncTimeout = Milliseconds(options.OperationTimeout);
        _configuration.SyncTimeout = Milliseconds(options.OperationTimeout);
        _configuration.AbortOnConnectFail = false; // keep retrying in the background rather than failing for good
        _configuration.BacklogPolicy = BacklogPolicy.FailFast; // while disconnected, fail at once (the pipeline sends anyway) rather than queue
        _configuration.ClientName ??= "observability-dedupe";
        _password = string.IsNullOrEmpty(_configuration.Password) ? null : _configuration.Password;
        _endpoints = Describe(_configuration.EndPoints);
    }

    /// <summary>Gets the value this store writes into its reservations; unique to the instance.</summary>
    internal string OwnerToken { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Gets the key a fingerprint is reserved under.</summary>
    /// <param name="key">The fingerprint.</param>
    /// <returns>The prefix followed by the fingerprint.</returns>
    internal string RedisKeyOf(string key) => _keyPrefix + key;

    /// <inheritdoc />
    public async ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        // PX in whole milliseconds, rounded up so a sub-millisecond window still reserves; EX would lose sub-second windows.
        var milliseconds = Math.Min((long)Math.Ceiling(window.TotalMilliseconds), MaxWindowMilliseconds);
        var result = await RunAsync("reserve a key", db => db.ExecuteAsync("SET", (RedisKey)RedisKeyOf(key), OwnerToken, "NX", "PX", milliseconds), cancellationToken).ConfigureAwait(false);
        return !result.IsNull; // OK when set; nil when the key is held
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        await RunAsync("release a key", db => db.ScriptEvaluateAsync(CompareAndDelete, [(RedisKey)RedisKeyOf(key)], [(RedisValue)OwnerToken]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection if the store made it.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsConnection && _connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection if the store made it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsConnection && _connection is { } connection)
        {
            connection.Dispose();
        }
    }

    /// <summary>Runs one command on the shared connection within the operation timeout; a failure becomes an exception that names the endpoint, never the password.</summary>
    internal async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await command(connection.GetDatabase()).WaitAsync(_operationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or IOException or (InvalidOperationException and not ObjectDisposedException))
        {
            var reason = e is TimeoutException and not RedisTimeoutException
                ? string.Create(CultureInfo.InvariantCulture, $"no answer within {_operationTimeout.TotalSeconds:0.###} s ({(Volatile.Read(ref _connection)?.IsConnected == true ? "connected" : "not connected")})")
                : Scrub(e.Message);
            LogFailed(_logger, _endpoints, operation, e.GetType().Name, reason);
            var message = $"The Redis dedupe store at {_endpoints} could not {operation}: {reason}";
            var inner = Scrub(e.ToString()) == e.ToString() ? e : null; // an inner exception that could show the password is dropped
            throw e is TimeoutException or RedisTimeoutException ? new TimeoutException(message, inner) : new InvalidOperationException(message, inner);
        }
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Redis dedupe store at {Endpoints}: could not {Operation} ({ExceptionType}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string endpoints, string operation, string exceptionType, string reason);
}
