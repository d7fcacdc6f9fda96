using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Observability.Providers.Sentry.Tests.Infrastructure;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>A loopback Sentry endpoint per test and a sink pointed at it, with every log line collected.</summary>
public abstract class SentrySinkTestBase : IAsyncLifetime
{
    /// <summary>The DSN's public key: long and distinctive, so that any leak is found by a plain search.</summary>
    public const string PublicKey = "f3a9c2e1b7d84a6c9e0f5b2d1c7a8e94";

    private readonly List<HttpClient> _clients = [];
    private readonly ILoggerFactory _loggerFactory;

    protected SentrySinkTestBase()
    {
        Server = new LoopbackSentryServer(PublicKey);
        Logs = new FakeLogCollector();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
    }

    internal LoopbackSentryServer Server { get; }

    protected FakeLogCollector Logs { get; }

    protected static Alert Alert(AlertSeverity severity = AlertSeverity.Error, string rule = "error_rate_high") => new()
    {
        Rule = rule,
        Severity = severity,
        Title = "checkout: error rate 7.5% above 5%",
        Message = "error rate 7.5% over 120 jobs",
        RootCause = "a dependency started failing",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Category] = "error_rate", ["region"] = "eu-west-1" },
        Links = [new AlertLink("CI run", new Uri("https://ci.example.test/runs/42"))],
        Timestamp = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
        Fingerprint = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    };

    internal SentryAlertSink Sink(Action<SentryAlertSinkOptions>? configure = null, string? dsn = null, TimeProvider? time = null)
    {
        var options = new SentryAlertSinkOptions { Dsn = dsn ?? Server.Dsn };
        configure?.Invoke(options);
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(client);
        return new SentryAlertSink("sentry", options, client, time ?? TimeProvider.System, _loggerFactory);
    }

    protected void AssertNoKeyLogged()
    {
        foreach (var record in Logs.GetSnapshot())
        {
            Assert.DoesNotContain(PublicKey, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(PublicKey, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _loggerFactory.Dispose();
        await Server.DisposeAsync();
    }
}
