using System.Globalization;

namespace Observability;

/// <summary>
/// Builds the common release alerts: health degradation, high error rate, emergency rollback, processor issues and
/// cost anomalies. They are plain <see cref="Alert"/>s for any sink; publish them through <see cref="IAlertPublisher"/>.
/// A rollout, when given, travels in <see cref="Alert.Context"/> under <see cref="ReleaseRollout.ContextKey"/>.
/// </summary>
public static partial class ReleaseAlerts
{
    /// <summary>A health score below this (0 to 100) is a warning: 70.</summary>
    public const double HealthWarningBelow = 70;

    /// <summary>A health score below this (0 to 100) is an error: 50.</summary>
    public const double HealthErrorBelow = 50;

    /// <summary>A cost at least this share above the expected cost is a warning: 0.25 (25 %).</summary>
    public const double CostWarningIncrease = 0.25;

    /// <summary>A cost at least this share above the expected cost is critical: 0.50 (50 %).</summary>
    public const double CostCriticalIncrease = 0.50;

    /// <summary>The rule of <see cref="HealthDegradation"/>.</summary>
    public const string HealthDegradationRule = "release_health_degraded";

    /// <summary>The rule of <see cref="HighErrorRate"/>.</summary>
    public const string HighErrorRateRule = "release_error_rate_high";

    /// <summary>The rule of <see cref="EmergencyRollback"/>.</summary>
    public const string EmergencyRollbackRule = "release_emergency_rollback";

    /// <summary>The rule of <see cref="CostAnomaly"/>.</summary>
    public const string CostAnomalyRule = "release_cost_anomaly";

    // Shares computed from money amounts carry rounding (0.2 / 0.8 is 0.24999999999999994); a boundary reached within this counts.
    private const double Tolerance = 1e-9;

    /// <summary>
    /// A health score below <see cref="HealthWarningBelow"/> (70) is a warning, below <see cref="HealthErrorBelow"/> (50)
    /// an error; 70 and above raise nothing, exactly 50 is a warning.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="healthScore">The health score, 0 to 100.</param>
    /// <param name="timestamp">When the score was measured.</param>
    /// <param name="rollout">The rollout, if any.</param>
    /// <returns>The alert, or <see langword="null"/> when the score is healthy.</returns>
    public static Alert? HealthDegradation(string service, double healthScore, DateTimeOffset timestamp, ReleaseRollout? rollout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (!double.IsFinite(healthScore) || healthScore is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(healthScore), healthScore, "The health score must be between 0 and 100.");
        }

        if (healthScore >= HealthWarningBelow)
        {
            return null;
        }

        var severity = healthScore < HealthErrorBelow ? AlertSeverity.Error : AlertSeverity.Warning;
        var limit = severity == AlertSeverity.Error ? HealthErrorBelow : HealthWarningBelow;
        return Build(
            HealthDegradationRule,
            severity,
            service,
            "health",
            Format($"{service}: health score {healthScore:0.0} below {limit:0}"),
            Format($"Health score {healthScore:0.0} is below {limit:0} (warning below {HealthWarningBelow:0}, error below {HealthErrorBelow:0})."),
            timestamp,
            rollout,
            new() { ["health_score"] = healthScore, ["warning_below"] = HealthWarningBelow, ["error_below"] = HealthErrorBelow });
    }

    /// <summary>
    /// An error rate above <paramref name="threshold"/> is a warning, above twice the threshold critical; exactly the
    /// threshold raises nothing, exactly twice the threshold is a warning.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="errorRate">The error rate as a fraction, 0 to 1.</param>
    /// <param name="threshold">The acceptable error rate as a fraction, above 0 and at most 1.</param>
    /// <param name="timestamp">When the rate was measured.</param>
    /// <param name="rollout">The rollout, if any; its error rate is filled in when missing.</param>
    /// <returns>The alert, or <see langword="null"/> when the rate is within the threshold.</returns>
    public static Alert? HighErrorRate(string service, double errorRate, double threshold, DateTimeOffset timestamp, ReleaseRollout? rollout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (!double.IsFinite(errorRate) || errorRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(errorRate), errorRate, "The error rate must be a fraction between 0 and 1.");
        }

        if (!double.IsFinite(threshold) || threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a fraction above 0 and at most 1.");
        }

        if (errorRate <= threshold)
        {
            return null;
        }

        var critical = 2 * threshold;
        var severity = errorRate > critical ? AlertSeverity.Critical : AlertSeverity.Warning;
        return Build(
            HighErrorRateRule,
            severity,
            service,
            "error_rate",
            Format($"{service}: error rate {errorRate:0.00%} above {(severity == AlertSeverity.Critical ? critical : threshold):0.00%}"),
            Format($"Error rate {errorRate:0.00%} is above the threshold {threshold:0.00%} (critical above {critical:0.00%})."),
            timestamp,
            rollout is null ? null : rollout with { ErrorRate = rollout.ErrorRate ?? errorRate },
            new() { ["error_rate"] = errorRate, ["threshold"] = threshold, ["critical_above"] = critical });
    }

    /// <summary>An emergency rollback: always critical.</summary>
    /// <param name="service">The service.</param>
    /// <param name="reason">Why the release is rolled back.</param>
    /// <param name="timestamp">When the rollback was decided.</param>
    /// <param name="rollout">The rollout, if any.</param>
    /// <returns>The alert.</returns>
    public static Alert EmergencyRollback(string service, string reason, DateTimeOffset timestamp, ReleaseRollout? rollout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Build(EmergencyRollbackRule, AlertSeverity.Critical, service, "rollback", $"{service}: emergency rollback", reason, timestamp, rollout, []) with { RootCause = reason };
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Alert Build(string rule, AlertSeverity severity, string service, string category, string title, string message, DateTimeOffset timestamp, ReleaseRollout? rollout, Dictionary<string, object?> context, Dictionary<string, string>? extraLabels = null)
    {
        if (rollout is not null)
        {
            context[ReleaseRollout.ContextKey] = rollout.ToContext();
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [AlertLabels.Service] = service, [AlertLabels.Category] = category };
        foreach (var (key, value) in extraLabels ?? [])
        {
            labels[key] = value;
        }

        return new Alert
        {
            Rule = rule,
            Severity = severity,
            Title = title,
            Message = message,
            Labels = labels,
            Context = context,
            Timestamp = timestamp,
            Source = "observability.release",
        };
    }
}
