namespace Observability.Internal;

/// <summary>Judges each metric of a half comparison: its unit, its band and which way is good.</summary>
internal static class HalfChangeRules
{
    public static HalfComparison Compare(DateTimeOffset? splitAt, HalfSums first, HalfSums second, TrendOptions bands)
        => new(
            splitAt,
            first.Count,
            second.Count,
            Availability(first.Availability, second.Availability, bands.AvailabilityBandPoints),
            Latency(WellKnownMetrics.LatencyP95, "p95 latency", first.LatencyP95, second.LatencyP95, bands.LatencyBandMilliseconds),
            Latency(WellKnownMetrics.LatencyP99, "p99 latency", first.LatencyP99, second.LatencyP99, bands.LatencyBandMilliseconds),
            Resource(WellKnownMetrics.CpuUtilization, "CPU", first.Cpu, second.Cpu, bands.ResourceBandPercent),
            Resource(WellKnownMetrics.MemoryUtilization, "Memory", first.Memory, second.Memory, bands.ResourceBandPercent));

    private static MetricHalfChange Availability(double? first, double? second, double band)
    {
        const string Unit = "pp";
        if (first is not { } a || second is not { } b)
        {
            return NoData(WellKnownMetrics.Availability, "Availability", first, second, Unit, band);
        }

        // Percentage points: 99.9 % to 99.3 % is -0.6 pp. Rising availability is the good direction.
        var change = (b - a) * 100;
        var assessment = Assess(change, band, higherIsBetter: true);
        var reason = $"Availability {Verb(assessment)}: {SnapshotMath.Percent(a)} in the first half, {SnapshotMath.Percent(b)} in the second ({Signed(change, "0.###")} pp; stable within +-{SnapshotMath.Number(band, "0.###")} pp).";
        return new MetricHalfChange(WellKnownMetrics.Availability, a, b, change, Unit, band, assessment, reason);
    }

    private static MetricHalfChange Latency(string metric, string label, double? first, double? second, double band)
    {
        const string Unit = "ms";
        if (first is not { } a || second is not { } b)
        {
            return NoData(metric, label, first, second, Unit, band);
        }

        var change = b - a;
        var assessment = Assess(change, band, higherIsBetter: false);
        var reason = $"{Capitalized(label)} {Verb(assessment)}: {SnapshotMath.Number(a)} ms in the first half, {SnapshotMath.Number(b)} ms in the second ({Signed(change, "0.#")} ms; stable within +-{SnapshotMath.Number(band, "0.#")} ms).";
        return new MetricHalfChange(metric, a, b, change, Unit, band, assessment, reason);
    }

    private static MetricHalfChange Resource(string metric, string label, double? first, double? second, double band)
    {
        const string Unit = "%";
        if (first is not { } a || second is not { } b)
        {
            return NoData(metric, label, first, second, Unit, band);
        }

        var values = $"{SnapshotMath.Percent(a)} in the first half, {SnapshotMath.Percent(b)} in the second";
        if (a == 0)
        {
            // No relative change from zero: any rise at all is a rise.
            var fromZero = b == 0 ? TrendAssessment.Stable : b > 0 ? TrendAssessment.Degrading : TrendAssessment.Improving;
            return new MetricHalfChange(metric, a, b, b == 0 ? 0 : null, Unit, band, fromZero, $"{label} {Verb(fromZero)}: {values} (no relative change from 0).");
        }

        var change = (b - a) / Math.Abs(a) * 100;
        var assessment = Assess(change, band, higherIsBetter: false);
        var reason = $"{label} {Verb(assessment)}: {values} ({Signed(change, "0.#")} %; stable within +-{SnapshotMath.Number(band, "0.#")} %).";
        return new MetricHalfChange(metric, a, b, change, Unit, band, assessment, reason);
    }

    private static TrendAssessment Assess(double change, double band, bool higherIsBetter)
    {
        if (NumericTolerance.InsideBand(change, band))
        {
            return TrendAssessment.Stable;
        }

        return (change > 0) == higherIsBetter ? TrendAssessment.Improving : TrendAssessment.Degrading;
    }

    private static MetricHalfChange NoData(string metric, string label, double? first, double? second, string unit, double band)
        => new(metric, first, second, null, unit, band, TrendAssessment.Stable, $"{Capitalized(label)}: not enough data to compare the halves (the {(first is null ? "first" : "second")} half has no values).");

    private static string Verb(TrendAssessment assessment) => assessment switch
    {
        TrendAssessment.Improving => "is improving",
        TrendAssessment.Degrading => "is degrading",
        _ => "is stable",
    };

    private static string Signed(double value, string format) => (value >= 0 ? "+" : string.Empty) + SnapshotMath.Number(value, format);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
