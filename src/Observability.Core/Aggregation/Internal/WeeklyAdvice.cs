namespace Observability.Internal;

/// <summary>
/// Writes a period's recommendations (what was seen, with numbers) and action items (what to do
/// next, most urgent first) for a person.
/// </summary>
internal sealed partial class WeeklyAdvice
{
    private readonly WeeklySummary _summary;
    private readonly IReadOnlyList<DailySummary> _days;
    private readonly WeeklySummaryOptions _options;
    private readonly List<string> _recommendations = [];
    private readonly List<string> _actions = [];

    public WeeklyAdvice(WeeklySummary summary, IReadOnlyList<DailySummary> days, WeeklySummaryOptions options)
    {
        _summary = summary;
        _days = days;
        _options = options;
        Rollback();
        Availability();
        Latency();
        Errors();
        Drift();
        Trends();
        CriticalAlerts();
        Completeness();
        if (_recommendations.Count == 0)
        {
            _recommendations.Add(AllClear());
        }
    }

    public IReadOnlyList<string> Recommendations => _recommendations;

    public IReadOnlyList<string> ActionItems => _actions;

    private int Days => _summary.Days;

    private void Rollback()
    {
        var reasons = _summary.RollbackReasons;
        if (reasons.Count > 0)
        {
            _recommendations.Add($"Rollback recommended: {reasons.Count} of 4 rollback rules triggered.");
            _actions.Add("Roll back the release: " + string.Join(" ", reasons.Select(static r => r.Message)));
        }
    }

    private void Availability()
    {
        var below = _days.Where(static d => d.Availability.Average is { } a && NumericTolerance.Below(a, d.Availability.Target)).ToList();
        if (below.Count == 0)
        {
            return;
        }

        var average = below.Sum(static d => d.Availability.Average!.Value * d.Availability.Measured) / below.Sum(static d => d.Availability.Measured);
        var worst = below.MinBy(static d => d.Availability.Average!.Value)!;
        var target = Advice.Percent(worst.Availability.Target);
        _recommendations.Add(below.Count == 1
            ? $"Availability averaged {Advice.Percent(average)} (target {target}) on {worst.Label}, the only day of {Days} below the target."
            : $"Availability averaged {Advice.Percent(average)} (target {target}) on {below.Count} of {Days} days ({Advice.DayList(below.Select(static d => d.DayNumber))}); " +
              $"the worst was {worst.Label} at {Advice.Percent(worst.Availability.Average!.Value)}.");
        _actions.Add(
            $"Investigate the error spike on {worst.Label}: availability averaged {Advice.Percent(worst.Availability.Average!.Value)} (lowest snapshot {Advice.Percent(worst.Availability.Min!.Value)})" +
            $"{ErrorPeak(worst)}; find the failing endpoint or dependency and its first failure.");
    }

    private void Latency()
    {
        var flagged = Flagged(DegradationFlag.LatencyCompliance);
        if (flagged.Count == 0)
        {
            return;
        }

        var worst = flagged.MinBy(static f => f.Flag.Observed).Day;
        var target = Advice.Milliseconds(worst.Latency.TargetMilliseconds);
        var list = string.Join(", ", flagged.Select(static f => $"{f.Day.Label} {Advice.Percent(f.Flag.Observed)}"));
        _recommendations.Add(
            $"p99 latency met the {target} SLO in fewer than {Advice.Percent(flagged[0].Flag.Threshold)} of snapshots on {flagged.Count} of {Days} days: {list}.");
        _actions.Add(
            $"Profile the slowest requests of {worst.Label}: p99 averaged {Advice.Milliseconds(worst.Latency.P99Average!.Value)} and peaked at {Advice.Milliseconds(worst.Latency.P99Max!.Value)} " +
            $"against the {target} target; compare with the deployment and traffic of that day.");
    }

    private void Errors()
    {
        var flagged = Flagged(DegradationFlag.ErrorRate);
        if (flagged.Count == 0)
        {
            return;
        }

        var worst = flagged.MaxBy(static f => f.Flag.Observed).Day;
        var list = string.Join(", ", flagged.Select(static f => $"{f.Day.Label} {Advice.Percent(f.Flag.Observed)}"));
        _recommendations.Add($"The error rate averaged at or above the {Advice.Percent(flagged[0].Flag.Threshold)} limit on {flagged.Count} of {Days} days: {list}.");
        // Errors over the error rate's own denominator: request errors over requests, never over jobs.
        var totals = worst.Errors.TotalErrors is { } errors && worst.Errors.TotalVolume is { } volume
            ? $"{Figures.Count(errors)} errors in {Figures.Count(volume)} {worst.Errors.VolumeUnit}, "
            : string.Empty;
        _actions.Add(
            $"Break down the errors of {worst.Label} by endpoint and status code: {totals}an average rate of {Advice.Percent(worst.Errors.AverageRate!.Value)} and a peak of {Advice.Percent(worst.Errors.MaxRate!.Value)}.");
    }

    private void Drift()
    {
        var drifted = _days
            .SelectMany(static d => d.Drift.Metrics.Where(static m => m.OverThreshold).Select(m => (Day: d, Metric: m)))
            .GroupBy(static x => x.Metric.Metric, StringComparer.Ordinal)
            .ToList();
        if (drifted.Count == 0)
        {
            return;
        }

        var limit = _days[^1].Drift.ThresholdPercent;
        foreach (var metric in drifted)
        {
            var worst = metric.MaxBy(static x => x.Metric.AveragePercent!.Value);
            _recommendations.Add(
                $"{metric.Key} drifted more than {Advice.Number(limit, "0.#")} % from its baseline on {Advice.DayList(metric.Select(static x => x.Day.DayNumber))}, " +
                $"most on {worst.Day.Label}: {Advice.Number(worst.Metric.AveragePercent!.Value, "0.#")} % on average (baseline {Advice.Number(worst.Metric.Baseline, "0.####")}, day average {Advice.Number(worst.Metric.Average!.Value, "0.####")}).");
        }

        var names = string.Join(", ", drifted.Select(static g => g.Key));
        var average = _summary.AverageDriftPercent is { } d ? $" (the period averaged {Advice.Number(d, "0.#")} % drift across the baseline metrics)" : string.Empty;
        _actions.Add($"Compare the release with the baseline for {names}{average}: confirm the change is intended and update the baseline, or fix the regression.");
    }

    private List<(DailySummary Day, DegradationFlag Flag)> Flagged(string rule)
        => [.. _days.SelectMany(d => d.Flags.Where(f => f.Rule == rule).Select(f => (d, f)))];

    private static string ErrorPeak(DailySummary day)
        => day.Errors.MaxRate is { } max ? $" and the error rate peaked at {Advice.Percent(max)}" : string.Empty;
}
