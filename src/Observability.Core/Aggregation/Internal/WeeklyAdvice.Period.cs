namespace Observability.Internal;

/// <content>Advice about trends, critical alerts and missing data, and the all-clear.</content>
internal sealed partial class WeeklyAdvice
{
    private const double ProjectionMinimumRSquared = 0.5;

    private void Trends()
    {
        var halves = _summary.Trends.Halves;
        var degrading = new[] { halves.Availability, halves.LatencyP95, halves.LatencyP99, halves.Cpu, halves.Memory }
            .Where(static m => m.Assessment == TrendAssessment.Degrading)
            .ToList();
        foreach (var metric in degrading)
        {
            _recommendations.Add($"{metric.Reason} The second half starts on {halves.SplitAt:yyyy-MM-dd}.");
        }

        if (degrading.Count > 0)
        {
            _actions.Add($"Find what changed around {halves.SplitAt:yyyy-MM-dd} (deployments, configuration, traffic): {string.Join(", ", degrading.Select(static m => m.Metric))} got worse in the second half of the period.");
        }

        if (_summary.Trends.LatencyP99ReachesTarget is { } when && _summary.Trends.LatencyP99Line is { } line && line.RSquared >= ProjectionMinimumRSquared)
        {
            var target = Advice.Milliseconds(_days[^1].Latency.TargetMilliseconds);
            _recommendations.Add(
                $"p99 latency is rising {Advice.Number(line.SlopePerHour * 24, "0.#")} ms a day (r2 {Advice.Number(line.RSquared, "0.00")}); at that pace it reaches the {target} target around {when:yyyy-MM-dd}.");
            _actions.Add($"Fix the latency growth or add capacity before {when:yyyy-MM-dd}, when p99 is projected to reach {target}.");
        }
    }

    private void CriticalAlerts()
    {
        var critical = _summary.Alerts.Critical;
        if (critical == 0)
        {
            return;
        }

        var byDay = string.Join(", ", _days.Where(static d => d.Alerts.Critical > 0).Select(static d => $"{d.Label}: {d.Alerts.Critical}"));
        _recommendations.Add($"{Advice.Count(critical, "critical alert")} in the period (a rollback is recommended above {_options.Thresholds.CriticalAlertLimit}): {byDay}.");
        _actions.Add($"Review the {Advice.Count(critical, "critical alert")} ({byDay}): give each an owner and a root cause.");
    }

    private void Completeness()
    {
        var incomplete = _days.Where(static d => d.HasData && d.Completeness.Missing > 0).ToList();
        if (incomplete.Count > 0)
        {
            var worst = incomplete.MinBy(static d => d.Completeness.Percent)!;
            _recommendations.Add(
                $"Data was incomplete on {incomplete.Count} of {Days} days; the worst was {worst.Label} with {Advice.Number(worst.Completeness.Percent, "0.#")} % of the {worst.Completeness.Expected} expected snapshots ({worst.Completeness.Warnings[0]}).");
            _actions.Add($"Check the collector and the metrics source for the gaps of {worst.Label}: {Advice.Count(worst.Completeness.Missing, "snapshot")} missing, so that its numbers can be trusted.");
        }

        if (_summary.DaysWithoutData.Count > 0)
        {
            var empty = _days.Where(static d => !d.HasData).Select(static d => d.DayNumber);
            _recommendations.Add($"No usable data on {Advice.DayList(empty)}: those days could not be judged.");
            _actions.Add($"Restore the metrics source for {Advice.DayList(empty)} and re-run the summary.");
        }
    }

    private string AllClear()
    {
        var parts = new List<string>();
        if (_summary.AverageAvailability is { } availability)
        {
            parts.Add($"availability averaged {Advice.Percent(availability)} (target {Advice.Percent(_options.Thresholds.AvailabilityTarget)})");
        }

        if (_summary.LatencySloCompliance is { } latency)
        {
            parts.Add($"p99 latency met the {Advice.Milliseconds(_days[^1].Latency.TargetMilliseconds)} SLO in {Advice.Percent(latency)} of snapshots");
        }

        parts.Add($"no day was degraded (stability {Advice.Number(_summary.Stability.Value, "0.#")}, grade {_summary.Stability.Grade})");
        return $"No action needed over {Days} days: {string.Join(", ", parts)}.";
    }
}
