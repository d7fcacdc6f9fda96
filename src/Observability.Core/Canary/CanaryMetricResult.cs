namespace Observability;

/// <summary>The comparison of one metric between canary and baseline: the test, the effect size and the why.</summary>
internal sealed record CanaryMetricResult
{
    /// <summary>Gets the metric's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the metric's group.</summary>
    public required string Group { get; init; }

    /// <summary>Gets which change counts against the canary.</summary>
    public required CanaryDirection Direction { get; init; }

    /// <summary>Gets a value indicating whether the metric is critical.</summary>
    public required bool Critical { get; init; }

    /// <summary>Gets what the comparison found, before <see cref="Direction"/> is applied.</summary>
    public required CanaryClassification Classification { get; init; }

    /// <summary>
    /// Gets a value indicating whether the metric counts as passed: <see cref="CanaryClassification.Pass"/>,
    /// or a High/Low in the direction that <see cref="Direction"/> allows. False for NoData.
    /// </summary>
    public required bool Passed { get; init; }

    /// <summary>Gets a value indicating whether the metric counted in its group's score (false for NoData, unless it must have data).</summary>
    public required bool Scored { get; init; }

    /// <summary>Gets the two-sided p-value of the Mann-Whitney U test, or null when the test was not run (NoData).</summary>
    public double? PValue { get; init; }

    /// <summary>
    /// Gets the canary's U statistic: the (canary, baseline) pairs in which the canary value is larger,
    /// ties counting one half, in [0, n1 x n2]; null when the test was not run.
    /// </summary>
    public double? U { get; init; }

    /// <summary>Gets a value indicating whether <see cref="PValue"/> is exact (small samples) rather than the normal approximation.</summary>
    public bool ExactPValue { get; init; }

    /// <summary>Gets how many usable baseline samples there were.</summary>
    public required int BaselineCount { get; init; }

    /// <summary>Gets how many usable canary samples there were.</summary>
    public required int CanaryCount { get; init; }

    /// <summary>Gets how many baseline samples were dropped as NaN or infinite.</summary>
    public int BaselineDropped { get; init; }

    /// <summary>Gets how many canary samples were dropped as NaN or infinite.</summary>
    public int CanaryDropped { get; init; }

    /// <summary>Gets the baseline median, or null without samples.</summary>
    public double? BaselineMedian { get; init; }

    /// <summary>Gets the canary median, or null without samples.</summary>
    public double? CanaryMedian { get; init; }

    /// <summary>Gets the baseline mean, or null without samples.</summary>
    public double? BaselineMean { get; init; }

    /// <summary>Gets the canary mean, or null without samples.</summary>
    public double? CanaryMean { get; init; }

    /// <summary>
    /// Gets the effect size, canary mean / baseline mean; null when it is undefined (no data, a
    /// baseline mean that is not positive, or a ratio too large for a double). Never infinite.
    /// </summary>
    public double? EffectSize { get; init; }

    /// <summary>Gets why the metric was classified as it was, with the numbers.</summary>
    public required string Reason { get; init; }
}
