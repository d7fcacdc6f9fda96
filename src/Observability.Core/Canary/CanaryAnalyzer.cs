using Observability.Internal;

namespace Observability;

/// <summary>
/// Kayenta-style canary analysis: compares canary samples with baseline samples metric by metric
/// (two-sided Mann-Whitney U test at <see cref="CanaryAnalysisOptions.Confidence"/> plus an effect-size
/// tolerance), classifies each metric Pass / High / Low / NoData, and scores the canary 0-100 over
/// weighted metric groups: Pass at or above the pass threshold, Marginal at or above the marginal
/// threshold, Fail below or when a critical metric fails, NoData when nothing could be judged.
/// Thread-safe: the options are copied at construction.
/// </summary>
/// <remarks>
/// <para>
/// Per metric, in order: NaN and infinite samples are dropped and counted; fewer than
/// <see cref="CanaryMetricConfig.MinimumSamples"/> usable samples on a side is NoData, and so are sample
/// sizes whose smallest attainable p-value, 2 / C(n1 + n2, n1), is not below 1 - confidence (such a test
/// could never fail, so a Pass would mean nothing); both sides constant and equal is Pass (p = 1).
/// Otherwise the two-sided Mann-Whitney U test decides: exact permutation distribution (ties included,
/// through average ranks) up to 40 samples in all, normal approximation with tie and continuity
/// correction beyond. Not significant is Pass. Significant with the canary ranking higher is High when
/// the effect size (canary mean / baseline mean) exceeds <see cref="CanaryMetricConfig.AllowedIncrease"/>,
/// else Pass; lower is Low when it is below <see cref="CanaryMetricConfig.AllowedDecrease"/>, else Pass.
/// An undefined ratio (baseline mean 0 or negative) excuses nothing. Two constant but different sides
/// follow the same rule: the test sees complete separation and the effect size decides.
/// </para>
/// <para>
/// <see cref="CanaryMetricConfig.Direction"/> is applied last and never rewrites the classification: a
/// significant decrease of an <see cref="CanaryDirection.Increase"/> metric is reported as Low with
/// <see cref="CanaryMetricResult.Passed"/> true, and its reason says the direction allows it.
/// </para>
/// <para>
/// Score: each group scores 100 x passed / scored; the overall score is the weighted sum (see
/// <see cref="CanaryAnalysisOptions.GroupWeights"/>), rounded to two decimals, and compared with the
/// thresholds inclusively (95 exactly passes, 75 exactly is marginal). A failing critical metric makes
/// the outcome Fail with score 0. If no metric was scored, the outcome is NoData, never Pass.
/// </para>
/// </remarks>
internal sealed class CanaryAnalyzer
{
    private readonly CanaryMetricConfig[] _metrics;
    private readonly Dictionary<string, double> _weights;
    private readonly double _confidence;
    private readonly double _alpha;
    private readonly double _passThreshold;
    private readonly double _marginalThreshold;

    /// <summary>Initializes a new instance of the <see cref="CanaryAnalyzer"/> class.</summary>
    /// <param name="options">The analysis options; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public CanaryAnalyzer(CanaryAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = CanaryAnalysisOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid canary analysis options: {string.Join(" ", problems)}", nameof(options));
        }

        _metrics = [.. options.Metrics.Select(Copy)];
        _weights = new Dictionary<string, double>(options.GroupWeights, StringComparer.Ordinal);
        _confidence = options.Confidence;
        _alpha = Math.Round(1 - options.Confidence, 12);
        _passThreshold = options.PassThreshold;
        _marginalThreshold = options.MarginalThreshold;
    }

    /// <summary>Compares the canary with the baseline.</summary>
    /// <param name="baseline">The baseline's samples by metric name.</param>
    /// <param name="canary">The canary's samples by metric name.</param>
    /// <returns>The report: outcome, score, every metric and group, the deciding metric and the reason.</returns>
    /// <exception cref="ArgumentNullException">A dictionary is null.</exception>
    /// <exception cref="ArgumentException">A dictionary holds a null sample list.</exception>
    public CanaryReport Analyze(IReadOnlyDictionary<string, IReadOnlyList<double>> baseline, IReadOnlyDictionary<string, IReadOnlyList<double>> canary)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(canary);
        Guard(baseline, nameof(baseline));
        Guard(canary, nameof(canary));

        var metrics = _metrics.Length > 0
            ? _metrics
            : [.. baseline.Keys.Union(canary.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(static n => new CanaryMetricConfig { Name = n })];
        var results = metrics
            .Select(m => CanaryMetricJudge.Judge(m, baseline.GetValueOrDefault(m.Name), canary.GetValueOrDefault(m.Name), _alpha))
            .ToList();
        return CanaryScorer.Score(results, _weights, _passThreshold, _marginalThreshold, _confidence);
    }

    private static void Guard(IReadOnlyDictionary<string, IReadOnlyList<double>> samples, string parameter)
    {
        foreach (var (name, values) in samples)
        {
            if (values is null)
            {
                throw new ArgumentException($"The {parameter} samples of metric '{name}' are null; pass an empty list for a metric without samples.", parameter);
            }
        }
    }

    private static CanaryMetricConfig Copy(CanaryMetricConfig m) => new()
    {
        Name = m.Name,
        Group = m.Group,
        Direction = m.Direction,
        Critical = m.Critical,
        MustHaveData = m.MustHaveData,
        AllowedIncrease = m.AllowedIncrease,
        AllowedDecrease = m.AllowedDecrease,
        MinimumSamples = m.MinimumSamples,
        Unit = m.Unit,
    };
}
