using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Observability.Testing;

namespace Observability.Benchmarks;

/// <summary>
/// One monitoring pass over the sample data set (7 days of 30-minute snapshots, 336 rows), against the
/// cost of just reading that file. Read the Ratio column: timings are compared within one run, never
/// across machines, and never gate CI.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class MonitoringPassBenchmarks
{
    private const int ExpectedSnapshots = 336;

    private readonly CollectionWindow _window = SampleData.Checkout7dWindow;
    private FileCollector _collector = null!;
    private ServiceProvider _fileServices = null!;
    private ServiceProvider _inMemoryServices = null!;
    private IHealthMonitor _fileMonitor = null!;
    private IHealthMonitor _inMemoryMonitor = null!;

    /// <summary>Loads the data set and builds both service graphs once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var csv = SampleData.Checkout7d;
        if (!File.Exists(csv))
        {
            throw new FileNotFoundException("The sample data set is missing.", csv);
        }

        _collector = new FileCollector(FileCollectorOptions.DefaultName, new FileCollectorOptions { Path = csv }, TimeProvider.System, NullLoggerFactory.Instance);
        var collected = _collector.CollectAsync(_window).GetAwaiter().GetResult();
        if (collected.Status != CollectionStatus.Success || collected.Snapshots.Count != ExpectedSnapshots)
        {
            throw new InvalidOperationException($"Expected {ExpectedSnapshots} snapshots from {csv}, got {collected}.");
        }

        _fileServices = BuildServices(builder => builder.AddFileCollector(o => o.Path = csv));
        _inMemoryServices = BuildServices(builder => builder.AddCollector(new ScriptedCollector("memory").Add(collected.Snapshots)));
        _fileMonitor = _fileServices.GetRequiredService<IHealthMonitor>();
        _inMemoryMonitor = _inMemoryServices.GetRequiredService<IHealthMonitor>();

        // One pass each before measuring: checks both graphs judge all 336 snapshots, and fills the
        // in-memory dedupe store, so every measured pass sees the steady state of a monitor that runs
        // on a schedule: the same alerts are raised, fingerprinted, found in the store and suppressed,
        // and the sink is not called. (The store holds a fingerprint for the default 5 minutes of real
        // time; in a longer run an occasional pass re-delivers, which is noise at these timings.)
        foreach (var monitor in new[] { _fileMonitor, _inMemoryMonitor })
        {
            var pass = monitor.RunOnceAsync(_window).GetAwaiter().GetResult();
            if (pass.Report.DataQuality.Total != ExpectedSnapshots)
            {
                throw new InvalidOperationException($"Expected a pass over {ExpectedSnapshots} snapshots, got {pass.Report.DataQuality.Total}.");
            }
        }
    }

    /// <summary>Disposes the service graphs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _fileServices.Dispose();
        _inMemoryServices.Dispose();
    }

    /// <summary>The baseline: the file collector streams and parses the CSV for the 7-day window.</summary>
    /// <returns>The collection result.</returns>
    [Benchmark(Baseline = true)]
    public Task<CollectionResult> CollectOnly() => _collector.CollectAsync(_window);

    /// <summary>A whole pass as configured by a user: read the file, classify, score, decide, alert (no reports).</summary>
    /// <returns>The pass result.</returns>
    [Benchmark]
    public Task<MonitoringPassResult> FullPass_FileCollector() => _fileMonitor.RunOnceAsync(_window);

    /// <summary>The same pass over pre-parsed snapshots: the pass's own cost (classification, scoring, alerting) without parsing.</summary>
    /// <returns>The pass result.</returns>
    [Benchmark]
    public Task<MonitoringPassResult> FullPass_InMemory() => _inMemoryMonitor.RunOnceAsync(_window);

    private static ServiceProvider BuildServices(Action<IObservabilityBuilder> addCollector)
    {
        var services = new ServiceCollection();
        var builder = services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.LookbackWindow = TimeSpan.FromDays(7);
            o.EvaluationWindow = TimeSpan.FromHours(2);
            o.Alerts.Enabled = true;
        });
        addCollector(builder);
        builder.AddAlertSink(new NoOpAlertSink());
        return services.BuildServiceProvider();
    }
}
