using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Observability.Testing;

namespace Observability.Providers.Redis.Tests.Dedupe;

/// <summary>The configuration string is a secret: a password in it never reaches an exception message or a log line.</summary>
[Collection(RedisServerCollection.Name)]
public sealed class RedisDedupeStoreSecretTests(RedisServerFixture redis)
{
    private const string WrongPassword = "wrong-secret-pw-4e1f0a";

    [Fact]
    public async Task RightPassword_Reserves()
    {
        await using var store = Store($"{redis.ProtectedEndpoint},password={RedisServerFixture.Password}", out _);

        Assert.True(await store.TryReserveAsync("fp", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task WrongPassword_ThrowsAClearErrorWithoutThePassword()
    {
        await using var store = Store($"{redis.ProtectedEndpoint},password={WrongPassword}", out var logs);

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await store.TryReserveAsync("fp", TimeSpan.FromMinutes(5)));

        // FailFast: while the connection cannot authenticate, the command fails at once with the reason.
        Assert.IsType<InvalidOperationException>(error);
        Assert.StartsWith($"The Redis dedupe store at {redis.ProtectedEndpoint} could not reserve a key: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("NOAUTH", error.Message, StringComparison.Ordinal); // Redis' own answer, relayed
        AssertNoSecret(WrongPassword, error, logs);
    }

    [Fact]
    public async Task Unreachable_ThrowsAClearErrorWithoutThePassword()
    {
        await using var store = Store($"127.0.0.1:1,password={WrongPassword}", out var logs, connectTimeout: TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await store.TryReserveAsync("fp", TimeSpan.FromMinutes(5)));

        Assert.IsType<InvalidOperationException>(error);
        Assert.StartsWith("The Redis dedupe store at 127.0.0.1:1 could not reserve a key: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("No connection is active/available", error.Message, StringComparison.Ordinal);
        AssertNoSecret(WrongPassword, error, logs);
    }

    [Fact]
    public async Task NoAnswerWithinTheOperationTimeout_ThrowsTimeoutWithoutThePassword()
    {
        var configuration = $"{redis.ProtectedEndpoint},password={RedisServerFixture.Password}";
        await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true");

        // The precondition is a store that is connected when the server stops answering. On a starved machine the client
        // has been seen to drop and redial its connection in that moment (CI, once: "No connection is active/available");
        // that is the not-connected path, tested above, so the scenario is set up again, at most three times.
        for (var attempt = 1; ; attempt++)
        {
            await using var store = Store(configuration, out var logs, TimeSpan.FromMilliseconds(300));
            Assert.True(await store.TryReserveAsync($"warm-up-{attempt}", TimeSpan.FromMinutes(5))); // connected

            // The real server stops answering writes for 1.5 s, longer than the 0.3 s operation timeout.
            await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", 1_500, "WRITE");
            var error = await Assert.ThrowsAnyAsync<Exception>(async () => await store.TryReserveAsync("fp", TimeSpan.FromMinutes(5)));
            await admin.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");

            Assert.StartsWith($"The Redis dedupe store at {redis.ProtectedEndpoint} could not reserve a key: ", error.Message, StringComparison.Ordinal);
            AssertNoSecret(RedisServerFixture.Password, error, logs);
            if (attempt < 3 && error is InvalidOperationException && error.Message.Contains("No connection is active/available", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.IsType<TimeoutException>(error);
            Assert.Contains("no answer within 0.3 s (connected)", error.Message, StringComparison.Ordinal);
            return;
        }
    }

    [Fact]
    public async Task Pipeline_RedisDown_FailsOpen_SendsTheAlert_AndLogsNoPassword()
    {
        var logs = new FakeLogCollector();
        var sink = new RecordingAlertSink();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddObservability(o => { o.ServiceName = "checkout"; o.Alerts.Enabled = true; })
            .AddRedisDedupeStore(o => { o.Configuration = $"127.0.0.1:1,password={WrongPassword}"; o.ConnectTimeout = TimeSpan.FromMilliseconds(500); })
            .AddAlertSink(sink);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IAlertPublisher>().PublishAsync([RedisTestAlerts.Alert(1)]);
        Assert.True(await provider.GetRequiredService<IAlertPublisher>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

        Assert.Single(result.Raised);
        Assert.Single(sink.Alerts); // a duplicate is better than a lost alert
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("dedupe store failed", StringComparison.Ordinal));
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain(WrongPassword, r.Message + r.Exception, StringComparison.Ordinal));
    }

    private static void AssertNoSecret(string secret, Exception error, FakeLogCollector logs)
    {
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.GetSnapshot());
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain(secret, r.Message + r.Exception, StringComparison.Ordinal));
    }

    // A reachable server gets 5 s to connect: on a loaded machine (CI, 2 cores) 0.5 s has not always been enough, and a
    // store that cannot connect fails fast rather than testing what the test is about. Unreachable ones keep 0.5 s.
    private static RedisDedupeStore Store(string configuration, out FakeLogCollector logs, TimeSpan? operationTimeout = null, TimeSpan? connectTimeout = null)
    {
        var collector = new FakeLogCollector();
        logs = collector;
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var options = new RedisDedupeStoreOptions
        {
            Configuration = configuration,
            KeyPrefix = RedisServerFixture.UniquePrefix("secret"),
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(5),
            OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(2),
        };
        return new RedisDedupeStore(options, TimeProvider.System, factory);
    }
}
