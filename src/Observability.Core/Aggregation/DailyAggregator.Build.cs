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
    public DailySummary Build()
    {
        var availability = new AvailabilityAggregate(
            _availability.Count, _availability.Min, _availability.Max, _availability.Mean, _availabilityGood, Share(_availabilityGood, _availabilityJudged), _settings.AvailabilityTarget)
        { Judged = _availabilityJudged };
        var errors = new ErrorAggregate(_errorRate.Rates.Count, _errorRate.Rate, _errorRate.Rates.Max, _totalErrors, _errorRate.Volume)
        {
            TotalRequests = _totalRequests,
            TotalJobs = _totalJobs,
            VolumeUnit = _totalRequests is null && _totalJobs is not null ? "jobs" : "requests",
        };
        var latency = new LatencyAggregate(
            _p95.Count, _p95.Mean, _p95.Max, _p99.Count, _p99.Mean, _p99.Max, _latencyGood, Share(_latencyGood, _latencyJudged), _settings.LatencyP99TargetMs);
        var resources = new ResourceAggregate(_cpu.Count, _cpu.Mean, _cpu.Max, _memory.Count, _memory.Mean, _memory.Max);
        var alerts = new AlertAggregate(_info, _warning, _error, _critical, 24 - int.PopCount(_alertHours));
        var drift = _drift.Build();
        var completeness = Completeness();

        return new DailySummary
        {
            Day = Day,
            DayNumber = DayNumber,
            Start = Start,
            FirstSnapshotAt = FirstSnapshotAt,
            LastSnapshotAt = LastSnapshotAt,
            Availability = availability,
            Errors = errors,
            Latency = latency,
            Resources = resources,
            Alerts = alerts,
            Drift = drift,
            Completeness = completeness,
            Stability = StabilityMath.Score(completeness.Actual > 0, availability.SloCompliance, latency.SloCompliance, drift.AveragePercent),
            Flags = Flags(availability, latency, errors),
            ErrorRateThreshold = _settings.Thresholds.ErrorRateWarning,
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
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"no data: no usable snapshot in day {DayNumber} (expected {expected})"));
        }
        else
        {
            _slots.AddGapWarnings(warnings);
            if (actual > expected)
            {
                warnings.Add($"{Figures.Plural(actual - expected, "more snapshot")} than the {expected} expected at one every {Figures.Duration(_settings.Interval)}: duplicates or a shorter interval");
            }
        }

        if (_unusable > 0)
        {
            warnings.Add($"{Figures.Plural(_unusable, "snapshot")} without usable values (empty, failed or all zero)");
        }

        if (_latencyJudged == 0 && actual > 0)
        {
            warnings.Add("no p99 latency measured: latency SLO compliance is unknown");
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
                $"{availability.Compliant} of {availability.Judged} snapshots ({Figures.Percent(a)}) met the {Figures.Percent(availability.Target)} availability target; below the {Figures.Percent(limit)} needed."));
        }

        if (latency.SloCompliance is { } l && NumericTolerance.Below(l, limit))
        {
            flags.Add(new DegradationFlag(
                DegradationFlag.LatencyCompliance,
                l,
                limit,
                $"{latency.Compliant} of {latency.Measured} snapshots ({Figures.Percent(l)}) had a p99 under {Figures.Milliseconds(latency.TargetMilliseconds)}; below the {Figures.Percent(limit)} needed."));
        }

        // The day's error rate is judged as the pass judges a window's: volume-weighted, at or above the warning threshold.
        var level = Judge.ErrorRate(errors.AverageRate, errors.TotalVolume, _settings.Thresholds);
        if (level is ErrorRateLevel.Warning or ErrorRateLevel.Critical)
        {
            var rate = errors.AverageRate!.Value;
            flags.Add(new DegradationFlag(
                DegradationFlag.ErrorRate,
                rate,
                _settings.Thresholds.ErrorRateWarning,
                $"The error rate was {Figures.Percent(rate)} over the day, at or above the {Figures.Percent(_settings.Thresholds.ErrorRateWarning)} warning threshold (peak snapshot {Figures.Percent(errors.MaxRate ?? rate)})."));
        }

        return flags;
    }
}
