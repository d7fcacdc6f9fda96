using Microsoft.Extensions.Options;
using Observability.Internal;

namespace Observability;

/// <summary>
/// The default snapshot classifier. It tells a collection failure from real degradation:
/// a snapshot whose every metric is zero (no traffic, no errors, no latency, no CPU) is a
/// source that went quiet (<see cref="SignalCategories.CollectEmptySource"/>), not an outage.
/// Usable snapshots are <see cref="SignalCategories.Degraded"/> when they breach the error-rate
/// warning, the availability target or the p99 latency target, and healthy otherwise.
/// </summary>
public sealed class SnapshotClassifier : IClassifier<SnapshotSignal>
{
    // Immutable, so every healthy snapshot shares it (a classification per snapshot would be most of a day's allocation).
    private static readonly Classification HealthyClassification = new(SignalCategories.Healthy, 1.0, "Every measured value is within its threshold.");

    private readonly ThresholdOptions _thresholds;

    /// <summary>Initializes a new instance of the <see cref="SnapshotClassifier"/> class.</summary>
    /// <param name="thresholds">The thresholds that define degradation.</param>
    public SnapshotClassifier(ThresholdOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        _thresholds = thresholds;
    }

    /// <summary>Initializes a new instance of the <see cref="SnapshotClassifier"/> class from the registered options.</summary>
    /// <param name="options">The Observability options.</param>
    public SnapshotClassifier(IOptions<ObservabilityOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.Thresholds)
    {
    }

    /// <inheritdoc />
    public Classification Classify(SnapshotSignal signal)
    {
        var snapshot = signal.Current ?? throw new ArgumentException("The signal has no snapshot.", nameof(signal));
        return Classify(snapshot, signal.Previous, SnapshotMeasures.Of(snapshot));
    }

    /// <summary>Classifies a snapshot whose measures were already read (the engine reads them once per snapshot).</summary>
    internal Classification Classify(MetricSnapshot snapshot, MetricSnapshot? previous, in SnapshotMeasures measures)
    {
        switch (snapshot.Quality.Status)
        {
            case DataQualityStatus.Failed:
                return new Classification(SignalCategories.CollectFailed, 1.0, $"The source could not be read: {snapshot.Quality.Reason}");
            case DataQualityStatus.Empty:
                return new Classification(SignalCategories.CollectEmptySource, 0.9, $"The source delivered no values: {snapshot.Quality.Reason}");
        }

        if (SnapshotMath.AllZero(snapshot))
        {
            return ClassifyAllZero(snapshot, previous);
        }

        // The thresholds are judged in one place (the same judgement the pass and the summaries read).
        List<string>? evidence = null;
        if (Judge.ErrorRate(measures.ErrorRate, measures.ErrorVolume, _thresholds) is ErrorRateLevel.Warning or ErrorRateLevel.Critical)
        {
            (evidence ??= []).Add($"error rate {Figures.Percent(measures.ErrorRate!.Value)} >= {Figures.Percent(_thresholds.ErrorRateWarning)}");
        }

        if (Judge.Availability(measures.Availability, measures.ErrorVolume, _thresholds) == SloOutcome.Bad)
        {
            (evidence ??= []).Add($"availability {Figures.Percent(measures.Availability!.Value)} < {Figures.Percent(_thresholds.AvailabilityTarget)}");
        }

        if (Judge.Latency(measures.LatencyP99, _thresholds) == SloOutcome.Bad)
        {
            (evidence ??= []).Add($"p99 latency {Figures.Milliseconds(measures.LatencyP99!.Value)} >= {Figures.Milliseconds(_thresholds.LatencyP99Target.TotalMilliseconds)}");
        }

        return evidence is null
            ? HealthyClassification
            : new Classification(SignalCategories.Degraded, Math.Min(1.0, 0.6 + (0.2 * evidence.Count)), "Degraded: " + string.Join("; ", evidence) + ".") { Evidence = evidence };
    }

    private static Classification ClassifyAllZero(MetricSnapshot snapshot, MetricSnapshot? previous)
    {
        var evidence = new List<string> { $"all {snapshot.Metrics.Count} metrics are 0, including errors" };
        var confidence = 0.7;
        if (previous is { Quality.IsUsable: true } && !SnapshotMath.AllZero(previous) && SnapshotMath.Volume(previous) is { } previousVolume && previousVolume > 0)
        {
            evidence.Add($"the previous snapshot ({Figures.Time(previous.Timestamp)}) had a volume of {Figures.Count(previousVolume)}");
            confidence = 0.95;
        }

        return new Classification(
            SignalCategories.CollectEmptySource,
            confidence,
            "The source went quiet: every metric is zero while nothing reports an error. A collection failure, not an outage.")
        { Evidence = evidence };
    }
}
