namespace Observability.Internal;

/// <summary>The rule names of the rollback advisor and the cost anomaly detector (rows of <see cref="RuleCatalogue"/>).</summary>
internal static class AdviceRules
{
    public const string ErrorRate = RuleCatalogue.AdvisorErrorRate;
    public const string ErrorRateLowVolume = RuleCatalogue.AdvisorErrorRateLowVolume;
    public const string HealthSustained = RuleCatalogue.HealthSustained;
    public const string HealthPending = RuleCatalogue.HealthPending;
    public const string ProcessorConnectivity = RuleCatalogue.ProcessorConnectivity;
    public const string ProcessorConnectivityPending = RuleCatalogue.ProcessorConnectivityPending;
    public const string QueueBacklog = RuleCatalogue.QueueBacklog;
    public const string NoData = RuleCatalogue.AdvisorNoData;
    public const string CostVarianceWarning = RuleCatalogue.CostVarianceWarning;
    public const string CostVarianceCritical = RuleCatalogue.CostVarianceCritical;
}
