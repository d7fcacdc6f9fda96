namespace Observability;

/// <summary>The result of a canary analysis: the outcome, the 0-100 score, the metric that decided and why.</summary>
internal sealed record CanaryReport
{
    /// <summary>Gets the overall result.</summary>
    public required CanaryOutcome Outcome { get; init; }

    /// <summary>
    /// Gets the score in [0, 100], rounded to two decimals: the sum over groups of weight x passed / scored.
    /// 0 when a critical metric failed and when the outcome is <see cref="CanaryOutcome.NoData"/>.
    /// </summary>
    public required double Score { get; init; }

    /// <summary>Gets the pass threshold the score was compared with.</summary>
    public required double PassThreshold { get; init; }

    /// <summary>Gets the marginal threshold the score was compared with.</summary>
    public required double MarginalThreshold { get; init; }

    /// <summary>Gets the confidence of the test.</summary>
    public required double Confidence { get; init; }

    /// <summary>
    /// Gets the name of the metric that decided: the failing critical metric (the smallest p-value
    /// among several), else the failing metric that cost the most points (ties: the smaller p-value, then
    /// the earlier metric); null when no metric failed.
    /// </summary>
    public string? DecidingMetric { get; init; }

    /// <summary>Gets why the outcome is what it is, with the numbers, for a person.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the result of every metric, in configuration order.</summary>
    public required IReadOnlyList<CanaryMetricResult> Metrics { get; init; }

    /// <summary>Gets the score of every group, in order of first appearance.</summary>
    public required IReadOnlyList<CanaryGroupResult> Groups { get; init; }
}
