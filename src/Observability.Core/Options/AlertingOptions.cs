namespace Observability;

/// <summary>How findings become alerts and reach the sinks.</summary>
public sealed class AlertingOptions
{
    /// <summary>Gets or sets a value indicating whether alerts are sent to the sinks. Default: <see langword="false"/> (alerts only appear in reports).</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the lowest severity sent to the sinks; lower ones stay in reports. Default: <see cref="AlertSeverity.Warning"/>.</summary>
    public AlertSeverity MinimumSeverity { get; set; } = AlertSeverity.Warning;

    /// <summary>Gets or sets how long a fingerprint suppresses repeats of the same alert. Default: 5 minutes.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets what the fingerprint identifies. Default: <see cref="FingerprintMode.Condition"/>.</summary>
    public FingerprintMode FingerprintMode { get; set; } = FingerprintMode.Condition;

    /// <summary>Gets the label names added to the fingerprint's identity (for example <c>region</c>), in addition to rule, service and severity.</summary>
    public IList<string> FingerprintLabels { get; } = [];
}
