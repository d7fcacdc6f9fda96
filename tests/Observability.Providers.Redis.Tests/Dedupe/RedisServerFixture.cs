using Observability.Tests.Redis;
using StackExchange.Redis;

namespace Observability.Providers.Redis.Tests.Dedupe;

/// <summary>
/// The real Redis servers of the tests: an open one and one that requires <see cref="Password"/>, plus a connection to the
/// open one for reading what the store wrote (GET, PTTL, KEYS).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery-staple-91";

    private RedisServer? _open;
    private RedisServer? _protected;
    private ConnectionMultiplexer? _inspector;

    /// <summary>The open server's configuration string, <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Endpoint => _open?.Endpoint ?? throw new InvalidOperationException("Redis has not started.");

    /// <summary>The password-protected server's endpoint (no password in it).</summary>
    public string ProtectedEndpoint => _protected?.Endpoint ?? throw new InvalidOperationException("Redis has not started.");

    /// <summary>A database of the open server, for reading what the store wrote.</summary>
    public IDatabase Database => (_inspector ?? throw new InvalidOperationException("Redis has not started.")).GetDatabase();

    public IConnectionMultiplexer Connection => _inspector ?? throw new InvalidOperationException("Redis has not started.");

    public async Task InitializeAsync()
    {
        _open = await RedisServer.StartAsync();
        _protected = await RedisServer.StartAsync(Password);
        _inspector = await ConnectionMultiplexer.ConnectAsync(_open.Endpoint);
    }

    /// <summary>A key prefix no other test uses.</summary>
    public static string UniquePrefix(string test) => $"test:{test}:{Guid.NewGuid():N}:";

    public async Task DisposeAsync()
    {
        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }

        if (_open is not null)
        {
            await _open.DisposeAsync();
        }

        if (_protected is not null)
        {
            await _protected.DisposeAsync();
        }
    }
}
