namespace Observability.Eval.Detectors;

/// <summary>The detectors the evaluation runs, in table order; the first is the library's default. Adding one is one line.</summary>
internal static class DetectorRegistry
{
    /// <summary>Gets the registered detectors: a name for the table and a factory for one fresh instance per series.</summary>
    public static IReadOnlyList<(string Name, Func<IAnomalyDetector> Create)> All { get; } =
    [
        ("default", static () => new DefaultAnomalyDetector()),
        ("windowed-gaussian", static () => new WindowedGaussianDetector()),
        ("ewma", static () => new EwmaDetector()),
        ("zscore", static () => new ZScoreDetector()),
        ("bollinger", static () => new BollingerBandDetector()),
        ("cusum", static () => new CusumDetector()),
        ("page_hinkley", static () => new PageHinkleyDetector()),
    ];
}
