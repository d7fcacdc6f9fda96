using System.Globalization;

namespace Observability;

/// <summary>
/// The built-in <see cref="IRegressionClassifier"/>: documented rules with fixed tolerances, no
/// training. A delta equal to its tolerance is within it; only beyond it does a rule fire.
/// </summary>
/// <remarks>
/// <para>The features fall into four groups.</para>
/// <list type="number">
/// <item><b>Symptoms</b> (1 point each towards "something regressed", no class): latency above +20 %,
/// error rate above +0.01 (1 point of percentage), throughput below -20 %, queue depth above +50 %,
/// queue wait above +500 ms, an error spike.</item>
/// <item><b>Release signals</b> (performance): CPU above +20 % (2 points), memory above +20 % (2),
/// disk I/O above +30 % (1), GC pauses above +30 % (1).</item>
/// <item><b>Environment signals</b>: external API latency above +30 % (2), database latency above
/// +30 % (2), timeouts above +0.01 (1), retries above +0.02 (1), network errors above +0.005 (1),
/// cache hit rate below -0.10 (1).</item>
/// <item><b>Context</b>, counted only when a symptom or signal fired: a deployment younger than 6 h
/// (performance, 1); older than 72 h (environment, 1); config, dependency or infrastructure changed
/// (environment, 1 each); own CPU within tolerance while the external API or database is slow
/// (environment, 1); latency up while every measured dependency (external API, database) is within
/// tolerance (performance, 1).</item>
/// </list>
/// <para>
/// The answer: <see cref="RegressionKind.InsufficientData"/> (confidence 0) when none of the 16
/// behaviour features (groups 1-3) was measured. <see cref="RegressionKind.Benign"/> when no symptom
/// or signal fired, with confidence 0.5 + 0.5 x measured / 16 (more coverage, more certainty: all 16
/// measured gives 1.0). Otherwise the kind with more points, with confidence
/// (winner + 1) / (performance + environment + 2), a smoothed share that is 0.5 on a tie and grows
/// with the evidence. A tie goes to <see cref="RegressionKind.PerformanceRegression"/>: it implicates
/// the release, the cautious answer during a rollout, since a rollback can fix that kind.
/// Confidences are rounded to 3 decimals.
/// </para>
/// </remarks>
public sealed partial class RuleBasedRegressionClassifier : IRegressionClassifier, IClassifier<RegressionFeatures>
{
    /// <summary>The number of behaviour features (symptoms and signals); the rest are context.</summary>
    private const int BehaviourFeatures = 16;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    public RegressionClassification Classify(RegressionFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var measured = features.ToVector().Take(BehaviourFeatures).Count(static v => v.Value is not null);
        if (measured == 0)
        {
            return new RegressionClassification(
                RegressionKind.InsufficientData,
                0,
                $"Insufficient data: none of the {BehaviourFeatures} behaviour features (latency, errors, throughput, queue, resources, dependencies) was measured; context alone cannot show a regression.");
        }

        var factors = new List<RegressionFactor>();
        AddSymptoms(factors, features);
        AddReleaseSignals(factors, features);
        AddEnvironmentSignals(factors, features);
        if (factors.Count == 0)
        {
            var confidence = Round(0.5 + (0.5 * measured / BehaviourFeatures));
            return new RegressionClassification(RegressionKind.Benign, confidence, BenignReason(features, measured, confidence));
        }

        AddContext(factors, features);
        var performance = Points(factors, RegressionKind.PerformanceRegression);
        var environment = Points(factors, RegressionKind.EnvironmentRegression);
        var kind = environment > performance ? RegressionKind.EnvironmentRegression : RegressionKind.PerformanceRegression;
        var winner = Math.Max(performance, environment);
        var certainty = Round((winner + 1) / (performance + environment + 2));
        var ordered = factors
            .OrderBy(f => f.Supports == kind ? 0 : f.Supports is null ? 1 : 2)
            .ThenByDescending(static f => f.Weight)
            .ToArray();
        return new RegressionClassification(kind, certainty, RegressionReason(kind, certainty, ordered, performance, environment)) { ContributingFactors = ordered };
    }

    /// <inheritdoc />
    Classification IClassifier<RegressionFeatures>.Classify(RegressionFeatures signal) => Classify(signal).ToClassification();

    private static double Points(List<RegressionFactor> factors, RegressionKind kind)
        => factors.Where(f => f.Supports == kind).Sum(static f => f.Weight);

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    private static string BenignReason(RegressionFeatures f, int measured, double confidence)
    {
        var reason = $"Benign (confidence {Number(confidence, "0.###")}): the {measured} measured behaviour features of {BehaviourFeatures} are within their tolerances.";
        var changes = new List<string>();
        if (f.ConfigChanged == true)
        {
            changes.Add("config changed");
        }

        if (f.DependencyChanged == true)
        {
            changes.Add("dependency changed");
        }

        if (f.InfrastructureChanged == true)
        {
            changes.Add("infrastructure changed");
        }

        return changes.Count == 0 ? reason : $"{reason} Context without a regression is not counted ({string.Join(", ", changes)}).";
    }

    private static string RegressionReason(RegressionKind kind, double confidence, RegressionFactor[] factors, double performance, double environment)
    {
        var symptoms = factors.Where(static f => f.Supports is null).Select(static f => f.Name).ToArray();
        var symptomText = symptoms.Length == 0 ? "no user-visible symptom" : $"{symptoms.Length} symptom(s) ({string.Join(", ", symptoms)})";
        var label = kind == RegressionKind.PerformanceRegression ? "Performance regression" : "Environment regression";
        var reason = $"{label} (confidence {Number(confidence, "0.###")}): {symptomText}; release evidence {Number(performance)} point(s) ({Listing(factors, RegressionKind.PerformanceRegression)}) against environment evidence {Number(environment)} ({Listing(factors, RegressionKind.EnvironmentRegression)}).";
        return performance == environment
            ? reason + " A tie is attributed to the release, the cautious answer: a rollback can fix a release regression."
            : reason;
    }

    private static string Listing(RegressionFactor[] factors, RegressionKind kind)
    {
        var parts = factors.Where(f => f.Supports == kind).Select(static f => $"{f.Name} {Number(f.Weight)}").ToArray();
        return parts.Length == 0 ? "none" : string.Join(", ", parts);
    }

    private static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
