namespace Observability;

/// <summary>What a detector did with a sample.</summary>
public enum AnomalyReadingStatus
{
    /// <summary>The sample was scored against its history, then learned.</summary>
    Scored = 0,

    /// <summary>
    /// The detector has not seen its warm-up count of samples yet: the sample was learned but not
    /// scored (score 0, severity none).
    /// </summary>
    WarmingUp = 1,

    /// <summary>
    /// The sample was NaN or infinite: it was neither scored nor learned, and the detector's state is
    /// as it was before.
    /// </summary>
    Ignored = 2,
}
