namespace Observability.Core.Tests.Canary;

/// <summary>Sample sets with known Mann-Whitney results, and small builders for the analyzer's input.</summary>
internal static class CanaryTestData
{
    /// <summary>1..5: against <see cref="Shifted"/> the ranks separate completely (exact p = 2 / C(10, 5) = 2 / 252).</summary>
    public static readonly double[] Low = [1, 2, 3, 4, 5];

    /// <summary>6..10: every value above every value of <see cref="Low"/>; means 8 vs 3, ratio 2.67.</summary>
    public static readonly double[] Shifted = [6, 7, 8, 9, 10];

    public static Dictionary<string, IReadOnlyList<double>> Samples(params (string Name, double[] Values)[] metrics)
        => metrics.ToDictionary(static m => m.Name, static m => (IReadOnlyList<double>)m.Values, StringComparer.Ordinal);

    public static CanaryMetricConfig Metric(string name, string group = CanaryMetricConfig.DefaultGroup, bool critical = false, CanaryDirection direction = CanaryDirection.Either)
        => new() { Name = name, Group = group, Critical = critical, Direction = direction };

    public static CanaryAnalyzer Analyzer(IEnumerable<CanaryMetricConfig> metrics, IEnumerable<(string Group, double Weight)>? weights = null, Action<CanaryAnalysisOptions>? configure = null)
    {
        var options = new CanaryAnalysisOptions();
        foreach (var metric in metrics)
        {
            options.Metrics.Add(metric);
        }

        foreach (var (group, weight) in weights ?? [])
        {
            options.GroupWeights[group] = weight;
        }

        configure?.Invoke(options);
        return new CanaryAnalyzer(options);
    }

    /// <summary>
    /// Analyzes metrics that either pass (identical samples, p = 1) or fail High (<see cref="Low"/> vs <see cref="Shifted"/>).
    /// </summary>
    public static CanaryReport PassFail(IEnumerable<(CanaryMetricConfig Metric, bool Fails)> metrics, IEnumerable<(string Group, double Weight)>? weights = null)
    {
        var list = metrics.ToList();
        var baseline = Samples([.. list.Select(static m => (m.Metric.Name, Low))]);
        var canary = Samples([.. list.Select(static m => (m.Metric.Name, m.Fails ? Shifted : Low))]);
        return Analyzer(list.Select(static m => m.Metric), weights).Analyze(baseline, canary);
    }
}
