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
        switch (snapshot.Quality.Status)
        {
            case DataQualityStatus.Failed:
                return new Classification(SignalCategories.CollectFailed, 1.0, $"The source could not be read: {snapshot.Quality.Reason}");
            case DataQualityStatus.Empty:
                return new Classification(SignalCategories.CollectEmptySource, 0.9, $"The source delivered no values: {snapshot.Quality.Reason}");
        }

        if (SnapshotMath.AllZero(snapshot))
        {
            return ClassifyAllZero(snapshot, signal.Previous);
        }

        var evidence = new List<string>();
        // A handful of jobs cannot make an error rate or an availability: below the minimum volume they are not evidence.
        var enoughVolume = SnapshotMath.Volume(snapshot) is not { } volume || volume >= _thresholds.MinimumJobs;
        if (enoughVolume && SnapshotMath.ErrorRate(snapshot) is { } errorRate && errorRate >= _thresholds.ErrorRateWarning)
        {
            evidence.Add($"error rate {SnapshotMath.Percent(errorRate)} >= {SnapshotMath.Percent(_thresholds.ErrorRateWarning)}");
        }

        if (enoughVolume && SnapshotMath.Availability(snapshot) is { } availability && availability < _thresholds.AvailabilityTarget)
        {
            evidence.Add($"availability {SnapshotMath.Percent(availability)} < {SnapshotMath.Percent(_thresholds.AvailabilityTarget)}");
        }

        if (snapshot.GetValue(WellKnownMetrics.LatencyP99) is { } p99 && p99 >= _thresholds.LatencyP99Target.TotalMilliseconds)
        {
            evidence.Add($"p99 latency {SnapshotMath.Number(p99)} ms >= {SnapshotMath.Number(_thresholds.LatencyP99Target.TotalMilliseconds)} ms");
        }

        return evidence.Count == 0
            ? new Classification(SignalCategories.Healthy, 1.0, "Every measured value is within its threshold.")
            : new Classification(SignalCategories.Degraded, Math.Min(1.0, 0.6 + (0.2 * evidence.Count)), "Degraded: " + string.Join("; ", evidence) + ".") { Evidence = evidence };
    }

    private static Classification ClassifyAllZero(MetricSnapshot snapshot, MetricSnapshot? previous)
    {
        var evidence = new List<string> { $"all {snapshot.Metrics.Count} metrics are 0, including errors" };
        var confidence = 0.7;
        if (previous is { Quality.IsUsable: true } && !SnapshotMath.AllZero(previous) && SnapshotMath.Volume(previous) is { } previousVolume && previousVolume > 0)
        {
            evidence.Add($"the previous snapshot ({previous.Timestamp:O}) had a volume of {SnapshotMath.Number(previousVolume, "0")}");
            confidence = 0.95;
        }

        return new Classification(
            SignalCategories.CollectEmptySource,
            confidence,
            "The source went quiet: every metric is zero while nothing reports an error. A collection failure, not an outage.")
        { Evidence = evidence };
    }
}
