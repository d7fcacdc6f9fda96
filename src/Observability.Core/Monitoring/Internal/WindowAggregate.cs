namespace Observability.Internal;

/// <summary>
/// Totals of a set of usable snapshot facts (the evaluation window): the error rate weighted by its
/// own volume (requests, else jobs), mean availability and latency, the SLO violations, and the
/// error rate judged once against the thresholds.
/// </summary>
internal sealed record WindowAggregate(
    int Snapshots,
    double? Volume,
    VolumeKind VolumeKind,
    double? ErrorRate,
    ErrorRateLevel ErrorLevel,
    double? Availability,
    double? LatencyP95,
    double? LatencyP99,
    int SloViolations)
{
    public static WindowAggregate From(IReadOnlyList<SnapshotFacts> facts, ThresholdOptions thresholds)
    {
        var errors = default(VolumeWeightedRate);
        var violations = 0;
        var kind = VolumeKind.None;
        foreach (var fact in facts)
        {
            var m = fact.Measures;
            errors.Add(m.ErrorRate, m.ErrorVolume);
            kind = kind == VolumeKind.None ? m.ErrorVolumeKind : kind;
            violations += (fact.AvailabilitySlo == SloOutcome.Bad ? 1 : 0) + (fact.LatencySlo == SloOutcome.Bad ? 1 : 0);
        }

        return new WindowAggregate(
            facts.Count,
            errors.Volume,
            kind,
            errors.Rate,
            Judge.ErrorRate(errors.Rate, errors.Volume, thresholds),
            Mean(facts, static f => f.Measures.Availability),
            Mean(facts, static f => f.Measures.LatencyP95),
            Mean(facts, static f => f.Measures.LatencyP99),
            violations);
    }

    /// <summary>"9,812 requests", "108 jobs".</summary>
    public string VolumeText => Volume is { } v ? $"{Figures.Count(v)} {(VolumeKind == VolumeKind.Jobs ? "jobs" : "requests")}" : "unknown volume";

    /// <summary>The mean of the values that are present; <see langword="null"/> when none is.</summary>
    public static double? Mean<T>(IEnumerable<T> items, Func<T, double?> value)
    {
        double sum = 0;
        var count = 0;
        foreach (var item in items)
        {
            if (value(item) is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}
