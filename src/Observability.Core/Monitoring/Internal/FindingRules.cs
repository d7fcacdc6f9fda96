namespace Observability.Internal;

/// <summary>The rules a pass evaluates (rows of <see cref="RuleCatalogue"/>), with the catalogue's lookups.</summary>
internal static class FindingRules
{
    public const string ErrorRateLowVolume = RuleCatalogue.ErrorRateLowVolume;
    public const string AvailabilitySlo = RuleCatalogue.AvailabilitySlo;
    public const string LatencySlo = RuleCatalogue.LatencySlo;
    public const string DataGapTransient = RuleCatalogue.DataGapTransient;
    public const string DataGapPersistent = RuleCatalogue.DataGapPersistent;
    public const string NoUsableData = RuleCatalogue.NoUsableData;
    public const string CollectorFailed = RuleCatalogue.CollectorFailed;
    public const string RegressionPerformance = RuleCatalogue.RegressionPerformance;
    public const string RegressionEnvironment = RuleCatalogue.RegressionEnvironment;

    /// <summary>The rollback advisor's rules that a pass reports (history rules: sustained health, connectivity, backlog).</summary>
    public static bool IsAdvisorRule(string rule) => rule is AdviceRules.HealthSustained or AdviceRules.HealthPending
        or AdviceRules.ProcessorConnectivity or AdviceRules.ProcessorConnectivityPending or AdviceRules.QueueBacklog;

    /// <summary>The label category of a rule, for routing and reports.</summary>
    public static string Category(string rule) => RuleCatalogue.Get(rule).Category;

    /// <summary>The title of an alert for a rule: stable text, no measured numbers.</summary>
    public static string Title(string rule, string service) => RuleCatalogue.Get(rule).TitleFor(service);
}
