namespace Observability.Internal;

/// <summary>One percentile of the latency distribution: the metric's statistics over the window, as the pass summarised it.</summary>
internal sealed record LatencyPercentile(string Percentile, MetricSummary Summary);

/// <summary>A band of the latency histogram: how many judged snapshots had their p95 and their p99 in [From, To) ms.</summary>
internal sealed record LatencyBand(double From, double? To, int P95Snapshots, int P99Snapshots)
{
    public string Label => To is { } to ? $"{Figures.Number(From)}-{Figures.Number(to)} ms" : $"{Figures.Number(From)} ms and above";
}

/// <summary>A rule that fired on snapshots of the timeline: how often, its catalogue category and flag, and when first and last.</summary>
internal sealed record RuleOccurrence(string Rule, string Category, string? Flag, int Snapshots, DateTimeOffset First, DateTimeOffset Last);

/// <summary>A count of snapshots (or error lines) in one category of the error taxonomy.</summary>
internal sealed record TaxonomyRow(string Category, double Count, string Source);

/// <summary>A region's latency and errors (the pass's metric statistics of its <c>metric@region</c> series) and its drift.</summary>
internal sealed record RegionRow(string Region, MetricSummary? LatencyP95, MetricSummary? LatencyP99, MetricSummary? ErrorRate, MetricSummary? Availability, RegionDrift? Drift);

/// <summary>One day of an SLO's burn-down: its compliance (from the day's summary), the budget consumed that day and left at its end.</summary>
internal sealed record BurnDownDay(DateOnly Day, double? Compliance, double Consumed, double Remaining);

/// <summary>An SLO's burn-down table and how many days its budget lasts at the current burn rate.</summary>
internal sealed record SloBurnDownTable(SloStatus Slo, IReadOnlyList<BurnDownDay> Days, double? DaysToExhaustion)
{
    /// <summary>The days to exhaustion as a person reads it.</summary>
    public string Exhaustion => Slo.BudgetRemaining <= 0 ? "already exhausted"
        : DaysToExhaustion is { } d ? $"{Figures.Number(d, "0.#")} days ({Figures.Time(Slo.ProjectedExhaustion!.Value)})"
        : "not projected (not burning faster than it refills)";
}

/// <summary>
/// The operational report of the telemetry-engine spec, assembled from a <see cref="HealthReport"/> (and its week, when
/// there is one): executive summary, performance, SLO compliance and burn-down, error analysis, regional analysis,
/// regression likelihood and recommendations. It computes no figure the pass already computed: scores, compliance,
/// budgets, burn rates, metric statistics, drift and the regression answer are the report's own; it only counts and
/// groups the report's facts (snapshots per latency band, per rule, per category; budget consumed per day).
/// </summary>
internal sealed record OperationalReport(
    HealthReport Report,
    WeeklySummary? Week,
    IReadOnlyList<LatencyPercentile> Latency,
    MetricSummary? Throughput,
    IReadOnlyList<LatencyBand> Histogram,
    IReadOnlyList<RuleOccurrence> TopErrors,
    IReadOnlyList<TaxonomyRow> Taxonomy,
    MetricSummary? ErrorCount,
    IReadOnlyList<RegionRow> Regions,
    IReadOnlyList<SloBurnDownTable> BurnDown,
    IReadOnlyList<string> Recommendations)
{
    /// <summary>The file name of the JSON and Markdown files, without extension.</summary>
    public const string DefaultFileName = "operational_report";

    /// <summary>The version of the JSON shape.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Whether any metric carried a region (<c>latency_p95_ms@eu-west-1</c>); the service as a whole is not a region.</summary>
    public bool HasRegionalData => Regions.Any(static r => r.Region != RegionalAll);

    /// <summary>The region name the pass gives the service as a whole.</summary>
    public const string RegionalAll = "all";

    public static OperationalReport Build(HealthReport report, WeeklySummary? week)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = report.Metrics.ToDictionary(static m => m.Name, StringComparer.Ordinal);
        return new OperationalReport(
            report,
            week,
            OperationalSections.Latency(metrics),
            metrics.GetValueOrDefault(WellKnownMetrics.RequestCount),
            OperationalSections.Histogram(report.Timeline),
            OperationalSections.TopErrors(report.Timeline),
            OperationalSections.Taxonomy(report),
            metrics.GetValueOrDefault(WellKnownMetrics.ErrorCount),
            OperationalSections.Regions(report),
            [.. report.Slos.Select(s => OperationalSections.BurnDown(report, s, week))],
            OperationalRecommendations.For(report, week));
    }
}
