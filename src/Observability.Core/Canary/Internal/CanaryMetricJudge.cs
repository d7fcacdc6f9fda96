namespace Observability.Internal;

/// <summary>
/// Classifies one metric: usable samples, the Mann-Whitney U test, the effect size and the direction.
/// </summary>
/// <remarks>
/// In order: (1) NaN and infinite samples are dropped and counted; (2) fewer usable samples than
/// <see cref="CanaryMetricConfig.MinimumSamples"/> on a side is NoData; (3) so are sizes whose smallest
/// attainable p-value, 2 / C(n1 + n2, n1), is not below alpha, since such a test cannot flag anything;
/// (4) both sides constant and equal is Pass (p = 1); (5) otherwise the test decides: not significant is
/// Pass; significant with the canary ranking higher (U above n1 n2 / 2) is High when the mean ratio exceeds
/// the allowed increase, else Pass; lower is Low when the ratio is below the allowed decrease, else Pass.
/// Two constant but different sides are thus judged like any others: the ranks separate completely, so the
/// test is significant once there are enough samples, and the effect size decides.
/// When the ratio is undefined (baseline mean not positive) the tolerance cannot excuse a significant change.
/// Direction is applied last: a Low of an <see cref="CanaryDirection.Increase"/> metric stays Low
/// (reported as it is) but passes, and likewise a High of a <see cref="CanaryDirection.Decrease"/> metric.
/// </remarks>
internal static class CanaryMetricJudge
{
    public static CanaryMetricResult Judge(CanaryMetricConfig config, IReadOnlyList<double>? baselineSamples, IReadOnlyList<double>? canarySamples, double alpha)
    {
        var baseline = CanarySample.From(baselineSamples);
        var canary = CanarySample.From(canarySamples);
        var title = CanaryText.Title(config);
        var dropped = CanaryText.Dropped(baseline, canary);
        var result = new CanaryMetricResult
        {
            Name = config.Name,
            Group = config.Group,
            Direction = config.Direction,
            Critical = config.Critical,
            Classification = CanaryClassification.NoData,
            Passed = false,
            Scored = config.MustHaveData,
            BaselineCount = baseline.Count,
            CanaryCount = canary.Count,
            BaselineDropped = baseline.Dropped,
            CanaryDropped = canary.Dropped,
            BaselineMedian = baseline.Median,
            CanaryMedian = canary.Median,
            BaselineMean = baseline.Mean,
            CanaryMean = canary.Mean,
            EffectSize = EffectSize(baseline.Mean, canary.Mean),
            Reason = string.Empty,
        };

        var mustHave = config.MustHaveData ? " It must have data, so it counts as failed." : string.Empty;
        if (baseline.Count < config.MinimumSamples || canary.Count < config.MinimumSamples)
        {
            return result with
            {
                Reason = $"{title} is NoData: {baseline.Count} usable baseline and {canary.Count} canary samples, at least {config.MinimumSamples} a side needed{dropped}.{mustHave}",
            };
        }

        var smallest = MannWhitneyU.SmallestAttainablePValue(baseline.Count, canary.Count);
        if (smallest >= alpha)
        {
            return result with
            {
                Reason = $"{title} is NoData: with {baseline.Count} baseline and {canary.Count} canary samples no p-value can go below {CanaryText.P(smallest)}, so p < {CanaryText.P(alpha)} is out of reach{dropped}.{mustHave}",
            };
        }

        var test = MannWhitneyU.Test(baseline.Values, canary.Values);
        result = result with { PValue = test.PValue, U = test.U, ExactPValue = test.Exact, Scored = true };
        if (baseline.IsConstant && canary.IsConstant && baseline.Values[0] == canary.Values[0])
        {
            return result with
            {
                Classification = CanaryClassification.Pass,
                Passed = true,
                Reason = $"{title} is Pass: both sides are constant at {CanaryText.Value(baseline.Values[0], config.Unit)} ({baseline.Count} baseline, {canary.Count} canary samples){dropped}.",
            };
        }

        var (classification, why) = Classify(config, test, result.EffectSize, alpha);
        var passed = classification == CanaryClassification.Pass
            || (classification == CanaryClassification.Low && config.Direction == CanaryDirection.Increase)
            || (classification == CanaryClassification.High && config.Direction == CanaryDirection.Decrease);
        var allowed = passed && classification != CanaryClassification.Pass
            ? $" Direction {config.Direction} allows a {(classification == CanaryClassification.Low ? "decrease" : "increase")}, so it passes."
            : string.Empty;
        var sides = $"canary median {CanaryText.Value(canary.Median, config.Unit)} vs baseline {CanaryText.Value(baseline.Median, config.Unit)}";
        return result with
        {
            Classification = classification,
            Passed = passed,
            Reason = $"{title} is {classification}: {sides}, {why}{dropped}.{allowed}",
        };
    }

    /// <summary>canary mean / baseline mean when the baseline mean is positive and the ratio finite, else null.</summary>
    private static double? EffectSize(double? baselineMean, double? canaryMean)
    {
        if (baselineMean is not { } b || canaryMean is not { } c || b <= 0)
        {
            return null;
        }

        var ratio = c / b;
        return double.IsFinite(ratio) ? ratio : null;
    }

    private static (CanaryClassification Classification, string Why) Classify(CanaryMetricConfig config, MannWhitneyResult test, double? ratio, double alpha)
    {
        var p = $"p = {CanaryText.P(test.PValue)}";
        var ratioText = ratio is { } r ? $"mean ratio {CanaryText.Number(r)}" : "mean ratio undefined (baseline mean not positive)";
        if (test.PValue >= alpha || !(test.CanaryHigher || test.CanaryLower))
        {
            return (CanaryClassification.Pass, $"{p} is not below {CanaryText.P(alpha)}, {ratioText}");
        }

        if (test.CanaryHigher)
        {
            return ratio is not { } up || up > config.AllowedIncrease
                ? (CanaryClassification.High, $"{p} < {CanaryText.P(alpha)}, {ratioText}{(ratio is null ? string.Empty : $" > allowed increase {CanaryText.Number(config.AllowedIncrease)}")}")
                : (CanaryClassification.Pass, $"higher with {p} < {CanaryText.P(alpha)}, but {ratioText} is within the allowed increase {CanaryText.Number(config.AllowedIncrease)}");
        }

        return ratio is not { } down || down < config.AllowedDecrease
            ? (CanaryClassification.Low, $"{p} < {CanaryText.P(alpha)}, {ratioText}{(ratio is null ? string.Empty : $" < allowed decrease {CanaryText.Number(config.AllowedDecrease)}")}")
            : (CanaryClassification.Pass, $"lower with {p} < {CanaryText.P(alpha)}, but {ratioText} is within the allowed decrease {CanaryText.Number(config.AllowedDecrease)}");
    }
}
