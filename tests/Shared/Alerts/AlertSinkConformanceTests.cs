using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Observability.Tests.Conformance;

/// <summary>
/// The checks every alert sink passes, whatever its destination: a sealed type, guarded arguments,
/// a failure result (not an exception) for an unreachable endpoint, the caller's cancellation
/// honoured, and no secret in any log line or payload, whether the sink's own (token, webhook URL,
/// DSN) or one inside an alert. Link this file into a provider's test project and derive one class.
/// </summary>
public abstract class AlertSinkConformanceTests
{
    /// <summary>Secrets placed in alert text; the pipeline's redactor must keep each out of every payload.</summary>
    protected static readonly string[] AlertSecrets =
    [
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "hunter2-password-value",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjb25mb3JtYW5jZSJ9.c2lnbmF0dXJlLXZhbHVl",
    ];

    /// <summary>Gets the secret the sink is configured with (token, webhook URL, DSN key); it must never appear in a log line or a payload.</summary>
    protected abstract string SinkSecret { get; }

    /// <summary>Creates the sink under test, pointed at a destination that accepts alerts.</summary>
    protected abstract IAlertSink CreateSink(ILoggerFactory loggerFactory);

    /// <summary>Creates the sink pointed at an endpoint that refuses connections (for example <c>http://127.0.0.1:1/</c>).</summary>
    protected abstract IAlertSink CreateUnreachableSink(ILoggerFactory loggerFactory);

    /// <summary>Creates the sink pointed at a destination that accepts the connection and never answers.</summary>
    protected abstract IAlertSink CreateHangingSink(ILoggerFactory loggerFactory);

    /// <summary>Registers the sink (pointed at the accepting destination) through its public builder extension.</summary>
    protected abstract void AddSink(IObservabilityBuilder builder);

    /// <summary>Everything the destination received since the test began (request bodies, as text).</summary>
    protected abstract Task<IReadOnlyList<string>> ReceivedPayloadsAsync();

    /// <summary>Constructor calls with one required argument null or empty; each must throw an <see cref="ArgumentException"/> naming it.</summary>
    protected abstract IEnumerable<(string Parameter, Action Construct)> InvalidConstructions();

    protected static Alert SampleAlert(string rule = "conformance_check") => new()
    {
        Rule = rule,
        Severity = AlertSeverity.Critical,
        Title = "Conformance: error rate 7.5% above 5%",
        Message = "error rate 7.5% over 120 jobs",
        RootCause = "a dependency started failing",
        Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Category] = "error_rate" },
        Links = [new AlertLink("CI run", new Uri("https://ci.example.test/runs/42"))],
        Timestamp = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
        Fingerprint = new string('a', 64),
    };

    [Fact]
    public void Sink_IsSealed()
    {
        using var loggers = new FakeLoggerFactory();
        Assert.True(CreateSink(loggers.Factory).GetType().IsSealed);
    }

    [Fact]
    public void Constructors_GuardTheirArguments()
    {
        var cases = InvalidConstructions().ToArray();
        Assert.NotEmpty(cases);
        foreach (var (parameter, construct) in cases)
        {
            var exception = Assert.ThrowsAny<ArgumentException>(construct);
            Assert.Equal(parameter, exception.ParamName);
        }
    }

    [Fact]
    public async Task SendAsync_NullOrEmpty_Throws()
    {
        using var loggers = new FakeLoggerFactory();
        var sink = CreateSink(loggers.Factory);
        await Assert.ThrowsAsync<ArgumentNullException>(() => sink.SendAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => sink.SendAsync([]));
    }

    [Fact]
    public async Task SendAsync_AcceptingDestination_Delivers()
    {
        using var loggers = new FakeLoggerFactory();
        var result = await CreateSink(loggers.Factory).SendAsync([SampleAlert()]);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, result.AlertCount);
        Assert.NotEmpty(await ReceivedPayloadsAsync());
    }

    [Fact]
    public async Task SendAsync_UnreachableEndpoint_ReturnsRetryableFailureWithoutSecret()
    {
        using var loggers = new FakeLoggerFactory();
        var result = await CreateUnreachableSink(loggers.Factory).SendAsync([SampleAlert()]);
        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.True(result.IsRetryable);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.DoesNotContain(SinkSecret, result.ToString(), StringComparison.Ordinal);
        AssertNoSinkSecretLogged(loggers);
    }

    [Fact]
    public async Task SendAsync_CancelledBeforehand_Throws()
    {
        using var loggers = new FakeLoggerFactory();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSink(loggers.Factory).SendAsync([SampleAlert()], cts.Token));
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaiting_ThrowsPromptly()
    {
        using var loggers = new FakeLoggerFactory();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateHangingSink(loggers.Factory).SendAsync([SampleAlert()], cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"cancellation took {watch.Elapsed}");
    }

    [Fact]
    public async Task Pipeline_SecretsInAlerts_NeverReachThePayloadOrLogs()
    {
        using var loggers = new FakeLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton(loggers.Factory);
        var builder = services.AddObservability(options =>
        {
            options.ServiceName = "checkout";
            options.Alerts.Enabled = true;
        });
        AddSink(builder);
        await using var provider = services.BuildServiceProvider();
        var publisher = provider.GetRequiredService<IAlertPublisher>();

        var alert = SampleAlert("conformance_secrets") with
        {
            Fingerprint = null,
            Message = $"call failed with token={AlertSecrets[0]} and password={AlertSecrets[1]}",
            RootCause = $"Authorization: Bearer {AlertSecrets[2]}",
            Labels = new Dictionary<string, string>
            {
                [AlertLabels.Service] = "checkout",
                ["api_token"] = AlertSecrets[0],
                ["note"] = $"password={AlertSecrets[1]}",
            },
            Context = new Dictionary<string, object?> { ["password"] = AlertSecrets[1], ["nested"] = new Dictionary<string, object?> { ["token"] = AlertSecrets[2] } },
        };

        var published = await publisher.PublishAsync([alert]);
        using (var flush = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            Assert.True(await publisher.FlushAsync(flush.Token), "the outbox did not drain");
        }

        Assert.Single(published.Raised);
        var payloads = await ReceivedPayloadsAsync();
        Assert.NotEmpty(payloads);
        foreach (var secret in AlertSecrets.Append(SinkSecret))
        {
            Assert.All(payloads, p => Assert.DoesNotContain(secret, p, StringComparison.Ordinal));
        }

        AssertNoSinkSecretLogged(loggers);
    }

    private void AssertNoSinkSecretLogged(FakeLoggerFactory loggers)
    {
        foreach (var record in loggers.Collector.GetSnapshot())
        {
            Assert.DoesNotContain(SinkSecret, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(SinkSecret, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
            foreach (var secret in AlertSecrets)
            {
                Assert.DoesNotContain(secret, record.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>A logger factory whose every line lands in one <see cref="FakeLogCollector"/>.</summary>
    protected sealed class FakeLoggerFactory : IDisposable
    {
        public FakeLoggerFactory()
        {
            Collector = new FakeLogCollector();
            Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Collector)));
        }

        public FakeLogCollector Collector { get; }

        public ILoggerFactory Factory { get; }

        public void Dispose() => Factory.Dispose();
    }
}
