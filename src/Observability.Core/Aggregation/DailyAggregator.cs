using Observability.Internal;

namespace Observability;

/// <summary>
/// Aggregates one day of a series, snapshot by snapshot (O(1) per snapshot, no list kept), into a
/// <see cref="DailySummary"/>. A day is 24 hours from its start (the 7-day monitor counts days by
/// elapsed hours from the run's start). Each snapshot is evaluated once, with the same thresholds and
/// rules as the monitoring pass: unusable snapshots (empty, failed, every metric zero) count against
/// completeness only; an SLO whose metric is missing is unknown, never met; alerts are the rules that
/// started firing at a tick, counted by severity, with the hours in which nothing fired.
/// Snapshots should arrive in time order (alerts are judged tick by tick); one outside the day is rejected.
/// Not thread-safe: feed one aggregator from one thread.
/// </summary>
public sealed partial class DailyAggregator
{
    private readonly DailySettings _settings;
    private readonly TickJudge _judge;
    private readonly SlotMap _slots;
    private readonly DriftAccumulator _drift;
    private readonly long _startTicks;
    private RunningStat _availability;
    private VolumeWeightedRate _errorRate;
    private RunningStat _p95;
    private RunningStat _p99;
    private RunningStat _cpu;
    private RunningStat _memory;
    private int _availabilityGood;
    private int _availabilityJudged;
    private int _latencyGood;
    private int _latencyJudged;
    private double? _totalErrors;
    private double? _totalRequests;
    private double? _totalJobs;
    private int _unusable;
    private int _info;
    private int _warning;
    private int _error;
    private int _critical;
    private int _alertHours;
    private MetricSnapshot? _previous;

