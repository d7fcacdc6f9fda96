namespace Observability;

/// <summary>
/// One judged snapshot of a pass, as the engine judged it tick by tick (in time order): its measured
/// values, its health score, and the rules that fired on it. The timeline behind the dashboard's
/// charts and <c>snapshots.csv</c>; the pass's verdict is decided from the evaluation window, not from these.
/// </summary>
/// <param name="Timestamp">When the snapshot was measured.</param>
/// <param name="Usable"><see langword="true"/> when the snapshot carried values to judge; an empty or failed collection is a data gap.</param>
/// <param name="Category">The snapshot's classification, for example <c>ok</c> or <see cref="SignalCategories.CollectEmptySource"/>.</param>
/// <param name="Status">The band of the snapshot's own health score; <see cref="HealthStatus.Unknown"/> for a data gap.</param>
public sealed record SnapshotJudgement(DateTimeOffset Timestamp, bool Usable, string Category, HealthStatus Status)
{
    /// <summary>Gets the snapshot's own health score (0-100), <see langword="null"/> for a data gap.</summary>
    public double? Health { get; init; }

    /// <summary>Gets the availability as a ratio in [0, 1] (measured, or 1 - error rate), when known.</summary>
    public double? Availability { get; init; }

    /// <summary>Gets the error rate as a ratio in [0, 1], when known.</summary>
    public double? ErrorRate { get; init; }

    /// <summary>Gets the p95 latency in milliseconds, when measured.</summary>
    public double? LatencyP95 { get; init; }

    /// <summary>Gets the p99 latency in milliseconds, when measured.</summary>
    public double? LatencyP99 { get; init; }

    /// <summary>Gets the snapshot's values by metric name, as collected.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>(0, StringComparer.Ordinal);

    /// <summary>Gets the rules that fired on the snapshot (warning or above), in the order they were judged.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Gets the specifications' flag names of <see cref="Rules"/> (for example <c>error_rate_crit</c>), each once.</summary>
    public IReadOnlyList<string> AlertFlags { get; init; } = [];
}
