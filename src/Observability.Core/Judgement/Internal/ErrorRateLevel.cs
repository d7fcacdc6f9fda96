namespace Observability.Internal;

/// <summary>How a snapshot's (or a window's) error rate stands against the thresholds.</summary>
internal enum ErrorRateLevel : byte
{
    /// <summary>No error rate could be measured or derived.</summary>
    NotMeasured = 0,

    /// <summary>Measured, but its volume is not above the minimum: not evidence.</summary>
    LowVolume = 1,

    /// <summary>Below the warning threshold.</summary>
    Normal = 2,

    /// <summary>At or above the warning threshold.</summary>
    Warning = 3,

    /// <summary>Above the critical threshold.</summary>
    Critical = 4,
}
