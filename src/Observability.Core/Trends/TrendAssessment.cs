namespace Observability;

/// <summary>
/// Whether a metric got better or worse, judged by what is good for that metric: availability
/// rising is improving, latency, CPU or memory rising is degrading.
/// </summary>
public enum TrendAssessment
{
    /// <summary>The change is inside the stable band, or there is not enough data to tell.</summary>
    Stable = 0,

    /// <summary>The metric moved, by at least the band, in the good direction.</summary>
    Improving = 1,

    /// <summary>The metric moved, by at least the band, in the bad direction.</summary>
    Degrading = 2,
}
