using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Observability.Internal;

namespace Observability.Benchmarks;

/// <summary>
/// A storm of distinct alerts of mixed severity (half critical, half warning, the default inhibition rule on:
/// critical mutes warnings of the same service and category), published in batches of 100 into a fresh pipeline
/// with the in-memory dedupe store and a no-op sink, on the system clock as an application runs (a clock of one's own
/// would cost each send a timer: the runtime resets only the system clock's timers for reuse). The cost per alert
/// must stay flat from 1,000 to 40,000 distinct alerts: every decision (dedupe, ledger, inhibition) is a hash lookup.
/// <see cref="Storm"/> publishes the storm and waits (<c>FlushAsync</c>) until the sink has every notification, so the
/// background delivery is in the time too; <see cref="Repeats"/> publishes the same storm again into a pipeline that
/// has just notified it (every alert a repeat, suppressed).
/// Each iteration builds a fresh pipeline (<c>[IterationSetup]</c>), so run it with one invocation per iteration:
/// <c>--filter '*AlertStorm*' --inProcess --warmupCount 1 --iterationCount 5 --invocationCount 1 --unrollFactor 1</c>.
/// </summary>
[MemoryDiagnoser]
public class AlertStormBenchmarks
{
    private const int Batch = 100;
    private ServiceProvider _services = null!;
    private AlertPipeline _pipeline = null!;
    private Alert[][] _batches = null!;

    /// <summary>Gets or sets the number of distinct alerts in the storm.</summary>
    [Params(1_000, 10_000, 40_000)]
    public int Distinct { get; set; }

    /// <summary>Builds the alerts once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _batches = Enumerable.Range(0, Distinct)
            .Select(static i => new Alert
            {
                Rule = i % 2 == 0 ? "error_rate_critical" : "latency_warning",
                Severity = i % 2 == 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
                Title = "Storm alert",
                Message = $"alert {i}",
                Labels = new Dictionary<string, string> { ["service"] = $"svc-{i % 997}", ["category"] = $"cat-{i / 2}", ["instance"] = $"i-{i}" },
            })
            .Chunk(Batch)
            .ToArray();
    }

    /// <summary>A fresh pipeline for every iteration, so each one is a storm of new fingerprints.</summary>
    [IterationSetup(Target = nameof(Storm))]
    public void BuildPipeline()
    {
        _services?.Dispose();
        var services = new ServiceCollection();
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;

            // Every label in the alert's identity, as Alertmanager has it: with the default identity (rule, service,
            // severity) the storm's 997 services and 2 rules make 1,994 fingerprints, and a 40,000 storm is mostly repeats.
            o.Alerts.FingerprintLabels.Add("category");
            o.Alerts.FingerprintLabels.Add("instance");
            o.Alerts.Delivery.RateLimitPerMinute = 1e9;
            o.Alerts.Delivery.RateLimitBurst = 1_000_000;
            o.Alerts.Delivery.OutboxCapacity = 100_000;
        }).AddAlertSink(new NoOpAlertSink());
        _services = services.BuildServiceProvider();
        _pipeline = _services.GetRequiredService<AlertPipeline>();
    }

    /// <summary>A fresh pipeline that has just notified the whole storm.</summary>
    [IterationSetup(Target = nameof(Repeats))]
    public void BuildNotifiedPipeline()
    {
        BuildPipeline();
        Storm().GetAwaiter().GetResult();
    }

    /// <summary>Disposes the last pipeline.</summary>
    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    /// <summary>The whole storm; divide the time by <see cref="Distinct"/> for the cost per alert.</summary>
    /// <returns>How many alerts were raised.</returns>
    [Benchmark]
    public async Task<int> Storm()
    {
        var raised = 0;
        foreach (var batch in _batches)
        {
            raised += (await _pipeline.PublishAsync(batch)).Raised.Count;
        }

        await _pipeline.FlushAsync();
        return raised;
    }

    /// <summary>The same storm again, right after: every alert is a repeat within its repeat interval.</summary>
    /// <returns>How many alerts were suppressed.</returns>
    [Benchmark]
    public async Task<int> Repeats()
    {
        var suppressed = 0;
        foreach (var batch in _batches)
        {
            suppressed += (await _pipeline.PublishAsync(batch)).Suppressed;
        }

        return suppressed;
    }
}
