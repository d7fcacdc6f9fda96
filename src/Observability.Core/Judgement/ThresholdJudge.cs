using Observability.Internal;

namespace Observability;

/// <summary>
/// Judges one health score or one error rate against a <see cref="ThresholdOptions"/> as the pass does, for code
/// that raises alerts outside it (the Sentry provider's release helpers, a provider of your own): the same
/// comparisons and boundaries, and the same finding (rule of the <see cref="RuleCatalogue"/>, severity, threshold
/// and message) that the pass reports.
/// </summary>
/// <example>
/// <code>
/// var thresholds = options.Value.Thresholds; // the ObservabilityOptions the pass uses
/// if (ThresholdJudge.ErrorRate(0.031, thresholds) is { } finding)
/// {
///     // finding.Rule is "error_rate_warning", finding.Severity Warning, finding.Threshold 0.025
/// }
/// </code>
/// </example>
public static class ThresholdJudge
{
    /// <summary>
    /// Judges a health score (0 to 100): below <see cref="ThresholdOptions.HealthCritical"/> (default 50) is a
    /// <see cref="RuleCatalogue.HealthCritical"/> finding of severity <see cref="AlertSeverity.Error"/>, below
    /// <see cref="ThresholdOptions.HealthWarning"/> (default 70) a <see cref="RuleCatalogue.HealthWarning"/> finding of
    /// severity <see cref="AlertSeverity.Warning"/>. Exactly the warning threshold is healthy; exactly the critical one
    /// is a warning.
    /// </summary>
    /// <param name="healthScore">The health score.</param>
    /// <param name="thresholds">The thresholds, read as given (validate them where they are configured).</param>
    /// <returns>The finding, or <see langword="null"/> when the score is healthy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The score is not a finite number.</exception>
    public static Finding? Health(double healthScore, ThresholdOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ThrowIfNotFinite(healthScore, nameof(healthScore));
        return HealthFinding(HealthScorer.Status(healthScore, thresholds), healthScore, thresholds);
    }

    /// <summary>
    /// Judges an error rate (a fraction, 0.05 is 5 %): above <see cref="ThresholdOptions.ErrorRateCritical"/>
    /// (default 5 %) is a <see cref="RuleCatalogue.ErrorRateCritical"/> finding of severity
    /// <see cref="AlertSeverity.Critical"/>, at or above <see cref="ThresholdOptions.ErrorRateWarning"/> (default 2.5 %) a
    /// <see cref="RuleCatalogue.ErrorRateWarning"/> finding of severity <see cref="AlertSeverity.Warning"/>. Exactly the
    /// warning threshold is a warning; exactly the critical one is still a warning.
    /// </summary>
    /// <remarks>
    /// The pass judges a rate only over more than <see cref="ThresholdOptions.MinimumJobs"/> jobs (or requests); this
    /// method has no volume and judges the rate as given, so pass it only a rate measured over enough of them.
    /// </remarks>
    /// <param name="errorRate">The error rate.</param>
    /// <param name="thresholds">The thresholds, read as given (validate them where they are configured).</param>
    /// <returns>The finding, or <see langword="null"/> when the rate is below the warning threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not a finite number.</exception>
    public static Finding? ErrorRate(double errorRate, ThresholdOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ThrowIfNotFinite(errorRate, nameof(errorRate));
        return ErrorRateFinding(Judge.ErrorRate(errorRate, null, thresholds), errorRate, null, thresholds);
    }

    /// <summary>The health finding of a status already judged (the pass judges the unrounded score).</summary>
    internal static Finding? HealthFinding(HealthStatus status, double score, ThresholdOptions t) => status switch
    {
        HealthStatus.Critical => new Finding(RuleCatalogue.HealthCritical, AlertSeverity.Error, $"Health score {Figures.Score(score)} is below the critical threshold of {Figures.Score(t.HealthCritical)}.")
        { Metric = "health_score", Observed = score, Threshold = t.HealthCritical },
        HealthStatus.Warning => new Finding(RuleCatalogue.HealthWarning, AlertSeverity.Warning, $"Health score {Figures.Score(score)} is below the warning threshold of {Figures.Score(t.HealthWarning)}.")
        { Metric = "health_score", Observed = score, Threshold = t.HealthWarning },
        _ => null,
    };

    /// <summary>The error-rate finding of a level already judged; <paramref name="volume"/> is the volume's text (for example <c>1,200 jobs</c>), when known.</summary>
    internal static Finding? ErrorRateFinding(ErrorRateLevel level, double rate, string? volume, ThresholdOptions t)
    {
        var over = volume is null ? string.Empty : " over " + volume;
        return level switch
        {
            ErrorRateLevel.Critical => new Finding(RuleCatalogue.ErrorRateCritical, AlertSeverity.Critical, $"Error rate {Figures.Percent(rate)}{over} is above the maximum of {Figures.Percent(t.ErrorRateCritical)}.")
            { Metric = WellKnownMetrics.ErrorRate, Observed = rate, Threshold = t.ErrorRateCritical },
            ErrorRateLevel.Warning => new Finding(RuleCatalogue.ErrorRateWarning, AlertSeverity.Warning, $"Error rate {Figures.Percent(rate)}{over} is at or above the warning threshold of {Figures.Percent(t.ErrorRateWarning)}.")
            { Metric = WellKnownMetrics.ErrorRate, Observed = rate, Threshold = t.ErrorRateWarning },
            _ => null,
        };
    }

    private static void ThrowIfNotFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must be a finite number.");
        }
    }
}
