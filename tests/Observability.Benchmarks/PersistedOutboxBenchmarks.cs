using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Observability.Internal;

namespace Observability.Benchmarks;

/// <summary>
/// A storm of distinct alerts through a pipeline whose outbox is kept on disk (<c>Delivery:OutboxDirectory</c>) and a
/// no-op sink: the alerts are published in batches of 100 while their groups wait (<c>GroupWait</c> 10 min, so the whole
/// storm is queued, as when a sink is slow or down), then <c>FlushAsync</c> sends them all, a group (a service, ten alerts)
/// at a time, and settles each send in the file. <see cref="InMemory"/> is the same storm without the file (the baseline). The cost per alert of the
/// file must stay flat in the storm's size: each change is a record appended to the outbox's journal, not the whole
/// outbox rewritten. Each iteration builds a fresh pipeline in a fresh folder (<c>[IterationSetup]</c>), so run it with
/// one invocation per iteration:
/// <c>--filter '*PersistedOutbox*' --inProcess --warmupCount 1 --iterationCount 5 --invocationCount 1 --unrollFactor 1</c>.
/// </summary>
[MemoryDiagnoser]
public class PersistedOutboxBenchmarks
{
    private const int Batch = 100;
    private ServiceProvider? _services;
    private AlertPipeline _pipeline = null!;
    private Alert[][] _batches = null!;
    private string? _directory;

    /// <summary>Gets or sets the number of distinct alerts in the storm.</summary>
    [Params(1_000, 10_000)]
    public int Alerts { get; set; }

    /// <summary>Builds the alerts once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _batches = Enumerable.Range(0, Alerts)
            .Select(static i => new Alert
            {
                Rule = "error_rate_critical",
                Severity = AlertSeverity.Critical,
                Title = "Storm alert",
                Message = $"alert {i}",
                Labels = new Dictionary<string, string> { ["service"] = $"svc-{i / 10}", ["instance"] = $"i-{i}" },
            })
            .Chunk(Batch)
            .ToArray();
    }

    /// <summary>A fresh pipeline without an outbox file.</summary>
    [IterationSetup(Target = nameof(InMemory))]
    public void BuildInMemory() => Build(onDisk: false);

    /// <summary>A fresh pipeline with its outbox file in a fresh folder.</summary>
    [IterationSetup(Target = nameof(OnDisk))]
    public void BuildOnDisk() => Build(onDisk: true);

    /// <summary>Disposes the pipeline and deletes its folder.</summary>
    [IterationCleanup]
    public void Clean()
    {
        _services?.Dispose();
        _services = null;
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
            _directory = null;
        }
    }

    /// <summary>The storm with the outbox in memory only; divide by <see cref="Alerts"/> for the cost per alert.</summary>
    /// <returns>How many alerts were raised.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> InMemory() => StormAsync();

    /// <summary>The storm with the outbox kept on disk; divide by <see cref="Alerts"/> for the cost per alert.</summary>
    /// <returns>How many alerts were raised.</returns>
    [Benchmark]
    public Task<int> OnDisk() => StormAsync();

    private async Task<int> StormAsync()
    {
        var raised = 0;
        foreach (var batch in _batches)
        {
            raised += (await _pipeline.PublishAsync(batch)).Raised.Count;
        }

        if (!await _pipeline.FlushAsync())
        {
            throw new InvalidOperationException("the flush did not empty the outbox");
        }

        return raised;
    }

    private void Build(bool onDisk)
    {
        _directory = onDisk ? Directory.CreateTempSubdirectory("obs-bench-outbox-").FullName : null;
        var services = new ServiceCollection();
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
            o.Alerts.FingerprintLabels.Add("instance"); // every alert its own
            o.Alerts.GroupWait = TimeSpan.FromMinutes(10);
            o.Alerts.Delivery.RateLimitPerMinute = 1e9;
            o.Alerts.Delivery.RateLimitBurst = 1_000_000;
            o.Alerts.Delivery.OutboxCapacity = 100_000;
            o.Alerts.Delivery.OutboxDirectory = _directory;
        }).AddAlertSink(new NoOpAlertSink());
        _services = services.BuildServiceProvider();
        _pipeline = _services.GetRequiredService<AlertPipeline>();
    }
}
