using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Observability.Internal;

namespace Observability.Benchmarks;

/// <summary>
/// The alert pipeline's own cost per alert, I/O excluded (an in-memory dedupe store and a sink that
/// does nothing), against the baseline of computing one alert's fingerprint (a SHA-256). Each
/// publishing benchmark handles a batch of 100 alerts; BenchmarkDotNet divides by 100.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class AlertPipelineBenchmarks
{
    private const int Batch = 100;
    private readonly SteppingClock _clock = new();
    private Alert[] _alerts = null!;
    private AlertFingerprinter _fingerprinter = null!;
    private InMemoryDedupeStore _store = null!;
    private ServiceProvider _services = null!;
    private AlertPipeline _pipeline = null!;
    private string _reservedKey = null!;

    /// <summary>Builds the pipeline as a user would, and 100 distinct alerts of one service.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _alerts = Enumerable.Range(0, Batch).Select(i => new Alert
        {
            Rule = $"error_rate_critical_{i}",
            Severity = AlertSeverity.Critical,
            Title = "Error rate above 5 %",
            Message = $"6.{i} % of 120 jobs failed; see https://ci.example.test/runs/{i}",
            RootCause = "a dependency started failing",
            TraceId = $"{i:x32}",
            Labels = new Dictionary<string, string> { ["service"] = "checkout", ["environment"] = "production", ["category"] = "error_rate" },
            Context = new Dictionary<string, object?> { ["observed"] = 0.06, ["threshold"] = 0.05 },
        }).ToArray();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
            o.Alerts.Delivery.RateLimitPerMinute = 1e9;
            o.Alerts.Delivery.RateLimitBurst = 1_000_000;
        }).AddAlertSink(new NoOpAlertSink());
        _services = services.BuildServiceProvider();
        _pipeline = _services.GetRequiredService<AlertPipeline>();
        _fingerprinter = _services.GetRequiredService<AlertFingerprinter>();
        _store = new InMemoryDedupeStore(_clock);
        _reservedKey = _fingerprinter.Compute(_alerts[0]);
        _store.TryReserveAsync(_reservedKey, TimeSpan.FromHours(4)).AsTask().GetAwaiter().GetResult();
        _pipeline.PublishAsync(_alerts).GetAwaiter().GetResult(); // the repeats below are suppressed
    }

    /// <summary>Disposes the services.</summary>
    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>Baseline: the SHA-256 fingerprint of one alert's condition.</summary>
    /// <returns>The fingerprint.</returns>
    [Benchmark(Baseline = true)]
    public string Fingerprint() => _fingerprinter.Compute(_alerts[0]);

    /// <summary>The dedupe decision on a fingerprint already reserved (a repeat).</summary>
    /// <returns><see langword="false"/>.</returns>
    [Benchmark]
    public bool DedupeDecision_Repeat() => _store.TryReserveAsync(_reservedKey, TimeSpan.FromHours(4)).Result;

    /// <summary>Per alert: publishing repeats (redact, fingerprint, silences, inhibition, dedupe: suppressed).</summary>
    /// <returns>How many were suppressed.</returns>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<int> Publish_Repeat() => (await _pipeline.PublishAsync(_alerts)).Suppressed;

    /// <summary>
    /// Per alert: publishing alerts that notify (the clock jumps past the repeat interval first), so
    /// each is also routed, grouped and queued, then (the flush) sent to the no-op sink and settled.
    /// </summary>
    /// <returns>How many were queued.</returns>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<int> Publish_New()
    {
        _clock.Step(TimeSpan.FromHours(5));
        var result = await _pipeline.PublishAsync(_alerts);
        await _pipeline.FlushAsync();
        return result.Deliveries.Sum(static d => d.AlertCount);
    }

    /// <summary>A clock the benchmark moves by hand (no timers are created on it in these paths).</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Step(TimeSpan by) => _now += by;
    }
}
