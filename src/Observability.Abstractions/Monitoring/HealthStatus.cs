namespace Observability;

/// <summary>The band a health score falls in.</summary>
public enum HealthStatus
{
    /// <summary>At or above the warning threshold.</summary>
    Healthy = 0,

    /// <summary>Below the warning threshold.</summary>
    Warning = 1,

    /// <summary>Below the critical threshold.</summary>
    Critical = 2,

    /// <summary>No usable data to score.</summary>
    Unknown = 3,
}