    /// <summary>Initializes a new instance of the <see cref="DailyAggregator"/> class for a UTC calendar day.</summary>
    /// <param name="day">The UTC day to aggregate, from midnight.</param>
    /// <param name="options">The thresholds, interval and baseline; the defaults when <see langword="null"/>. Copied: later changes do not apply.</param>
    /// <param name="dayNumber">The day's number in its period, 1 for the first; at least 1.</param>
    public DailyAggregator(DateOnly day, DailyAggregationOptions? options = null, int dayNumber = 1)
        : this(new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero), options, dayNumber)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DailyAggregator"/> class for the 24 hours from <paramref name="start"/>.</summary>
    /// <param name="start">The day's start.</param>
    /// <param name="options">The thresholds, interval and baseline; the defaults when <see langword="null"/>. Copied: later changes do not apply.</param>
    /// <param name="dayNumber">The day's number in its period, 1 for the first; at least 1.</param>
    public DailyAggregator(DateTimeOffset start, DailyAggregationOptions? options = null, int dayNumber = 1)
        : this(start, new DailySettings(options, nameof(options)), dayNumber, null)
    {
    }

    internal DailyAggregator(DateTimeOffset start, DailySettings settings, int dayNumber, TickJudge? judge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dayNumber, 1);
        Start = start.ToUniversalTime();
        Day = DateOnly.FromDateTime(Start.UtcDateTime);
        DayNumber = dayNumber;
        _startTicks = Start.UtcTicks;
        _settings = settings;
        _judge = judge ?? new TickJudge(settings.Thresholds);
        _slots = new SlotMap(Start, settings.Interval, settings.ExpectedSnapshots);
        _drift = new DriftAccumulator(settings.Baseline, settings.DriftThresholdPercent);
    }

    /// <summary>Gets the date (UTC) on which the day starts.</summary>
    public DateOnly Day { get; }

    /// <summary>Gets the day's number in its period, 1 for the first.</summary>
    public int DayNumber { get; }

    /// <summary>Gets the day's start.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the day's exclusive end, 24 hours after <see cref="Start"/>.</summary>
    public DateTimeOffset End => Start.AddDays(1);

    /// <summary>Gets how many snapshots were added, usable or not.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the time of the earliest usable snapshot added; <see langword="null"/> before any.</summary>
    public DateTimeOffset? FirstSnapshotAt { get; private set; }

    /// <summary>Gets the time of the latest usable snapshot added; <see langword="null"/> before any.</summary>
    public DateTimeOffset? LastSnapshotAt { get; private set; }

    /// <summary>Adds a snapshot of the day: classified (against the one before), evaluated and judged as a tick.</summary>
    /// <param name="snapshot">The snapshot; its timestamp must lie in [<see cref="Start"/>, <see cref="End"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The snapshot is from another day.</exception>
    public void Add(MetricSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        OffsetInDay(snapshot.Timestamp, nameof(snapshot), "snapshot");
        var fact = SnapshotFacts.Of(snapshot, _previous, _settings.Classifier, _settings.Thresholds);
        _previous = snapshot;
        Add(fact, _judge.Judge(fact));
    }

    /// <summary>Adds an alert raised during the day (besides those the day's ticks fire).</summary>
    /// <param name="alert">The alert; its timestamp must lie in [<see cref="Start"/>, <see cref="End"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The alert is from another day, or its severity is unknown.</exception>
    public void Add(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var offset = OffsetInDay(alert.Timestamp, nameof(alert), "alert");
        CountAlert(alert.Severity, alert.Rule);
        _alertHours |= 1 << (int)(offset / TimeSpan.TicksPerHour);
    }

    /// <summary>Adds a snapshot already evaluated, with its tick's judgement.</summary>
    internal void Add(SnapshotFacts fact, TickJudgement tick)
    {
        var offset = OffsetInDay(fact.Timestamp, "snapshot", "snapshot");
        Count++;
        foreach (var started in tick.Started)
        {
            CountAlert(started.Severity, started.Rule);
        }

        if (tick.Firing.Count > 0)
        {
            _alertHours |= 1 << (int)(offset / TimeSpan.TicksPerHour);
        }

        if (!fact.Usable)
        {
            _unusable++;
            return;
        }

        _slots.Mark(offset);
        FirstSnapshotAt = FirstSnapshotAt is { } first && first <= fact.Timestamp ? first : fact.Timestamp;
        LastSnapshotAt = LastSnapshotAt is { } last && last >= fact.Timestamp ? last : fact.Timestamp;
        var m = fact.Measures;
        AddValue(ref _availability, m.Availability);
        Tally(fact.AvailabilitySlo, ref _availabilityGood, ref _availabilityJudged);
        Tally(fact.LatencySlo, ref _latencyGood, ref _latencyJudged);
        _errorRate.Add(m.ErrorRate, m.ErrorVolume);
        _totalErrors = Sum(_totalErrors, m.Errors);
        _totalRequests = Sum(_totalRequests, m.Requests);
        _totalJobs = Sum(_totalJobs, m.Jobs);
        AddValue(ref _p95, m.LatencyP95);
        AddValue(ref _p99, m.LatencyP99);
        AddValue(ref _cpu, m.Cpu);
        AddValue(ref _memory, m.Memory);
        _drift.Add(fact);
    }

    private static double? Sum(double? total, double? value) => value is { } v ? (total ?? 0) + v : total;

    private static void Tally(SloOutcome outcome, ref int good, ref int judged)
    {
        if (outcome != SloOutcome.Unknown)
        {
            judged++;
            good += outcome == SloOutcome.Good ? 1 : 0;
        }
    }

    private static void AddValue(ref RunningStat stat, double? value)
    {
        if (value is { } v)
        {
            stat.Add(v);
        }
    }

    private void CountAlert(AlertSeverity severity, string rule)
    {
        switch (severity)
        {
            case AlertSeverity.Info: _info++; break;
            case AlertSeverity.Warning: _warning++; break;
            case AlertSeverity.Error: _error++; break;
            case AlertSeverity.Critical: _critical++; break;
            default: throw new ArgumentOutOfRangeException(nameof(severity), severity, $"The alert '{rule}' has an unknown severity.");
        }
    }

    private long OffsetInDay(DateTimeOffset timestamp, string parameterName, string what)
    {
        var offset = timestamp.UtcTicks - _startTicks;
        if (offset is < 0 or >= TimeSpan.TicksPerDay)
        {
            throw new ArgumentOutOfRangeException(parameterName, timestamp, $"The {what} at {Figures.Time(timestamp)} is not in day {DayNumber}: this aggregator takes [{Figures.Time(Start)}, {Figures.Time(End)}).");
        }

        return offset;
    }
}
