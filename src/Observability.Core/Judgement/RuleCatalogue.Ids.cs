namespace Observability;

/// <content>The rules' identities and categories.</content>
public static partial class RuleCatalogue
{
    /// <summary>The error rate of the evaluation window is above the critical threshold (rolls back).</summary>
    public const string ErrorRateCritical = "error_rate_critical";

    /// <summary>The error rate is at or above the warning threshold (holds).</summary>
    public const string ErrorRateWarning = "error_rate_warning";

    /// <summary>The error rate was not judged: its volume is not above the minimum.</summary>
    public const string ErrorRateLowVolume = "error_rate_low_volume";

    /// <summary>The error rate of the evaluation window rose more than 50 % against the hours before it (the rollout spec's early warning).</summary>
    public const string ErrorRateEarlyWarning = "error_rate_early_warning";

    /// <summary>The rolling success rate is between the critical and the degradation bounds (the phase 4 spec's <c>trend_degradation</c>).</summary>
    public const string TrendDegradation = "trend_degradation";

    /// <summary>The rolling success rate is below the critical bound (the phase 4 spec's <c>success_rate_crit</c>).</summary>
    public const string SuccessRateCritical = "success_rate_critical";

    /// <summary>The health score is below the critical threshold.</summary>
    public const string HealthCritical = "health_critical";

    /// <summary>The health score is below the warning threshold.</summary>
    public const string HealthWarning = "health_warning";

    /// <summary>The health score stayed below critical for the sustain period (rolls back).</summary>
    public const string HealthSustained = "rollback_health_sustained";

    /// <summary>The health score is below critical, the sustain timer running.</summary>
    public const string HealthPending = "rollback_health_pending";

    /// <summary>The evaluation window's availability is below its SLO.</summary>
    public const string AvailabilitySlo = "availability_slo";

    /// <summary>The evaluation window's p99 latency is at or above its SLO.</summary>
    public const string LatencySlo = "latency_slo";

    /// <summary>The availability SLO burns its error budget at a multi-window alerting rate.</summary>
    public const string BurnRateAvailability = BurnRatePrefix + "availability";

    /// <summary>The p99 latency SLO burns its error budget at a multi-window alerting rate.</summary>
    public const string BurnRateLatency = BurnRatePrefix + "latency_p99";

    /// <summary>A performance regression against the same hours of earlier days.</summary>
    public const string RegressionPerformance = "regression_performance";

    /// <summary>An environment regression against the same hours of earlier days.</summary>
    public const string RegressionEnvironment = "regression_environment";

    /// <summary>An anomalous error rate in the evaluation window.</summary>
    public const string AnomalyErrorRate = "anomaly_error_rate";

    /// <summary>An anomalous p95 latency in the evaluation window.</summary>
    public const string AnomalyLatency = "anomaly_latency_p95";

    /// <summary>The error rate changed level (a CUSUM change point) in the evaluation window.</summary>
    public const string ChangePointErrorRate = "change_point_error_rate";

    /// <summary>The p95 latency changed level (a CUSUM change point) in the evaluation window.</summary>
    public const string ChangePointLatency = "change_point_latency_p95";

    /// <summary>Processor connectivity failures at or above the limit (rolls back).</summary>
    public const string ProcessorConnectivity = "rollback_processor_connectivity";

    /// <summary>Some processor connectivity failures, fewer than the limit (holds).</summary>
    public const string ProcessorConnectivityPending = "rollback_processor_connectivity_pending";

    /// <summary>Queue backlog above its limit (rolls back).</summary>
    public const string QueueBacklog = "rollback_queue_backlog";

    /// <summary>The source went quiet for fewer snapshots than make a persistent gap.</summary>
    public const string DataGapTransient = "data_gap_transient";

    /// <summary>The source went quiet for long enough to be a persistent gap.</summary>
    public const string DataGapPersistent = "data_gap_persistent";

    /// <summary>No usable data in the evaluation window.</summary>
    public const string NoUsableData = "no_usable_data";

    /// <summary>A collector failed.</summary>
    public const string CollectorFailed = "collector_failed";

    /// <summary>Two sources of a cross-checked chain disagree beyond the tolerance.</summary>
    public const string CrossCheckDiscrepancy = "cross_check_discrepancy";

    /// <summary>Cost variance above the warning percentage.</summary>
    public const string CostVarianceWarning = "cost_variance_warning";

    /// <summary>Cost variance above the critical percentage.</summary>
    public const string CostVarianceCritical = "cost_variance_critical";

    /// <summary>The rollback advisor's error-rate breaker (one observation above the maximum with enough jobs).</summary>
    public const string AdvisorErrorRate = "rollback_error_rate";

    /// <summary>The rollback advisor saw an error rate above the maximum with too few jobs.</summary>
    public const string AdvisorErrorRateLowVolume = "rollback_error_rate_low_volume";

    /// <summary>The rollback advisor's observation carried no data.</summary>
    public const string AdvisorNoData = "rollback_no_data";

    private const string BurnRatePrefix = "slo_burn_rate_";

    /// <summary>The rules' categories, as alert labels carry them.</summary>
    public static class Categories
    {
        /// <summary>Error rate rules.</summary>
        public const string ErrorRate = "error_rate";

        /// <summary>Health score rules.</summary>
        public const string Health = "health";

        /// <summary>SLO rules (window SLOs and burn rates).</summary>
        public const string Slo = "slo";

        /// <summary>Regressions against the baseline.</summary>
        public const string Regression = "regression";

        /// <summary>Trends and early warnings.</summary>
        public const string Trend = "trend";

        /// <summary>Anomalies and change points: they explain, they do not decide.</summary>
        public const string Anomaly = "anomaly";

        /// <summary>Processor connectivity and queue backlog.</summary>
        public const string Processor = "processor";

        /// <summary>Collection problems: never a reason to roll back.</summary>
        public const string DataQuality = "data_quality";

        /// <summary>Cost anomalies.</summary>
        public const string Cost = "cost";
    }
}
