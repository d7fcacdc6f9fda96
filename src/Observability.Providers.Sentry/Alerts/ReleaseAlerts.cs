namespace Observability;

/// <summary>
/// Builds the common release alerts: health degradation, high error rate, emergency rollback, processor issues and
/// cost anomalies. They are plain <see cref="Alert"/>s for any sink; publish them through <see cref="IAlertPublisher"/>.
/// A rollout, when given, travels in <see cref="Alert.Context"/> under <see cref="ReleaseRollout.ContextKey"/>.
/// </summary>
/// <remarks>
/// <para>
/// The helpers keep no thresholds of their own. Health and error rate are judged by <see cref="ThresholdJudge"/>
/// against a <see cref="ThresholdOptions"/> (pass the pass's, <c>ObservabilityOptions.Thresholds</c>; the defaults
/// when none is given), so a helper alerts exactly where the pass's <c>health_*</c> and <c>error_rate_*</c> findings
/// do; cost is judged by <see cref="CostAnomalyDetector"/>, the one definition of cost variance.
/// </para>
/// <para>
/// Their rules (<c>release_*</c> and <c>processor_*</c>) are the helpers' own, not rows of the
/// <see cref="RuleCatalogue"/>: a helper builds an alert that goes straight to the publisher and the sinks, which
/// read no catalogue, while catalogue rows are the rules of findings, which the pass turns into its own alerts.
/// Distinct rules also keep a helper's alert from being deduplicated against the pass's alert for the same
/// condition. The category label, the title and the message are the judged finding's (see <see cref="RuleCatalogue"/>).
/// </para>
/// </remarks>
public static partial class ReleaseAlerts
{
    /// <summary>The rule of <see cref="HealthDegradation"/>: <c>release_health_degraded</c>, a release-helper rule (not a catalogue row).</summary>
    public const string HealthDegradationRule = "release_health_degraded";

    /// <summary>The rule of <see cref="HighErrorRate"/>: <c>release_error_rate_high</c>, a release-helper rule (not a catalogue row).</summary>
    public const string HighErrorRateRule = "release_error_rate_high";

    /// <summary>The rule of <see cref="EmergencyRollback"/>: <c>release_emergency_rollback</c>, a release-helper rule (not a catalogue row).</summary>
    public const string EmergencyRollbackRule = "release_emergency_rollback";

    /// <summary>The rule of <see cref="CostAnomaly"/>: <c>release_cost_anomaly</c>, a release-helper rule (not a catalogue row).</summary>
    public const string CostAnomalyRule = "release_cost_anomaly";

    private static readonly ThresholdOptions DefaultThresholds = new();

    /// <summary>
    /// Judges a health score as the pass does (<see cref="ThresholdJudge.Health"/>): below
    /// <see cref="ThresholdOptions.HealthCritical"/> (default 50) an error, below <see cref="ThresholdOptions.HealthWarning"/>
    /// (default 70) a warning; exactly the warning threshold raises nothing, exactly the critical one is a warning.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="healthScore">The health score, 0 to 100.</param>
    /// <param name="timestamp">When the score was measured.</param>
    /// <param name="rollout">The rollout, if any.</param>
    /// <param name="thresholds">The thresholds, for example <c>ObservabilityOptions.Thresholds</c>; the defaults when <see langword="null"/>.</param>
    /// <returns>The alert, or <see langword="null"/> when the score is healthy.</returns>
    public static Alert? HealthDegradation(string service, double healthScore, DateTimeOffset timestamp, ReleaseRollout? rollout = null, ThresholdOptions? thresholds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (!double.IsFinite(healthScore) || healthScore is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(healthScore), healthScore, "The health score must be between 0 and 100.");
        }

        var t = thresholds ?? DefaultThresholds;
        return ThresholdJudge.Health(healthScore, t) is { } finding
            ? FromFinding(HealthDegradationRule, finding, service, timestamp, rollout, new() { ["health_score"] = healthScore, ["warning_below"] = t.HealthWarning, ["error_below"] = t.HealthCritical })
            : null;
    }

    /// <summary>
    /// Judges an error rate as the pass does (<see cref="ThresholdJudge.ErrorRate"/>): above
    /// <see cref="ThresholdOptions.ErrorRateCritical"/> (default 5 %) critical, at or above
    /// <see cref="ThresholdOptions.ErrorRateWarning"/> (default 2.5 %) a warning; exactly the warning threshold is a
    /// warning, exactly the critical one still a warning. The rate is judged as given: pass only a rate measured over
    /// more than <see cref="ThresholdOptions.MinimumJobs"/> jobs or requests, as the pass does.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="errorRate">The error rate as a fraction, 0 to 1.</param>
    /// <param name="timestamp">When the rate was measured.</param>
    /// <param name="rollout">The rollout, if any; its error rate is filled in when missing.</param>
    /// <param name="thresholds">The thresholds, for example <c>ObservabilityOptions.Thresholds</c>; the defaults when <see langword="null"/>.</param>
    /// <returns>The alert, or <see langword="null"/> when the rate is below the warning threshold.</returns>
    public static Alert? HighErrorRate(string service, double errorRate, DateTimeOffset timestamp, ReleaseRollout? rollout = null, ThresholdOptions? thresholds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (!double.IsFinite(errorRate) || errorRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(errorRate), errorRate, "The error rate must be a fraction between 0 and 1.");
        }

        var t = thresholds ?? DefaultThresholds;
        return ThresholdJudge.ErrorRate(errorRate, t) is { } finding
            ? FromFinding(
                HighErrorRateRule,
                finding,
                service,
                timestamp,
                rollout is null ? null : rollout with { ErrorRate = rollout.ErrorRate ?? errorRate },
                new() { ["error_rate"] = errorRate, ["warning_from"] = t.ErrorRateWarning, ["critical_above"] = t.ErrorRateCritical })
            : null;
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

    /// <summary>An alert of a helper rule from the finding that judged it: its severity, message and threshold, the catalogue row's category and title.</summary>
    private static Alert FromFinding(string rule, Finding finding, string service, DateTimeOffset timestamp, ReleaseRollout? rollout, Dictionary<string, object?> context)
    {
        var row = RuleCatalogue.Get(finding.Rule);
        context["finding_rule"] = finding.Rule;
        return Build(rule, finding.Severity, service, row.Category, row.TitleFor(service), finding.Message, timestamp, rollout, context);
    }

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
