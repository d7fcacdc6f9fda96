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

    /// <summary>
    /// Gets or sets how often an alert that stays active is sent again. Default: 4 hours. At least
    /// <see cref="DedupeWindow"/>, which then only damps an alert that clears and fires again.
    /// </summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Gets or sets a value indicating whether a resolved notification is sent when a notified alert clears. Default: <see langword="true"/>.</summary>
    public bool SendResolved { get; set; } = true;

    /// <summary>Gets the labels whose values make a group: the alerts of one group go to a sink as one send. Default: <c>service</c>. Empty: one group per alert.</summary>
    public IList<string> GroupBy { get; } = [AlertLabels.Service];

    /// <summary>Gets or sets how long a new group waits for more alerts before its first send. Default: zero (a published batch goes at once).</summary>
    public TimeSpan GroupWait { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the shortest time between two sends of one group; alerts arriving sooner wait and go together. Default: zero.</summary>
    public TimeSpan GroupInterval { get; set; } = TimeSpan.Zero;

    /// <summary>Gets the routes by sink name (severity, matchers, rate limit). A sink without one receives every alert at or above <see cref="MinimumSeverity"/>.</summary>
    public IDictionary<string, AlertRoute> Routes { get; } = new Dictionary<string, AlertRoute>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the inhibition rules. Default: <see cref="AlertInhibitionRule.CriticalMutesWarnings"/>; clear the list to mute nothing.</summary>
    public IList<AlertInhibitionRule> Inhibitions { get; } = [AlertInhibitionRule.CriticalMutesWarnings()];

    /// <summary>Gets the silences and maintenance windows.</summary>
    public IList<AlertSilence> Silences { get; } = [];

    /// <summary>
    /// Gets or sets a folder where the memory of firing alerts (what each pass scope has firing, first and last seen,
    /// last notified) and the dedupe reservations are kept in <c>alert-state.json</c>, so that one-shot runs behave like
    /// one long-lived process: a repeat within <see cref="RepeatInterval"/> is not sent again, a cleared condition is
    /// sent resolved once, inhibition holds across runs. Written durably and locked against a concurrent run. Default:
    /// <see langword="null"/> (the memory lives in the process). A registered <see cref="IAlertStateStore"/> (Redis) takes precedence.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>Gets how each sink's outbox delivers (rate limit, retries, capacity, persistence).</summary>
    public AlertDeliveryOptions Delivery { get; } = new();
}
