using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>The alert pipeline built as a user builds it, on a fake clock, with helpers shared by its test classes.</summary>
public abstract class AlertPipelineTestBase : IDisposable
{
    protected const string SinkSecret = "supersecretvalue1";
    protected static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private protected readonly FakeTimeProvider _time = new(T0);
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private protected static Alert CreateAlert() => new()
    {
        Rule = "error_rate_critical",
        Severity = AlertSeverity.Critical,
        Title = "Error rate above 5 %",
        Message = "6.0 % of 60 jobs failed",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Labels = new Dictionary<string, string> { ["service"] = "checkout" },
        Timestamp = T0,
    };

    private protected static string AllText(Alert alert)
        => string.Join(
            "\n",
            new[] { alert.Title, alert.Message, alert.RootCause ?? string.Empty }
                .Concat(alert.Labels.Select(static l => $"{l.Key}={l.Value}"))
                .Concat(alert.Links.Select(static l => $"{l.Title} {l.Url.OriginalString}"))
                .Append(Flatten(alert.Context)));

    private protected static string Flatten(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IDictionary dictionary => string.Join("|", dictionary.Keys.Cast<object>().Select(k => $"{k}={Flatten(dictionary[k])}")),
        IEnumerable items => string.Join("|", items.Cast<object?>().Select(Flatten)),
        _ => value.ToString() ?? string.Empty,
    };

    private protected AlertPipeline Build(IAlertSink sink, Action<ObservabilityOptions>? configure = null)
        => BuildProvider([sink], configure).GetRequiredService<AlertPipeline>();

    private protected AlertPipeline Build(IAlertSink[] sinks, Action<ObservabilityOptions>? configure = null)
        => BuildProvider(sinks, configure).GetRequiredService<AlertPipeline>();

    private protected ServiceProvider BuildProvider(IAlertSink sink, Action<ObservabilityOptions>? configure = null)
        => BuildProvider([sink], configure);

    /// <summary>
    /// Builds the pipeline's container. Unless <paramref name="background"/>, the pipeline's senders stay off and the test
    /// drives every attempt with <c>DeliverDueAsync</c> (which returns the attempts' results) or <c>FlushAsync</c>.
    /// </summary>
    private protected ServiceProvider BuildProvider(IAlertSink[] sinks, Action<ObservabilityOptions>? configure = null, bool logging = false, ServiceCollection? services = null, bool background = false)
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
        provider.GetRequiredService<AlertPipeline>().ManualDelivery = !background;
        return provider;
    }

    /// <summary>Publishes, then makes the attempts that are due now (the senders' work); returns both.</summary>
    private protected static async Task<(AlertPublishResult Published, IReadOnlyList<DeliveryResult> Deliveries)> PublishAndDeliverAsync(AlertPipeline pipeline, IReadOnlyList<Alert> alerts)
    {
        var published = await pipeline.PublishAsync(alerts, CancellationToken.None);
        return (published, await pipeline.DeliverDueAsync());
    }

    /// <summary>
    /// Publishes, then makes the attempts that are due now as the sender would, and returns the publish's result with
    /// those attempts as its deliveries (what publishing returned when it made the first attempt itself).
    /// </summary>
    private protected static async Task<AlertPublishResult> PublishNowAsync(AlertPipeline pipeline, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        var published = await pipeline.PublishAsync(alerts, cancellationToken);
        var attempts = await pipeline.DeliverDueAsync(cancellationToken);
        return new AlertPublishResult
        {
            Accepted = published.Accepted,
            Raised = published.Raised,
            Suppressed = published.Suppressed,
            Silenced = published.Silenced,
            Inhibited = published.Inhibited,
            Deliveries = attempts,
        };
    }

    private protected sealed class ThrowingDedupeStore : IDedupeStore
    {
        public ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException($"redis://cache:6379 refused AUTH token={SinkSecret}");

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException($"redis://cache:6379 refused AUTH token={SinkSecret}");
    }

    private protected sealed class CancellingSink(CancellationTokenSource cts) : IAlertSink
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
