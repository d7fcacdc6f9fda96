namespace Observability;

/// <summary>
/// Options of a Kayenta-style canary analysis: the metrics and their groups, the group weights,
/// the confidence of the Mann-Whitney U test and the score thresholds. Plain and bindable from
/// configuration; <see cref="CanaryAnalyzer"/> validates them and lists every problem at once.
/// </summary>
internal sealed class CanaryAnalysisOptions
{
    /// <summary>
    /// Gets or sets the confidence of the test, in (0, 1): a difference is significant when the
    /// two-sided p-value is below 1 - confidence (rounded to 12 decimals, so 0.98 means exactly
    /// p &lt; 0.02; p = 0.02 is not significant). Default: 0.98, as Kayenta.
    /// </summary>
    public double Confidence { get; set; } = 0.98;

    /// <summary>Gets or sets the score at or above which the canary passes, in [0, 100]. Default: 95.</summary>
    public double PassThreshold { get; set; } = 95;

    /// <summary>Gets or sets the score at or above which a non-passing canary is marginal rather than failed, in [0, PassThreshold]. Default: 75.</summary>
    public double MarginalThreshold { get; set; } = 75;

    /// <summary>
    /// Gets the metrics to compare, in report order. When empty, every metric name found in either
    /// sample set is compared with a default <see cref="CanaryMetricConfig"/> (group
    /// <see cref="CanaryMetricConfig.DefaultGroup"/>); when not empty, only these are compared and a
    /// listed metric without samples is <see cref="CanaryClassification.NoData"/>.
    /// </summary>
    public IList<CanaryMetricConfig> Metrics { get; } = new List<CanaryMetricConfig>();

    /// <summary>
    /// Gets the group weights in points out of 100 (group name to weight), as Kayenta's.
    /// </summary>
    /// <remarks>
    /// Weights must be finite, not negative, and sum to at most 100. Groups of the metrics that have no
    /// weight share what is left of 100 equally (nothing left: they weigh 0 and only critical metrics
    /// in them matter). A group with no scored metric (all NoData) is left out, and the weights of the
    /// groups that remain are scaled to sum to 100, so missing data neither passes nor fails a
    /// canary. If the remaining groups all weigh 0 they share equally. When metrics are listed, every
    /// weighted group must have one of them.
    /// </remarks>
    public IDictionary<string, double> GroupWeights { get; } = new Dictionary<string, double>(StringComparer.Ordinal);
}
