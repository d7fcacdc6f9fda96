using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Core.Tests.Stability;

/// <summary>A collector answering through a function of the call number (1 for the first) and the window.</summary>
internal sealed class DelegateCollector(string name, Func<int, CollectionWindow, CollectionResult> answer) : ICollector
{
    private int _calls;

    public string Name { get; } = name;

    public Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(answer(Interlocked.Increment(ref _calls), window));
    }
}

/// <summary>Records progress synchronously, on the monitor's thread.</summary>
internal sealed class TickRecorder : IProgress<StabilityProgress>
{
    public List<StabilityProgress> Ticks { get; } = [];

    public void Report(StabilityProgress value)
    {
        lock (Ticks)
        {
            Ticks.Add(value);
        }
    }
}

/// <summary>
/// Delegates to a <see cref="FakeTimeProvider"/> and signals each timer created: the monitor is then parked in its
/// wait, so the test can advance the clock without racing the monitor's reading of it.
/// </summary>
internal sealed class ParkedSignalTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    public SemaphoreSlim Parked { get; } = new(0);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        Parked.Release();
        return timer;
    }
}

/// <summary>
/// Runs a monitor on a fake clock: each time the monitor parks in a wait, the step (given the last reported tick)
/// decides how far to advance, or to cancel (null).
/// </summary>
internal sealed class StabilityTestRun : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    public StabilityTestRun()
    {
        Output = Path.Combine(Path.GetTempPath(), "obs-stability-" + Guid.NewGuid().ToString("N"));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public string Output { get; }

    public TickRecorder Recorder { get; } = new();

    public StabilityMonitorOptions Options(Action<StabilityMonitorOptions>? configure = null)
    {
        var options = new StabilityMonitorOptions { OutputDirectory = Output };
        configure?.Invoke(options);
        return options;
    }

    public async Task<StabilityRunResult> RunAsync(ICollector collector, StabilityMonitorOptions? options = null, Func<StabilityProgress, TimeSpan?>? step = null, ILogger<StabilityMonitor>? logger = null, IAlertPublisher? alerts = null)
    {
        using var cts = new CancellationTokenSource();
        var clock = new ParkedSignalTimeProvider(Time);
        var monitor = new StabilityMonitor(collector, options ?? Options(), clock, logger, alerts);
        var run = monitor.RunAsync(Recorder, cts.Token);
        while (!run.IsCompleted)
        {
            var parked = clock.Parked.WaitAsync();
            var done = await Task.WhenAny(run, parked).WaitAsync(TimeSpan.FromSeconds(60));
            if (done == run)
            {
                break;
            }

            StabilityProgress last;
            lock (Recorder.Ticks)
            {
                last = Recorder.Ticks[^1]; // the first tick runs at the start, before the first wait
            }

            // null: cancel the run; otherwise advance the clock by the step (one interval by default).
            if ((step is null ? Interval : step(last)) is { } advance)
            {
                Time.Advance(advance);
            }
            else
            {
                await cts.CancelAsync();
            }
        }

        return await run;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Output, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    public static MetricSnapshot Healthy(DateTimeOffset at, double latencyP99 = 300) => new(at, "test", new Dictionary<string, double>
    {
        [WellKnownMetrics.Availability] = 0.9995,
        [WellKnownMetrics.ErrorRate] = 0.0005,
        [WellKnownMetrics.RequestCount] = 1000,
        [WellKnownMetrics.LatencyP99] = latencyP99,
    });

    public static MetricSnapshot AllZero(DateTimeOffset at) => new(at, "test", new Dictionary<string, double>
    {
        [WellKnownMetrics.Availability] = 0,
        [WellKnownMetrics.ErrorRate] = 0,
        [WellKnownMetrics.RequestCount] = 0,
        [WellKnownMetrics.LatencyP99] = 0,
    });

    /// <summary>A healthy snapshot at the window's last instant (the tick), unless the override answers.</summary>
    public static DelegateCollector Source(Func<int, CollectionWindow, CollectionResult?>? special = null, string name = "test")
        => new(name, (call, window) => special?.Invoke(call, window) ?? CollectionResult.Success(name, [Healthy(TickOf(window))]));

    public static DateTimeOffset TickOf(CollectionWindow window) => window.End - TimeSpan.FromTicks(1);
}
