using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observability.Internal;

namespace Observability;

/// <summary>
/// The multi-day stability monitor: every <see cref="StabilityMonitorOptions.Interval"/> for
/// <see cref="StabilityMonitorOptions.Duration"/> it collects a snapshot and saves it raw
/// (<c>day_01_raw/snapshot_2025-11-22_00-00-00.json</c>), judges it with the pass's rules (its firing
/// findings published as alerts when a publisher is given, and counted per day by severity), aggregates
/// each day when it ends (days by elapsed hours from the start: day = elapsed hours / 24 + 1;
/// <c>day_01_summary.json</c>) and writes the weekly summary at the end (<c>weekly_summary.json</c>, <c>.md</c>).
/// Every clock read and wait goes through the <see cref="TimeProvider"/>. Behind schedule it runs the latest
/// due tick and skips the missed ones with a warning; a collector failure marks the day partial and the loop
/// goes on; on cancellation what was collected is aggregated and written and the result says it was interrupted.
/// </summary>
public sealed partial class StabilityMonitor
{
    private readonly ICollector _collector;
    private readonly StabilityMonitorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _output;
    private readonly IAlertPublisher? _alerts;
    private readonly SecretRedactor _redactor;

    /// <summary>Initializes a new instance of the <see cref="StabilityMonitor"/> class.</summary>
    /// <param name="collector">The source of snapshots; a <see cref="CrossCheckedCollector"/> for several sources.</param>
    /// <param name="options">The options; read once, here.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <param name="alerts">Where each tick's firing findings are published as alerts (what stops firing is resolved); none when <see langword="null"/>.</param>
    /// <param name="redactor">The redactor of collector messages; one with default options when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public StabilityMonitor(ICollector collector, StabilityMonitorOptions options, TimeProvider? timeProvider = null, ILogger<StabilityMonitor>? logger = null, IAlertPublisher? alerts = null, SecretRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(options);
        var problems = StabilityMonitorOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid StabilityMonitorOptions: " + string.Join(" ", problems), nameof(options));
        }

        _collector = collector;
        _options = options;
        _output = options.OutputDirectory!;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _alerts = alerts;
        _redactor = redactor ?? new SecretRedactor(new RedactionOptions());
    }

    /// <summary>Gets how many ticks a run has: duration / interval, rounded up.</summary>
    public int TicksPlanned => (int)Math.Ceiling(_options.Duration.Ticks / (double)_options.Interval.Ticks);

    /// <summary>
    /// Runs the monitor from now for the configured duration. Cancellation stops it early: the days so far
    /// are aggregated and written, with a weekly summary of what exists, and the result is marked interrupted.
    /// </summary>
    /// <param name="progress">Told about every tick as it happens, on the monitor's thread; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>What the run did and wrote.</returns>
    /// <exception cref="FileNotFoundException">The baseline file does not exist.</exception>
    /// <exception cref="InvalidDataException">The baseline file is malformed.</exception>
    public async Task<StabilityRunResult> RunAsync(IProgress<StabilityProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var settings = Settings();
        Directory.CreateDirectory(_output);
        var start = _time.GetUtcNow();
        var end = start + _options.Duration;
        var interval = _options.Interval;
        var planned = TicksPlanned;
        var run = new StabilityRunState(start, _output, settings);
        LogRunStarted(_logger, start, end, interval, planned, _output);
        var interrupted = false;
        var tick = 0;
        try
        {
            while (tick < planned)
            {
                var due = start + (interval * tick);
                await WaitUntilAsync(due, cancellationToken).ConfigureAwait(false);
                var late = _time.GetUtcNow() - due;
                var skipped = (int)Math.Min(planned - 1 - tick, late.Ticks / interval.Ticks);
                if (skipped > 0)
                {
                    for (var i = 0; i < skipped; i++)
                    {
                        run.Skip(start + (interval * (tick + i)));
                    }

                    LogBehindSchedule(_logger, late, skipped, due);
                    tick += skipped;
                    due = start + (interval * tick);
                }

                var report = await TickAsync(run, tick + 1, planned, due, skipped, cancellationToken).ConfigureAwait(false);
                progress?.Report(report);
                tick++;
            }

            await WaitUntilAsync(end, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
            LogInterrupted(_logger, _time.GetUtcNow(), tick, planned);
        }

        var stop = interrupted ? _time.GetUtcNow() : end;
        return await run.FinishAsync(stop, interrupted, planned, Weekly(), _logger, CancellationToken.None).ConfigureAwait(false);
    }

    private WeeklySummaryOptions Weekly()
    {
        var weekly = WeeklySummaryOptions.From(_options.Thresholds);
        weekly.ServiceName = _options.ServiceName;
        return weekly;
    }

    private DailySettings Settings()
    {
        var aggregation = new DailyAggregationOptions { Thresholds = _options.Thresholds, ExpectedInterval = _options.Interval };
        if (!string.IsNullOrWhiteSpace(_options.BaselinePath))
        {
            foreach (var (metric, value) in StabilityBaseline.Load(_options.BaselinePath))
            {
                aggregation.Baseline[metric] = value;
            }
        }

        return new DailySettings(aggregation, nameof(StabilityMonitorOptions.Thresholds));
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        // A timer may fire a little early on a real clock: wait again for the rest.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var delay = due - _time.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Stability monitor started at {Start:O} until {End:O}: a snapshot every {Interval}, {Ticks} ticks, output in {Output}")]
    private static partial void LogRunStarted(ILogger logger, DateTimeOffset start, DateTimeOffset end, TimeSpan interval, int ticks, string output);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "Stability monitor is behind schedule by {Late}: skipped {Skipped} missed tick(s), running the one due at {Due:O}")]
    private static partial void LogBehindSchedule(ILogger logger, TimeSpan late, int skipped, DateTimeOffset due);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Stability monitor interrupted at {Time:O} after {Ticks} of {Planned} ticks: aggregating and saving what was collected")]
    private static partial void LogInterrupted(ILogger logger, DateTimeOffset time, int ticks, int planned);
}
