namespace Observability.Internal;

/// <summary>The rules a pass evaluates; their names are the alerts' rule identities.</summary>
internal static class FindingRules
{
    public const string ErrorRateCritical = "error_rate_critical";
    public const string ErrorRateWarning = "error_rate_warning";
    public const string ErrorRateLowVolume = "error_rate_low_volume";
    public const string HealthCritical = "health_critical";
    public const string HealthWarning = "health_warning";
    public const string AvailabilitySlo = "availability_slo";
    public const string LatencySlo = "latency_slo";
    public const string DataGapTransient = "data_gap_transient";
    public const string DataGapPersistent = "data_gap_persistent";
    public const string NoUsableData = "no_usable_data";
    public const string CollectorFailed = "collector_failed";
    public const string RegressionPerformance = "regression_performance";
    public const string RegressionEnvironment = "regression_environment";

    /// <summary>The rollback advisor's rules that a pass reports (history rules: sustained health, connectivity, backlog).</summary>
    public static bool IsAdvisorRule(string rule) => rule is AdviceRules.HealthSustained or AdviceRules.HealthPending
        or AdviceRules.ProcessorConnectivity or AdviceRules.ProcessorConnectivityPending or AdviceRules.QueueBacklog;

    /// <summary>Rules that explain a hold but repeat what another finding already alerts on.</summary>
    public static bool IsVerdictOnly(string rule) => rule is AdviceRules.HealthPending or AdviceRules.ProcessorConnectivityPending;

    /// <summary>The label category of a rule, for routing and reports.</summary>
    public static string Category(string rule) => rule switch
    {
        ErrorRateCritical or ErrorRateWarning or ErrorRateLowVolume => "error_rate",
        HealthCritical or HealthWarning or AdviceRules.HealthSustained or AdviceRules.HealthPending => "health",
        RegressionPerformance or RegressionEnvironment => "regression",
        AnomalyChecks.ErrorRateRule or AnomalyChecks.LatencyRule => "anomaly",
        _ when rule.StartsWith(SloChecks.BurnRatePrefix, StringComparison.Ordinal) => "slo",
        AdviceRules.ProcessorConnectivity or AdviceRules.ProcessorConnectivityPending or AdviceRules.QueueBacklog => "processor",
        AvailabilitySlo or LatencySlo => "slo",
        _ => "data_quality",
    };

    /// <summary>The title of an alert for a rule: stable text, no measured numbers.</summary>
    public static string Title(string rule, string service) => rule switch
    {
        ErrorRateCritical => $"{service}: error rate above the critical threshold",
        ErrorRateWarning => $"{service}: error rate above the warning threshold",
        HealthCritical => $"{service}: health score critical",
        HealthWarning => $"{service}: health score degraded",
        AvailabilitySlo => $"{service}: availability below its SLO",
        LatencySlo => $"{service}: p99 latency above its SLO",
        DataGapTransient => $"{service}: metrics source went quiet (transient)",
        DataGapPersistent => $"{service}: metrics source went quiet (persistent)",
        NoUsableData => $"{service}: no usable data to judge the release",
        CollectorFailed => $"{service}: a collector failed",
        RegressionPerformance => $"{service}: performance regression against the baseline",
        _ when rule.StartsWith(SloChecks.BurnRatePrefix, StringComparison.Ordinal) => $"{service}: {rule[SloChecks.BurnRatePrefix.Length..]} SLO error budget burning fast",
        RegressionEnvironment => $"{service}: environment regression against the baseline",
        AdviceRules.HealthSustained => $"{service}: health critical for the sustain period",
        AdviceRules.ProcessorConnectivity => $"{service}: processor connectivity failures",
        AdviceRules.QueueBacklog => $"{service}: queue backlog above its limit",
        _ => $"{service}: {rule}",
    };
}
