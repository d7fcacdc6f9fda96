namespace Observability;

/// <summary>Everything a monitoring pass concluded, as reporters write it.</summary>
public sealed record HealthReport
{
    /// <summary>Gets the service the report is about.</summary>
    public required string Service { get; init; }

    /// <summary>Gets the environment (for example <c>production</c>), when configured.</summary>
    public string? Environment { get; init; }

    /// <summary>Gets the window that was collected and judged.</summary>
    public required CollectionWindow Window { get; init; }

    /// <summary>Gets the newest part of the window the verdict is based on.</summary>
    public required CollectionWindow EvaluationWindow { get; init; }

    /// <summary>Gets when the report was produced.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Gets the trace id of the pass.</summary>
    public required string TraceId { get; init; }

    /// <summary>Gets the verdict and its reasons.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Gets the health score of the evaluation window.</summary>
    public required HealthScore Health { get; init; }

    /// <summary>Gets the stability score of the whole window.</summary>
    public required StabilityScore Stability { get; init; }

    /// <summary>Gets every finding of the pass, most severe first.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Gets where each service level objective stands: compliance, error budget, burn rate.</summary>
    public IReadOnlyList<SloStatus> Slos { get; init; } = [];

    /// <summary>Gets per-metric statistics, by metric name.</summary>
    public IReadOnlyList<MetricSummary> Metrics { get; init; } = [];

    /// <summary>Gets the data quality of the window.</summary>
    public required DataQualitySummary DataQuality { get; init; }

    /// <summary>
    /// Gets every judged snapshot of the window in time order, judged one by one with the pass's rules
    /// (the charts' and <c>snapshots.csv</c>'s data); empty when nothing was collected.
    /// </summary>
    public IReadOnlyList<SnapshotJudgement> Timeline { get; init; } = [];

    /// <summary>
    /// Gets what the regression classifier concluded for the evaluation window against its baseline (the same hours
    /// of earlier days): the category (<c>benign</c>, <c>performance_regression</c>, <c>environment_regression</c>,
    /// <c>insufficient_data</c>), the confidence and the contributing factors as evidence; <see langword="null"/> when
    /// there was nothing to compare.
    /// </summary>
    public Classification? Regression { get; init; }

    /// <summary>Gets each region's p95 latency drift from its baseline, largest first (the health score's regional drift); empty without a baseline.</summary>
    public IReadOnlyList<RegionDrift> RegionalDrift { get; init; } = [];

    /// <summary>Gets what each collector delivered.</summary>
    public IReadOnlyList<CollectionSummary> Collections { get; init; } = [];

    /// <summary>
    /// Gets the alerts the pass raised, redacted and fingerprinted. When alerting is enabled,
    /// repeats that deduplication held back are not included.
    /// </summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];
}
