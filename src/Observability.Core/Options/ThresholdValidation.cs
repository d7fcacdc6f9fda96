namespace Observability.Internal;

/// <summary>Checks one <see cref="ThresholdOptions"/>, wherever it sits (the pass's options, the summaries' options).</summary>
internal static class ThresholdValidation
{
    /// <summary>Adds every problem of the thresholds, each named with <paramref name="prefix"/> (for example <c>Observability:Thresholds:</c>).</summary>
    public static void Check(ThresholdOptions t, string prefix, List<string> problems)
    {
        CheckRatio(problems, prefix + "ErrorRateWarning", t.ErrorRateWarning);
        CheckRatio(problems, prefix + "ErrorRateCritical", t.ErrorRateCritical);
        if (t.ErrorRateWarning >= t.ErrorRateCritical)
        {
            problems.Add($"{prefix}ErrorRateWarning ({t.ErrorRateWarning}) must be below ErrorRateCritical ({t.ErrorRateCritical}).");
        }

        CheckRatio(problems, prefix + "AvailabilityTarget", t.AvailabilityTarget);

        if (t.MinimumJobs < 0)
        {
            problems.Add($"{prefix}MinimumJobs must not be negative (was {t.MinimumJobs}).");
        }

        if (t.HealthCritical is < 0 or > 100 || t.HealthWarning is < 0 or > 100 || t.HealthCritical >= t.HealthWarning)
        {
            problems.Add($"{prefix}HealthCritical ({t.HealthCritical}) and HealthWarning ({t.HealthWarning}) must lie in [0, 100] with HealthCritical below HealthWarning.");
        }

        if (t.LatencyP99Target <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}LatencyP99Target must be positive (was {t.LatencyP99Target}).");
        }

        if (t.HealthSustainFor < TimeSpan.Zero)
        {
            problems.Add($"{prefix}HealthSustainFor must not be negative (was {t.HealthSustainFor}).");
        }

        if (!double.IsFinite(t.HealthPointsPerErrorRatePercent) || t.HealthPointsPerErrorRatePercent < 0)
        {
            problems.Add($"{prefix}HealthPointsPerErrorRatePercent must be a finite number of at least 0 (was {t.HealthPointsPerErrorRatePercent}).");
        }

        if (t.RegionalLatencyDrift <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}RegionalLatencyDrift must be positive (was {t.RegionalLatencyDrift}).");
        }

        if (t.ConnectivityFailureLimit < 1)
        {
            problems.Add($"{prefix}ConnectivityFailureLimit must be at least 1 (was {t.ConnectivityFailureLimit}).");
        }

        if (t.QueueBacklogLimit is { } backlog && (!double.IsFinite(backlog) || backlog < 0))
        {
            problems.Add($"{prefix}QueueBacklogLimit must be a finite number of at least 0 when set (was {backlog}).");
        }

        if (t.SloPeriod <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}SloPeriod must be positive (was {t.SloPeriod}).");
        }

        if (t.LatencyObjective is <= 0 or >= 1 || double.IsNaN(t.LatencyObjective))
        {
            problems.Add($"{prefix}LatencyObjective must lie strictly between 0 and 1 (was {t.LatencyObjective}).");
        }

        if (!double.IsFinite(t.BurnRateMinimumEvents) || t.BurnRateMinimumEvents < 0)
        {
            problems.Add($"{prefix}BurnRateMinimumEvents must be a finite number of at least 0 (was {t.BurnRateMinimumEvents}).");
        }

        if (t.PersistentGapSnapshots < 1)
        {
            problems.Add($"{prefix}PersistentGapSnapshots must be at least 1 (was {t.PersistentGapSnapshots}).");
        }

        AddWeeklyProblems(problems, t, prefix);
    }

    private static void CheckRatio(List<string> problems, string name, double value)
    {
        if (!double.IsFinite(value) || value is < 0 or > 1)
        {
            problems.Add($"{name} must be a ratio in [0, 1] (was {value}); 0.05 means 5 %.");
        }
    }

    private static void AddWeeklyProblems(List<string> problems, ThresholdOptions t, string prefix)
    {
        if (!double.IsFinite(t.DegradedDayCompliance) || t.DegradedDayCompliance is < 0 or > 1)
        {
            problems.Add($"{prefix}DegradedDayCompliance must be a ratio in [0, 1] (was {t.DegradedDayCompliance}).");
        }

        if (!double.IsFinite(t.DriftLimitPercent) || t.DriftLimitPercent < 0)
        {
            problems.Add($"{prefix}DriftLimitPercent must be a finite number of at least 0 (was {t.DriftLimitPercent}).");
        }

        if (t.DegradedDaysLimit < 1)
        {
            problems.Add($"{prefix}DegradedDaysLimit must be at least 1 (was {t.DegradedDaysLimit}).");
        }

        if (t.CriticalAlertLimit < 0)
        {
            problems.Add($"{prefix}CriticalAlertLimit must not be negative (was {t.CriticalAlertLimit}).");
        }

        if (!double.IsFinite(t.EarlyWarningIncreasePercent) || t.EarlyWarningIncreasePercent <= 0)
        {
            problems.Add($"{prefix}EarlyWarningIncreasePercent must be a finite number above 0 (was {t.EarlyWarningIncreasePercent}).");
        }

        if (t.SuccessRateWindow < 1)
        {
            problems.Add($"{prefix}SuccessRateWindow must be at least 1 (was {t.SuccessRateWindow}).");
        }

        var bands = new List<string>();
        TrendOptionsValidator.CheckBand(bands, prefix + "Trends:FlatBandPercent", t.Trends.FlatBandPercent);
        TrendOptionsValidator.CheckBand(bands, prefix + "Trends:AvailabilityBandPoints", t.Trends.AvailabilityBandPoints);
        TrendOptionsValidator.CheckBand(bands, prefix + "Trends:LatencyBandMilliseconds", t.Trends.LatencyBandMilliseconds);
        TrendOptionsValidator.CheckBand(bands, prefix + "Trends:ResourceBandPercent", t.Trends.ResourceBandPercent);
        problems.AddRange(bands);
    }
}
