namespace Observability.Internal;

/// <summary>
/// The phase 4 spec's rolling success rate: over the last <see cref="ThresholdOptions.SuccessRateWindow"/>
/// snapshots of the evaluation window (volume-weighted). Its bounds are the error-rate thresholds
/// seen from the other side (one set of thresholds): below 1 - the warning rate is
/// <c>trend_degradation</c>, below 1 - the critical rate <c>success_rate_crit</c>.
/// </summary>
internal static class SuccessRateTrend
{
    public static void AddFinding(List<Finding> findings, IReadOnlyList<SnapshotFacts> recent, ThresholdOptions t)
    {
        if (Rolling(recent, t) is { } rolling && Finding(rolling, t, null) is { } finding)
        {
            findings.Add(finding);
        }
    }

    /// <summary>The finding of a rolling success rate, if it is degrading or critical; with <paramref name="at"/>, the message says when.</summary>
    public static Finding? Finding(RollingSuccessRate rolling, ThresholdOptions t, DateTimeOffset? at)
    {
        if (rolling.Rate is not { } rate || rolling.Status is not (SuccessRateStatus.Critical or SuccessRateStatus.TrendDegradation))
        {
            return null;
        }

        var critical = rolling.Status == SuccessRateStatus.Critical;
        var bound = critical ? 1 - t.ErrorRateCritical : 1 - t.ErrorRateWarning;
        var when = at is { } time ? " at " + Figures.Time(time) : string.Empty;
        var detail = $"the rolling success rate of the last {Figures.Plural(rolling.Count, "snapshot")} is {Figures.Percent(rate)}{when}, below {Figures.Percent(bound)}";
        return critical
            ? new Finding(RuleCatalogue.SuccessRateCritical, AlertSeverity.Error, $"Success rate critical: {detail}.") { Metric = "success_rate", Observed = rate, Threshold = bound }
            : new Finding(RuleCatalogue.TrendDegradation, AlertSeverity.Warning, $"Success rate trending down: {detail}.") { Metric = "success_rate", Observed = rate, Threshold = bound };
    }

    /// <summary>The rolling success rate after the given facts (usable ones with a judged error rate), or null without any.</summary>
    public static RollingSuccessRate? Rolling(IEnumerable<SnapshotFacts> facts, ThresholdOptions t)
    {
        var rolling = new RollingSuccessRate(t.SuccessRateWindow, 1 - t.ErrorRateWarning, 1 - t.ErrorRateCritical);
        var any = false;
        foreach (var fact in facts)
        {
            if (Add(rolling, fact))
            {
                any = true;
            }
        }

        return any ? rolling : null;
    }

    /// <summary>Adds one snapshot; low-volume snapshots are not evidence and are skipped.</summary>
    public static bool Add(RollingSuccessRate rolling, SnapshotFacts fact)
    {
        if (!fact.Usable || fact.ErrorLevel is ErrorRateLevel.NotMeasured or ErrorRateLevel.LowVolume || fact.Measures.ErrorRate is not { } rate)
        {
            return false;
        }

        var success = 1 - Math.Clamp(rate, 0, 1);
        return fact.Measures.ErrorVolume is { } volume && volume > 0 && double.IsFinite(volume)
            ? rolling.Add(success * volume, volume)
            : rolling.Add(success);
    }
}
