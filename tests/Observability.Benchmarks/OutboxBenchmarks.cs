using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Observability.Internal;

namespace Observability.Benchmarks;

/// <summary>
/// One sink's outbox (<see cref="SinkOutbox"/>, the pipeline's own) during a storm of distinct alerts (mixed severity,
/// in 1,000 groups or a group each) while its sink is down: every send fails with a retryable error, so every alert stays queued. Alerts
/// arrive in batches of 100, the clock moving a second per batch, and after each batch the benchmark does what the
/// background sender does when woken: deliver what is due (a retry when the backoff is over), then ask for the next
/// attempt's time. With a capacity of 100,000 every alert is kept; with 1,000 the outbox is full after the first 1,000
/// and every later alert makes room (the oldest of the lowest severity goes). The cost per alert must stay flat
/// whatever the size. Each iteration starts from an empty outbox (<c>[IterationSetup]</c>), so run it with one
/// invocation per iteration:
/// <c>--filter '*OutboxBenchmarks*' --inProcess --warmupCount 1 --iterationCount 5 --invocationCount 1 --unrollFactor 1</c>.
/// </summary>
[MemoryDiagnoser]
public class OutboxBenchmarks
{
    private const int Batch = 100;
    private (Alert Alert, string Group)[][] _batches = null!;
    private SteppingClock _clock = null!;
    private SinkOutbox _outbox = null!;

    /// <summary>
    /// Gets the storms: 1,000 / 10,000 / 40,000 alerts in 1,000 groups with room for all, the same in a group per alert
    /// (grouping off, or a label that differs for each alert), and 40,000 into an outbox of 1,000.
    /// </summary>
    public static IEnumerable<StormSize> Sizes =>
    [
        new(1_000, 100_000, 1_000),
        new(10_000, 100_000, 1_000),
        new(40_000, 100_000, 1_000),
        new(1_000, 100_000, 0),
        new(10_000, 100_000, 0),
        new(40_000, 100_000, 0),
        new(40_000, 1_000, 1_000),
    ];

    /// <summary>Gets or sets the storm: how many distinct alerts, and the outbox's capacity.</summary>
    [ParamsSource(nameof(Sizes))]
    public StormSize Size { get; set; }

    /// <summary>Builds the alerts once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var groups = Size.Groups;
        _batches = Enumerable.Range(0, Size.Alerts)
            .Select(i => (new Alert
            {
                Rule = "error_rate",
                Severity = (i % 3) switch { 0 => AlertSeverity.Warning, 1 => AlertSeverity.Error, _ => AlertSeverity.Critical },
                Title = "Storm alert",
                Message = $"alert {i}",
                Labels = new Dictionary<string, string> { ["service"] = $"svc-{i % 1_000}", ["instance"] = $"i-{i}" },
                Fingerprint = $"fp-{i}",
            }, groups == 0 ? $"fp-{i}" : $"svc-{i % groups}"))
            .Chunk(Batch)
            .ToArray();
    }

    /// <summary>An empty outbox for every iteration.</summary>
    [IterationSetup]
    public void BuildOutbox()
    {
        _clock = new SteppingClock();
        var options = new AlertingOptions { Enabled = true, GroupWait = TimeSpan.FromSeconds(30), GroupInterval = TimeSpan.FromMinutes(5) };
        options.Delivery.OutboxCapacity = Size.Capacity;
        _outbox = new SinkOutbox(
            new DownAlertSink(),
            new AlertRules.Route(AlertSeverity.Info, [], RateLimitPerMinute: 1e9, RateLimitBurst: 1_000_000),
            options,
            _clock,
            new AlertMetrics(null, static () => []),
            new SecretRedactor(new RedactionOptions()),
            NullLogger.Instance);
    }

    /// <summary>The whole storm against a sink that is down; divide the time by the alert count for the cost per alert.</summary>
    /// <returns>How many alerts the outbox took.</returns>
    [Benchmark]
    public async Task<int> SinkDown()
    {
        var queued = 0;
        foreach (var batch in _batches)
        {
            _clock.Step(TimeSpan.FromSeconds(1));
            queued += _outbox.Enqueue(batch);
            await _outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);
            _ = _outbox.WaitForNextAttempt(ignoreGroupWait: false);
        }

        return queued;
    }

    /// <summary>A storm's size.</summary>
    /// <param name="Alerts">How many distinct alerts are published.</param>
    /// <param name="Capacity">The outbox's capacity.</param>
    /// <param name="Groups">How many groups they fall into (0: a group per alert).</param>
    public readonly record struct StormSize(int Alerts, int Capacity, int Groups)
    {
        /// <summary>Gets the storm as alerts/groups/capacity ("each": a group per alert), short enough for the results table.</summary>
        /// <returns>The text.</returns>
        public override string ToString() => $"{Alerts}/{(Groups == 0 ? "each" : Groups)}/{Capacity}";
    }

    private sealed class DownAlertSink : IAlertSink
    {
        public string Name => "down";

        public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
            => Task.FromResult(DeliveryResult.Failed(Name, alerts.Count, "HTTP 503 Service Unavailable", 503));
    }

    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Step(TimeSpan by) => _now += by;
    }
}
