namespace Observability;

/// <summary>A rollback rule that triggered: what was measured against what, and a sentence.</summary>
/// <param name="Rule">The rule: one of the constants of this type.</param>
/// <param name="Observed">The observed value (availability as a ratio, drift in percent, counts as numbers).</param>
/// <param name="Threshold">The limit it was compared with.</param>
/// <param name="Message">A sentence a person can read, with the numbers.</param>
public sealed record RollbackReason(string Rule, double Observed, double Threshold, string Message)
{
    /// <summary>The period's average availability is below the target.</summary>
    public const string AvailabilityBelowTarget = "availability_below_target";

    /// <summary>The period's average drift from the baseline is above the limit.</summary>
    public const string DriftAboveLimit = "drift_above_limit";

    /// <summary>The period has at least the limit of degraded days.</summary>
    public const string DegradedDays = "degraded_days";

    /// <summary>The period has more critical alerts than the limit.</summary>
    public const string CriticalAlerts = "critical_alerts";
}
