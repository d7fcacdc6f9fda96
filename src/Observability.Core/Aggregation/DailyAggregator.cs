using Observability.Internal;

namespace Observability;

/// <summary>
/// Aggregates one UTC day of a series, snapshot by snapshot (O(1) per snapshot, no list kept), into
/// a <see cref="DailySummary"/>. Snapshots and alerts may arrive in any order; one from another day
/// is rejected. Unusable snapshots (empty, failed, or every metric zero) count against completeness only.
/// Not thread-safe: feed one aggregator from one thread.
/// </summary>
public sealed partial class DailyAggregator
{
    private readonly DailySettings _settings;
    private readonly SlotMap _slots;
    private readonly DriftAccumulator _drift;
    private readonly long _startTicks;
    private RunningStat _availability;
    private VolumeWeightedRate _errorRate;
    private RunningStat _p95;
    private RunningStat _p99;
    private RunningStat _cpu;
    private RunningStat _memory;
    private int _availabilityCompliant;
    private int _latencyCompliant;
    private double? _totalErrors;
    private int _unusable;
    private int _info;
    private int _warning;
    private int _error;
    private int _critical;
    private int _alertHours;
    private long _firstTicks = long.MaxValue;
    private long _lastTicks = long.MinValue;

    /// <summary>Initializes a new instance of the <see cref="DailyAggregator"/> class.</summary>
    /// <param name="day">The UTC day to aggregate.</param>
    /// <param name="options">The targets and limits; the defaults when <see langword="null"/>. Copied: later changes do not apply.</param>
    /// <param name="dayNumber">The day's number in its period, 1 for the first; at least 1.</param>
    public DailyAggregator(DateOnly day, DailyAggregationOptions? options = null, int dayNumber = 1)
        : this(day, new DailySettings(options, nameof(options)), dayNumber)
    {
    }

    internal DailyAggregator(DateOnly day, DailySettings settings, int dayNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dayNumber, 1);
        Day = day;
        DayNumber = dayNumber;
        Start = new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero);
        _startTicks = Start.UtcTicks;
        _settings = settings;
        _slots = new SlotMap(Start, settings.Interval, settings.ExpectedSnapshots);
        _drift = new DriftAccumulator(settings);
    }

    /// <summary>Gets the UTC day being aggregated.</summary>
    public DateOnly Day { get; }

    /// <summary>Gets the day's number in its period, 1 for the first.</summary>
    public int DayNumber { get; }

    /// <summary>Gets the day's start, midnight UTC.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets how many snapshots were added, usable or not.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a snapshot of the day.</summary>
    /// <param name="snapshot">The snapshot; its timestamp must lie on <see cref="Day"/> (UTC).</param>
    /// <exception cref="ArgumentOutOfRangeException">The snapshot is from another day.</exception>
    public void Add(MetricSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var offset = OffsetInDay(snapshot.Timestamp, nameof(snapshot), "snapshot");
        Count++;
        if (!snapshot.Quality.IsUsable)
        {
            _unusable++;
            return;
        }

        // Each metric is read once; the derived values follow SnapshotMath's rules.
        var availabilityValue = snapshot.GetValue(WellKnownMetrics.Availability);
        var rateValue = snapshot.GetValue(WellKnownMetrics.ErrorRate);
        var errors = snapshot.GetValue(WellKnownMetrics.ErrorCount);
        var volume = snapshot.GetValue(WellKnownMetrics.JobCount) ?? snapshot.GetValue(WellKnownMetrics.RequestCount);
        var p95 = snapshot.GetValue(WellKnownMetrics.LatencyP95);
        var p99 = snapshot.GetValue(WellKnownMetrics.LatencyP99);
        var cpu = snapshot.GetValue(WellKnownMetrics.CpuUtilization);
        var memory = snapshot.GetValue(WellKnownMetrics.MemoryUtilization);
        if (IsZeroOrAbsent(availabilityValue, rateValue, errors, volume, p95, p99, cpu, memory) && SnapshotMath.AllZero(snapshot))
        {
            // A source that went quiet: all zeros are a gap, not a 0 % availability.
            _unusable++;
            return;
        }

        _slots.Mark(offset);
        _firstTicks = Math.Min(_firstTicks, snapshot.Timestamp.UtcTicks);
        _lastTicks = Math.Max(_lastTicks, snapshot.Timestamp.UtcTicks);
        AddAvailabilityAndErrors(availabilityValue, rateValue, errors, volume);
        AddLatency(p95, p99);
        AddValue(ref _cpu, cpu);
        AddValue(ref _memory, memory);
        _drift.Add(snapshot);
    }

    /// <summary>Adds an alert raised during the day.</summary>
    /// <param name="alert">The alert; its timestamp must lie on <see cref="Day"/> (UTC).</param>
    /// <exception cref="ArgumentOutOfRangeException">The alert is from another day, or its severity is unknown.</exception>
    public void Add(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var offset = OffsetInDay(alert.Timestamp, nameof(alert), "alert");
        switch (alert.Severity)
        {
            case AlertSeverity.Info: _info++; break;
            case AlertSeverity.Warning: _warning++; break;
            case AlertSeverity.Error: _error++; break;
            case AlertSeverity.Critical: _critical++; break;
            default: throw new ArgumentOutOfRangeException(nameof(alert), alert.Severity, $"The alert '{alert.Rule}' has an unknown severity.");
        }

        _alertHours |= 1 << (int)(offset / TimeSpan.TicksPerHour);
    }

    private static bool IsZeroOrAbsent(double? a, double? b, double? c, double? d, double? e, double? f, double? g, double? h)
        => (a ?? 0) == 0 && (b ?? 0) == 0 && (c ?? 0) == 0 && (d ?? 0) == 0 && (e ?? 0) == 0 && (f ?? 0) == 0 && (g ?? 0) == 0 && (h ?? 0) == 0;

    private static void AddValue(ref RunningStat stat, double? value)
    {
        if (value is { } v)
        {
            stat.Add(v);
        }
    }

    private void AddAvailabilityAndErrors(double? availabilityValue, double? rateValue, double? errors, double? volume)
    {
        if (SnapshotMath.Availability(availabilityValue, rateValue) is { } availability)
        {
            _availability.Add(availability);
            if (NumericTolerance.AtLeast(availability, _settings.AvailabilityTarget))
            {
                _availabilityCompliant++;
            }
        }

        _errorRate.Add(SnapshotMath.ErrorRate(rateValue, errors, volume, availabilityValue), volume);

        if (errors is { } e)
        {
            _totalErrors = (_totalErrors ?? 0) + e;
        }
    }

    private void AddLatency(double? p95, double? p99)
    {
        AddValue(ref _p95, p95);
        if (p99 is { } latency)
        {
            _p99.Add(latency);
            if (NumericTolerance.Below(latency, _settings.LatencyP99TargetMs))
            {
                _latencyCompliant++;
            }
        }
    }

    private long OffsetInDay(DateTimeOffset timestamp, string parameterName, string what)
    {
        var offset = timestamp.UtcTicks - _startTicks;
        if (offset is < 0 or >= TimeSpan.TicksPerDay)
        {
            throw new ArgumentOutOfRangeException(parameterName, timestamp, $"The {what} at {timestamp:O} is not on {Day:yyyy-MM-dd} (UTC): this aggregator takes [{Start:O}, {Start.AddDays(1):O}).");
        }

        return offset;
    }
}
