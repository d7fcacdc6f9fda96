namespace Observability;

/// <summary>What an <see cref="SloDefinition"/> measures, and so how its good and bad events are counted.</summary>
public enum SloKind
{
    /// <summary>
    /// Request-based: each snapshot contributes its volume (jobs, else requests) as events, of which
    /// (1 - availability) x volume are bad. The objective is the share of good events.
    /// </summary>
    Availability = 0,

    /// <summary>
    /// Request-based like <see cref="Availability"/>, read from the error rate: each snapshot contributes
    /// its volume as events, of which error rate x volume are bad. The objective is the share of good events.
    /// </summary>
    ErrorRate = 1,

    /// <summary>
    /// Time-based: each snapshot is one event, good when its latency percentile is under the threshold
    /// and bad otherwise (a "bad minute" for one-minute snapshots). The objective is the share of good snapshots.
    /// </summary>
    LatencyPercentile = 2,
}
