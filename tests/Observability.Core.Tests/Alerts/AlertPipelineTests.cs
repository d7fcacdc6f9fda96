using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts;

public sealed class AlertPipelineTests : IDisposable
{
    private const string SinkSecret = "supersecretvalue1";
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    [Fact]
    public async Task ProcessAsync_AlertWithSecrets_SinkNeverSeesThem()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        var alert = CreateAlert() with
        {
            Message = "deploy called the API with token=tok-message-9911",
            Labels = new Dictionary<string, string> { ["service"] = "checkout", ["api_key"] = "key-label-8822", ["note"] = "password=pw-labelval-7733" },
            Context = new Dictionary<string, object?>
            {
                ["region"] = "eu-west-1",
                ["client_secret"] = "sec-context-6644",
                ["request"] = new Dictionary<string, object?> { ["headers"] = new List<object?> { new Dictionary<string, object?> { ["Authorization"] = "Bearer bear-nested-5555" } } },
            },
        };

        var result = await pipeline.ProcessAsync([alert], CancellationToken.None);

        var delivered = Assert.Single(sink.Alerts);
        var everything = AllText(delivered);
        Assert.DoesNotContain("tok-message", everything);
        Assert.DoesNotContain("key-label", everything);
        Assert.DoesNotContain("pw-labelval", everything);
        Assert.DoesNotContain("sec-context", everything);
        Assert.DoesNotContain("bear-nested", everything);
        Assert.Equal("***9911", delivered.Message[^7..]);
        Assert.Equal("eu-west-1", delivered.Context["region"]);
        Assert.DoesNotContain("tok-message", AllText(Assert.Single(result.Raised)));
    }

    [Fact]
    public async Task ProcessAsync_DeliveredAlert_CarriesConditionFingerprint()
    {
        var sink = new RecordingAlertSink();
        var provider = BuildProvider(sink);
        var pipeline = provider.GetRequiredService<AlertPipeline>();
        var alert = CreateAlert();

        await pipeline.ProcessAsync([alert], CancellationToken.None);

        var delivered = Assert.Single(sink.Alerts);
        Assert.Matches("^[0-9a-f]{64}$", delivered.Fingerprint);
        var expected = new AlertFingerprinter(new AlertingOptions()).Compute(alert);
        Assert.Equal(expected, delivered.Fingerprint);
    }

    [Fact]
    public async Task ProcessAsync_AlertWithFingerprint_KeepsIt()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        await pipeline.ProcessAsync([CreateAlert() with { Fingerprint = "custom-fingerprint" }], CancellationToken.None);

        Assert.Equal("custom-fingerprint", Assert.Single(sink.Alerts).Fingerprint);
    }

    [Fact]
    public async Task ProcessAsync_RepeatWithinDedupeWindow_IsSuppressedThenDeliveredAfterIt()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        var first = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var repeat = await pipeline.ProcessAsync([CreateAlert() with { Message = "7.9 % of 62 jobs failed", TraceId = "00f067aa0ba902b700f067aa0ba902b7" }], CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var later = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        Assert.Equal(0, first.Suppressed);
        Assert.Single(first.Raised);
        Assert.Equal(1, repeat.Suppressed);
        Assert.Empty(repeat.Raised);
        Assert.Empty(repeat.Deliveries);
        Assert.Equal(0, later.Suppressed);
        Assert.Single(later.Deliveries);
        Assert.Equal(2, sink.Deliveries.Count);
    }

    [Fact]
    public async Task ProcessAsync_SameConditionTwiceInOneBatch_DeliversOnce()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        var result = await pipeline.ProcessAsync([CreateAlert(), CreateAlert() with { Message = "other numbers" }], CancellationToken.None);

        Assert.Equal(1, result.Suppressed);
        Assert.Single(sink.Alerts);
    }

    [Fact]
    public async Task ProcessAsync_AlertsDisabled_RaisesRedactedAlertsButDeliversAndReservesNothing()
    {
        var sink = new RecordingAlertSink();
        var provider = BuildProvider(sink, o => o.Alerts.Enabled = false);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var result = await pipeline.ProcessAsync([CreateAlert() with { Message = "token=tok-disabled-1234" }], CancellationToken.None);

        var raised = Assert.Single(result.Raised);
        Assert.DoesNotContain("tok-disabled", raised.Message);
        Assert.NotNull(raised.Fingerprint);
        Assert.Empty(result.Deliveries);
        Assert.Equal(0, result.Suppressed);
        Assert.Empty(sink.Deliveries);
        var store = Assert.IsType<InMemoryDedupeStore>(provider.GetRequiredService<IDedupeStore>());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task ProcessAsync_BelowMinimumSeverity_IsRaisedButNotDelivered()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        var info = CreateAlert() with { Rule = "info_rule", Severity = AlertSeverity.Info };
        var warning = CreateAlert() with { Rule = "warning_rule", Severity = AlertSeverity.Warning };

        var result = await pipeline.ProcessAsync([info, warning], CancellationToken.None);

        Assert.Equal(2, result.Raised.Count);
        var delivered = Assert.Single(sink.Alerts);
        Assert.Equal("warning_rule", delivered.Rule);
        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(1, delivery.AlertCount);
    }

    [Fact]
    public async Task ProcessAsync_NothingAtMinimumSeverity_CallsNoSink()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o => o.Alerts.MinimumSeverity = AlertSeverity.Error);

        var result = await pipeline.ProcessAsync([CreateAlert() with { Severity = AlertSeverity.Warning }], CancellationToken.None);

        Assert.Single(result.Raised);
        Assert.Empty(result.Deliveries);
        Assert.Empty(sink.Deliveries);
    }

    [Fact]
    public async Task ProcessAsync_SinkThrows_BecomesRedactedFailureAndOtherSinkStillDelivers()
    {
        var broken = new RecordingAlertSink("broken").ThrowNext(new HttpRequestException($"POST https://hooks.example.com failed: token={SinkSecret}"));
        var healthy = new RecordingAlertSink("healthy");
        var provider = BuildProvider([broken, healthy], logging: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var result = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        Assert.Equal(2, result.Deliveries.Count);
        var failed = result.Deliveries[0];
        Assert.Equal("broken", failed.SinkName);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(1, failed.AlertCount);
        Assert.NotNull(failed.Error);
        Assert.Contains(nameof(HttpRequestException), failed.Error);
        Assert.DoesNotContain("supersecret", failed.Error);
        Assert.True(result.Deliveries[1].Succeeded);
        Assert.Equal("healthy", result.Deliveries[1].SinkName);
        Assert.Single(healthy.Alerts);
        Assert.Empty(broken.Alerts);

        var logs = provider.GetFakeLogCollector().GetSnapshot();
        var failure = Assert.Single(logs, r => r.Level == LogLevel.Warning && r.Message.Contains("broken", StringComparison.Ordinal));
        Assert.Contains(nameof(HttpRequestException), failure.Message);
        Assert.All(logs, r => Assert.DoesNotContain("supersecret", r.Message));
    }

    [Fact]
    public async Task ProcessAsync_SinkThrowsWithLongMessage_BecomesFailure()
    {
        // For example an exception that carries a whole response body.
        var broken = new RecordingAlertSink("broken").ThrowNext(new HttpRequestException(new string('x', 30_000)));
        var healthy = new RecordingAlertSink("healthy");
        var pipeline = Build([broken, healthy]);

        var result = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Delivered], result.Deliveries.Select(static d => d.Status));
        Assert.Single(healthy.Alerts);
    }

    [Fact]
    public async Task ProcessAsync_SinkTimesOutWithoutCallerCancellation_BecomesFailure()
    {
        var sink = new RecordingAlertSink("slow").ThrowNext(new TaskCanceledException("The request timed out."));
        var pipeline = Build(sink);

        var result = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
    }

    [Fact]
    public async Task ProcessAsync_SinkReturnsFailure_IsPassedThroughAndLogged()
    {
        var sink = new RecordingAlertSink("webhook").FailNext("HTTP 500 from the webhook", 500);
        var provider = BuildProvider([sink], logging: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var result = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(500, delivery.StatusCode);
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.Contains("webhook", StringComparison.Ordinal) && r.Message.Contains("500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_NoSinkDelivered_RetriesOnTheNextPassWithinTheWindow()
    {
        var sink = new RecordingAlertSink("webhook").FailNext("HTTP 503 from the webhook", 503);
        var pipeline = Build(sink);

        var first = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Failed, Assert.Single(first.Deliveries).Status);
        Assert.Equal(0, second.Suppressed); // the undelivered fingerprint was released
        Assert.True(Assert.Single(second.Deliveries).Succeeded);
        Assert.Single(sink.Alerts);
    }

    [Fact]
    public async Task ProcessAsync_OneSinkDelivered_KeepsTheReservation()
    {
        var failing = new RecordingAlertSink("webhook").FailNext("HTTP 503 from the webhook", 503);
        var working = new RecordingAlertSink("log");
        var pipeline = Build([failing, working]);

        await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        Assert.Equal(1, second.Suppressed);
        Assert.Empty(second.Deliveries);
        Assert.Single(working.Alerts);
    }

    [Fact]
    public async Task ProcessAsync_DedupeStoreThrows_FailsOpenAndLogsWithoutSecret()
    {
        var sink = new RecordingAlertSink();
        var services = new ServiceCollection();
        services.AddSingleton<IDedupeStore>(new ThrowingDedupeStore());
        var provider = BuildProvider([sink], logging: true, services: services);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var first = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);
        var second = await pipeline.ProcessAsync([CreateAlert()], CancellationToken.None);

        Assert.Equal(0, first.Suppressed + second.Suppressed);
        Assert.Equal(2, sink.Deliveries.Count);
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        Assert.All(logs, r => Assert.DoesNotContain("supersecret", r.Message));
    }

    [Fact]
    public async Task ProcessAsync_CallerCancelledBeforehand_Throws()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ProcessAsync([CreateAlert()], cts.Token));
        Assert.Empty(sink.Deliveries);
    }

    [Fact]
    public async Task ProcessAsync_CallerCancelsDuringDelivery_Throws()
    {
        using var cts = new CancellationTokenSource();
        var cancelling = new CancellingSink(cts);
        var after = new RecordingAlertSink("after");
        var pipeline = Build([cancelling, after]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ProcessAsync([CreateAlert()], cts.Token));
        Assert.Empty(after.Deliveries);
    }

    [Fact]
    public async Task ProcessAsync_NoAlerts_CallsNoSink()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        var result = await pipeline.ProcessAsync([], CancellationToken.None);

        Assert.Empty(result.Raised);
        Assert.Empty(result.Deliveries);
        Assert.Empty(sink.Deliveries);
    }

    private static Alert CreateAlert() => new()
    {
        Rule = "error_rate_critical",
        Severity = AlertSeverity.Critical,
        Title = "Error rate above 5 %",
        Message = "6.0 % of 60 jobs failed",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Labels = new Dictionary<string, string> { ["service"] = "checkout" },
        Timestamp = T0,
    };

    private static string AllText(Alert alert)
        => string.Join(
            "\n",
            new[] { alert.Title, alert.Message, alert.RootCause ?? string.Empty }
                .Concat(alert.Labels.Select(static l => $"{l.Key}={l.Value}"))
                .Concat(alert.Links.Select(static l => $"{l.Title} {l.Url.OriginalString}"))
                .Append(Flatten(alert.Context)));

    private static string Flatten(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IDictionary dictionary => string.Join("|", dictionary.Keys.Cast<object>().Select(k => $"{k}={Flatten(dictionary[k])}")),
        IEnumerable items => string.Join("|", items.Cast<object?>().Select(Flatten)),
        _ => value.ToString() ?? string.Empty,
    };

    private AlertPipeline Build(IAlertSink sink, Action<ObservabilityOptions>? configure = null)
        => BuildProvider([sink], configure).GetRequiredService<AlertPipeline>();

    private AlertPipeline Build(IAlertSink[] sinks)
        => BuildProvider(sinks).GetRequiredService<AlertPipeline>();

    private ServiceProvider BuildProvider(IAlertSink sink, Action<ObservabilityOptions>? configure = null)
        => BuildProvider([sink], configure);

    private ServiceProvider BuildProvider(IAlertSink[] sinks, Action<ObservabilityOptions>? configure = null, bool logging = false, ServiceCollection? services = null)
    {
        services ??= new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        if (logging)
        {
            services.AddFakeLogging();
        }

        var builder = services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
            configure?.Invoke(o);
        });
        foreach (var sink in sinks)
        {
            builder.AddAlertSink(sink);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider;
    }

    private sealed class ThrowingDedupeStore : IDedupeStore
    {
        public ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException($"redis://cache:6379 refused AUTH token={SinkSecret}");

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException($"redis://cache:6379 refused AUTH token={SinkSecret}");
    }

    private sealed class CancellingSink(CancellationTokenSource cts) : IAlertSink
    {
        public string Name => "cancelling";

        public async Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        {
            await cts.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return DeliveryResult.Delivered(Name, alerts.Count);
        }
    }
}
