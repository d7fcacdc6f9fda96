namespace Observability;

/// <summary>Where a <see cref="RollingSuccessRate"/> stands (default bounds shown; both are configurable).</summary>
public enum SuccessRateStatus
{
    /// <summary>No volume in the window (total 0): no rate to judge.</summary>
    NoData = 0,

    /// <summary>The rate is at or above the degradation bound (default: rate &gt;= 0.98).</summary>
    Healthy = 1,

    /// <summary>
    /// The rate sits in the degradation band: at or above the critical bound and below the
    /// degradation bound (default: 0.90 &lt;= rate &lt; 0.98). Written <c>trend_degradation</c> in reports.
    /// </summary>
    TrendDegradation = 2,

    /// <summary>The rate is below the critical bound (default: rate &lt; 0.90).</summary>
    Critical = 3,
}
