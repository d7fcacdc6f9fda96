namespace Observability;

/// <summary>What one tick of the <see cref="StabilityMonitor"/> got.</summary>
public enum StabilityTickOutcome
{
    /// <summary>A snapshot with values was collected.</summary>
    Collected = 0,

    /// <summary>The source answered with an empty snapshot (nothing, or every metric zero with no error): a collection gap, not an outage.</summary>
    Empty = 1,

    /// <summary>The collector failed, threw or had no snapshot for the tick; the day is marked partial.</summary>
    Failed = 2,
}
