using System.Globalization;
using Observability.Internal;

namespace Observability;

/// <content>Turning the running totals into a <see cref="DailySummary"/>.</content>
public sealed partial class DailyAggregator
{
    /// <summary>
    /// Builds the summary of everything added so far. The aggregator is not changed: more snapshots
    /// may be added and the summary built again. A day without data gives completeness 0 and a warning.
    /// </summary>
    /// <returns>The day's summary.</returns>
    public DailySummary Build() => Build(DayNumber);

    internal DailySummary Build(int dayNumber)
    {
        var availability = new AvailabilityAggregate(
            _availability.Count, _availability.Min, _availability.Max, _availability.Mean, _availabilityCompliant, Share(_availabilityCompliant, _availability.Count), _settings.AvailabilityTarget);
        var errors = new ErrorAggregate(
            _errorRate.Rates.Count, _errorRate.Rate, _errorRate.Rates.Max, _totalErrors, _errorRate.Volume);
        var latency = new LatencyAggregate(
            _p95.Count, _p95.Mean, _p95.Max, _p99.Count, _p99.Mean, _p99.Max, _latencyCompliant, Share(_latencyCompliant, _p99.Count), _settings.LatencyP99TargetMs);
        var resources = new ResourceAggregate(_cpu.Count, _cpu.Mean, _cpu.Max, _memory.Count, _memory.Mean, _memory.Max);
        var alerts = new AlertAggregate(_info, _warning, _error, _critical, 24 - int.PopCount(_alertHours));
        var drift = _drift.Build();
        var completeness = Completeness();

        return new DailySummary
        {
            Day = Day,
            DayNumber = dayNumber,
            Start = Start,
            Availability = availability,
            Errors = errors,
            Latency = latency,
            Resources = resources,
            Alerts = alerts,
            Drift = drift,
            Completeness = completeness,
            Stability = DailyStability.Score(completeness.Actual > 0, availability.SloCompliance, latency.SloCompliance, drift.AveragePercent),
            Flags = Flags(availability, latency, errors),
            FirstSnapshotAt = _firstTicks == long.MaxValue ? null : new DateTimeOffset(_firstTicks, TimeSpan.Zero),
            LastSnapshotAt = _lastTicks == long.MinValue ? null : new DateTimeOffset(_lastTicks, TimeSpan.Zero),
            ErrorRateThreshold = _settings.ErrorRateThreshold,
        };
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : part / (double)whole;

    private DataCompleteness Completeness()
    {
        var expected = _settings.ExpectedSnapshots;
        var actual = Count - _unusable;
        var warnings = new List<string>();
        if (actual == 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"no data: no usable snapshot on {Day:yyyy-MM-dd} (expected {expected})"));
        }
        else
        {
            _slots.AddGapWarnings(warnings);
            if (actual > expected)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{Advice.Count(actual - expected, "more snapshot")} than the {expected} expected at one every {_settings.Interval}: duplicates or a shorter interval"));
            }
        }

        if (_unusable > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{Advice.Count(_unusable, "snapshot")} without usable values (empty, failed or all zero)"));
        }

        var percent = Math.Round((expected - _slots.Missing) * 100.0 / expected, 2);
        return new DataCompleteness(expected, actual, _unusable, _slots.Missing, percent, warnings);
    }

    private List<DegradationFlag> Flags(AvailabilityAggregate availability, LatencyAggregate latency, ErrorAggregate errors)
    {
        var flags = new List<DegradationFlag>();
        var limit = _settings.DegradedCompliance;
        if (availability.SloCompliance is { } a && NumericTolerance.Below(a, limit))
        {
            flags.Add(new DegradationFlag(
                DegradationFlag.AvailabilityCompliance,
                a,
                limit,
                $"{availability.Compliant} of {availability.Measured} snapshots ({SnapshotMath.Percent(a)}) met the {SnapshotMath.Percent(availability.Target)} availability target; below the {SnapshotMath.Percent(limit)} needed."));
        }

        if (latency.SloCompliance is { } l && NumericTolerance.Below(l, limit))
        {
            flags.Add(new DegradationFlag(
                DegradationFlag.LatencyCompliance,
                l,
                limit,
                $"{latency.Compliant} of {latency.Measured} snapshots ({SnapshotMath.Percent(l)}) had a p99 under {SnapshotMath.Number(latency.TargetMilliseconds)} ms; below the {SnapshotMath.Percent(limit)} needed."));
        }

        if (errors.AverageRate is { } rate && NumericTolerance.AtLeast(rate, _settings.ErrorRateThreshold))
        {
            flags.Add(new DegradationFlag(
                DegradationFlag.ErrorRate,
                rate,
                _settings.ErrorRateThreshold,
                $"The error rate averaged {SnapshotMath.Percent(rate)}, at or above the {SnapshotMath.Percent(_settings.ErrorRateThreshold)} limit (peak {SnapshotMath.Percent(errors.MaxRate ?? rate)})."));
        }

        return flags;
    }
}
