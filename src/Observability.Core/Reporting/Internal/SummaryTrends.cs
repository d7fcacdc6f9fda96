namespace Observability.Internal;

/// <summary>
/// The three trends of the weekly files, from the first-half-against-second-half comparison
/// (<see cref="HalfComparison"/>): availability; latency from p99, or from p95 when a half has no p99;
/// resources as the worse of CPU and memory (degrading over stable over improving), counting only
/// the resources measured in both halves.
/// </summary>
internal static class SummaryTrends
{
    public static MetricHalfChange Availability(HalfComparison halves) => halves.Availability;

    public static MetricHalfChange Latency(HalfComparison halves)
        => Measured(halves.LatencyP99) || !Measured(halves.LatencyP95) ? halves.LatencyP99 : halves.LatencyP95;

    public static TrendAssessment Resource(HalfComparison halves)
    {
        var measured = new[] { halves.Cpu, halves.Memory }.Where(Measured).ToList();
        return measured.Count == 0 ? TrendAssessment.Stable : measured.Select(static m => m.Assessment).MaxBy(Badness);
    }

    /// <summary>The resource changes the resource trend was taken from (CPU and memory, measured or not).</summary>
    public static IEnumerable<MetricHalfChange> Resources(HalfComparison halves) => [halves.Cpu, halves.Memory];

    private static bool Measured(MetricHalfChange change) => change.FirstHalf is not null && change.SecondHalf is not null;

    private static int Badness(TrendAssessment assessment) => assessment switch
    {
        TrendAssessment.Degrading => 2,
        TrendAssessment.Stable => 1,
        _ => 0,
    };
}
