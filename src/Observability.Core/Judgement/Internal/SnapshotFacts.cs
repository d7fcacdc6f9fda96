namespace Observability.Internal;

/// <summary>
/// One snapshot, evaluated once: its classification (usable or why not), its measures, and the
/// thresholds judged on it. Every consumer (the pass, the advisor, the daily and weekly
/// aggregation, the stability monitor, the scores) reads these facts.
/// </summary>
internal sealed class SnapshotFacts
{
    private SnapshotFacts(MetricSnapshot snapshot, Classification classification, SnapshotMeasures measures, ThresholdOptions t)
    {
        Snapshot = snapshot;
        Classification = classification;
        Usable = classification.Category is not (SignalCategories.CollectEmptySource or SignalCategories.CollectFailed);
        Measures = measures;
        if (Usable)
        {
            ErrorLevel = Judge.ErrorRate(measures.ErrorRate, measures.ErrorVolume, t);
            AvailabilitySlo = Judge.Availability(measures.Availability, measures.ErrorVolume, t);
            LatencySlo = Judge.Latency(measures.LatencyP99, t);
        }
    }

    public MetricSnapshot Snapshot { get; }

    public DateTimeOffset Timestamp => Snapshot.Timestamp;

    public Classification Classification { get; }

    /// <summary>Gets a value indicating whether the snapshot carries values to judge (not an empty or failed collection).</summary>
    public bool Usable { get; }

    public SnapshotMeasures Measures { get; }

    public ErrorRateLevel ErrorLevel { get; }

    public SloOutcome AvailabilitySlo { get; }

    public SloOutcome LatencySlo { get; }

    /// <summary>Reads, classifies and evaluates a snapshot with the engine's own classifier, reading its metrics once.</summary>
    public static SnapshotFacts Of(MetricSnapshot snapshot, MetricSnapshot? previous, SnapshotClassifier classifier, ThresholdOptions thresholds)
    {
        var measures = SnapshotMeasures.Of(snapshot);
        return new SnapshotFacts(snapshot, classifier.Classify(snapshot, previous, measures), measures, thresholds);
    }

    /// <summary>Evaluates a snapshot with a classification already made.</summary>
    public static SnapshotFacts Of(MetricSnapshot snapshot, Classification classification, ThresholdOptions thresholds)
        => new(snapshot, classification, SnapshotMeasures.Of(snapshot), thresholds);

    /// <summary>Classifies and evaluates a series in order (each snapshot's classification sees the one before).</summary>
    public static SnapshotFacts[] Evaluate(IReadOnlyList<MetricSnapshot> snapshots, IClassifier<SnapshotSignal> classifier, ThresholdOptions thresholds)
    {
        var facts = new SnapshotFacts[snapshots.Count];
        MetricSnapshot? previous = null;
        for (var i = 0; i < snapshots.Count; i++)
        {
            facts[i] = Of(snapshots[i], classifier.Classify(new SnapshotSignal(snapshots[i], previous)), thresholds);
            previous = snapshots[i];
        }

        return facts;
    }
}
