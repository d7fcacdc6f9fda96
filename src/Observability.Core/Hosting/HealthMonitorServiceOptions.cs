namespace Observability;

/// <summary>The periodic monitoring pass of <c>AddHealthMonitorService</c>.</summary>
public sealed class HealthMonitorServiceOptions
{
    /// <summary>Gets or sets the time between passes; the first runs when the host starts. Default: 15 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}
