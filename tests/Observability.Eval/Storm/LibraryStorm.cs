using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Observability.Eval.Storm;

/// <summary>
/// The library's side: a fresh service provider with <c>AddObservability</c> (alerts on, rate limits lifted, outbox capacity
/// 100,000, the default inhibition rule, every label in the fingerprint) and a no-op sink, as in <c>AlertStormBenchmarks</c>, driven through the public
/// <see cref="IAlertPublisher"/> on the system clock, as an application runs it (a <see cref="TimeProvider"/> of one's own
/// costs each send a timer of its own: the runtime resets only the system clock's timers for reuse).
/// </summary>
internal static class LibraryStorm
{
    /// <summary>
    /// Publishes <paramref name="batches"/> into a fresh pipeline and waits (<c>FlushAsync</c>) until the sink has every
    /// notification (the storm), then publishes them again right after (the repeats, every one suppressed). Building the
    /// pipeline, a full garbage collection before each timed part, and disposing are outside the times.
    /// </summary>
    public static async Task<(TimeSpan Storm, TimeSpan Repeats)> RunAsync(Alert[][] batches, int distinct, CancellationToken cancellationToken)
    {
        var sink = new NoOpAlertSink();
        var services = new ServiceCollection();
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
            o.Alerts.Delivery.RateLimitPerMinute = 1e9;
            o.Alerts.Delivery.RateLimitBurst = 1_000_000;
            o.Alerts.Delivery.OutboxCapacity = 100_000;

            // Alertmanager's identity of an alert is all of its labels; the library's is rule, service and severity plus
            // these. Without them the storm's alerts collapse to 1,994 fingerprints (2 rules x 997 services) from 2,000 on.
            foreach (var label in StormAlerts.IdentityLabels)
            {
                o.Alerts.FingerprintLabels.Add(label);
            }
        }).AddAlertSink(sink);
        await using var provider = services.BuildServiceProvider();
        var publisher = provider.GetRequiredService<IAlertPublisher>();

        Collect();
        var start = Stopwatch.GetTimestamp();
        var raised = 0;
        foreach (var batch in batches)
        {
            raised += (await publisher.PublishAsync(batch, cancellationToken).ConfigureAwait(false)).Raised.Count;
        }

        var flushed = await publisher.FlushAsync(cancellationToken).ConfigureAwait(false);
        var storm = Stopwatch.GetElapsedTime(start);
        if (raised != distinct || !flushed || sink.Delivered != distinct)
        {
            throw new StormException(string.Create(CultureInfo.InvariantCulture,
                $"the library raised {raised} and delivered {sink.Delivered} of {distinct} distinct alerts (flushed: {flushed}); the storm is not comparable."));
        }

        Collect();
        start = Stopwatch.GetTimestamp();
        var suppressed = 0;
        foreach (var batch in batches)
        {
            suppressed += (await publisher.PublishAsync(batch, cancellationToken).ConfigureAwait(false)).Suppressed;
        }

        var repeats = Stopwatch.GetElapsedTime(start);
        if (suppressed != distinct)
        {
            throw new StormException(string.Create(CultureInfo.InvariantCulture,
                $"the library suppressed {suppressed} of {distinct} repeated alerts; the repeats are not comparable."));
        }

        return (storm, repeats);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
