using System.Collections.Frozen;

namespace Observability;

/// <summary>
/// The rule catalogue: every rule a finding can carry, with its category, alert title, unit,
/// effect on the verdict, whether it alerts, and the specifications' flag name. The verdict, the
/// alerts, the reports and the snapshot flags all read it; a rule without a row is a programming
/// error (<see cref="Get"/> throws), never a silent default.
/// </summary>
public static partial class RuleCatalogue
{
    private static readonly RuleDefinition[] Rows =
    [
        new(ErrorRateCritical, Categories.ErrorRate, "{service}: error rate above the critical threshold", ValueUnit.Ratio, RuleEffect.Rollback, Alerts: true, Flag: "error_rate_crit"),
        new(ErrorRateWarning, Categories.ErrorRate, "{service}: error rate above the warning threshold", ValueUnit.Ratio, RuleEffect.Hold, Alerts: true, Flag: "error_rate_warn"),
        new(ErrorRateLowVolume, Categories.ErrorRate, "{service}: error rate not judged (too little volume)", ValueUnit.Count, RuleEffect.Inform, Alerts: false),
        new(ErrorRateEarlyWarning, Categories.Trend, "{service}: error rate rising fast", ValueUnit.Percent, RuleEffect.Inform, Alerts: true, Flag: "error_rate_trend_up"),
        new(TrendDegradation, Categories.Trend, "{service}: success rate trending down", ValueUnit.Ratio, RuleEffect.Hold, Alerts: true, Flag: "trend_degradation"),
        new(SuccessRateCritical, Categories.Trend, "{service}: rolling success rate critical", ValueUnit.Ratio, RuleEffect.Hold, Alerts: true, Flag: "success_rate_crit"),
        new(HealthCritical, Categories.Health, "{service}: health score critical", ValueUnit.Points, RuleEffect.Hold, Alerts: true, Flag: "health_crit"),
        new(HealthWarning, Categories.Health, "{service}: health score degraded", ValueUnit.Points, RuleEffect.Hold, Alerts: true, Flag: "health_warn"),
        new(HealthSustained, Categories.Health, "{service}: health critical for the sustain period", ValueUnit.Points, RuleEffect.Rollback, Alerts: true),
        new(HealthPending, Categories.Health, "{service}: health critical, sustain timer running", ValueUnit.Points, RuleEffect.Hold, Alerts: false),
        new(AvailabilitySlo, Categories.Slo, "{service}: availability below its SLO", ValueUnit.Ratio, RuleEffect.Hold, Alerts: true, Flag: "availability_slo"),
        new(LatencySlo, Categories.Slo, "{service}: p99 latency above its SLO", ValueUnit.Milliseconds, RuleEffect.Hold, Alerts: true, Flag: "latency_slo"),
        new(BurnRateAvailability, Categories.Slo, "{service}: availability SLO error budget burning fast", ValueUnit.BurnRate, RuleEffect.Hold, Alerts: true, Flag: "slo_burn"),
        new(BurnRateLatency, Categories.Slo, "{service}: latency_p99 SLO error budget burning fast", ValueUnit.BurnRate, RuleEffect.Hold, Alerts: true, Flag: "slo_burn"),
        new(RegressionPerformance, Categories.Regression, "{service}: performance regression against the baseline", ValueUnit.Confidence, RuleEffect.Hold, Alerts: true),
        new(RegressionEnvironment, Categories.Regression, "{service}: environment regression against the baseline", ValueUnit.Confidence, RuleEffect.Hold, Alerts: true),
        new(AnomalyErrorRate, Categories.Anomaly, "{service}: anomalous error rate", ValueUnit.Ratio, RuleEffect.Inform, Alerts: false, Flag: "anomaly"),
        new(AnomalyLatency, Categories.Anomaly, "{service}: anomalous p95 latency", ValueUnit.Milliseconds, RuleEffect.Inform, Alerts: false, Flag: "anomaly"),
        new(ChangePointErrorRate, Categories.Anomaly, "{service}: error rate changed level", ValueUnit.Ratio, RuleEffect.Inform, Alerts: false, Flag: "change_point"),
        new(ChangePointLatency, Categories.Anomaly, "{service}: p95 latency changed level", ValueUnit.Milliseconds, RuleEffect.Inform, Alerts: false, Flag: "change_point"),
        new(ProcessorConnectivity, Categories.Processor, "{service}: processor connectivity failures", ValueUnit.Count, RuleEffect.Rollback, Alerts: true),
        new(ProcessorConnectivityPending, Categories.Processor, "{service}: processor connectivity failures below the limit", ValueUnit.Count, RuleEffect.Hold, Alerts: false),
        new(QueueBacklog, Categories.Processor, "{service}: queue backlog above its limit", ValueUnit.Count, RuleEffect.Rollback, Alerts: true),
        new(DataGapTransient, Categories.DataQuality, "{service}: metrics source went quiet (transient)", ValueUnit.Count, RuleEffect.Inform, Alerts: true, Flag: "collect_empty_source"),
        new(DataGapPersistent, Categories.DataQuality, "{service}: metrics source went quiet (persistent)", ValueUnit.Count, RuleEffect.Hold, Alerts: true, Flag: "collect_empty_source"),
        new(NoUsableData, Categories.DataQuality, "{service}: no usable data to judge the release", ValueUnit.None, RuleEffect.Inform, Alerts: true, Flag: "collect_failed"),
        new(CollectorFailed, Categories.DataQuality, "{service}: a collector failed", ValueUnit.None, RuleEffect.Inform, Alerts: true, Flag: "collect_failed"),
        new(CrossCheckDiscrepancy, Categories.DataQuality, "{service}: sources disagree", ValueUnit.None, RuleEffect.Inform, Alerts: false),
        new(CostVarianceWarning, Categories.Cost, "{service}: cost variance above the warning limit", ValueUnit.Percent, RuleEffect.Inform, Alerts: true),
        new(CostVarianceCritical, Categories.Cost, "{service}: cost variance above the critical limit", ValueUnit.Percent, RuleEffect.Inform, Alerts: true),
        new(AdvisorErrorRate, Categories.ErrorRate, "{service}: error rate above the maximum", ValueUnit.Ratio, RuleEffect.Rollback, Alerts: true),
        new(AdvisorErrorRateLowVolume, Categories.ErrorRate, "{service}: error rate not judged (too few jobs)", ValueUnit.Ratio, RuleEffect.Inform, Alerts: false),
        new(AdvisorNoData, Categories.DataQuality, "{service}: no data to advise on", ValueUnit.None, RuleEffect.Inform, Alerts: false),
    ];

    private static readonly FrozenDictionary<string, RuleDefinition> ById = Rows.ToFrozenDictionary(static r => r.Id, StringComparer.Ordinal);

    /// <summary>Gets every rule, in the catalogue's order.</summary>
    public static IReadOnlyList<RuleDefinition> All => Rows;

    /// <summary>Finds a rule by its identity.</summary>
    /// <param name="id">The rule's identity.</param>
    /// <returns>The rule, or <see langword="null"/> when the catalogue has no such rule.</returns>
    public static RuleDefinition? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }

    /// <summary>Gets a rule by its identity.</summary>
    /// <param name="id">The rule's identity.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="KeyNotFoundException">The catalogue has no such rule: a producer emitted a rule without its row.</exception>
    public static RuleDefinition Get(string id)
        => Find(id) ?? throw new KeyNotFoundException($"The rule '{id}' has no row in the rule catalogue; add one to RuleCatalogue.");

    /// <summary>Gets the burn-rate rule of an SLO by the SLO's name.</summary>
    /// <param name="sloName">The SLO's name (<c>availability</c> or <c>latency_p99</c>).</param>
    /// <returns>The rule's identity.</returns>
    internal static string BurnRateRule(string sloName) => BurnRatePrefix + sloName;
}
