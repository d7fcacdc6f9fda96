namespace Observability;

/// <summary>What an alert's fingerprint identifies, and so what deduplication collapses.</summary>
public enum FingerprintMode
{
    /// <summary>
    /// The condition: rule, service, severity and the configured labels. Successive passes and
    /// several replicas that see the same condition make one alert. The default.
    /// </summary>
    Condition = 0,

    /// <summary>
    /// One execution: severity, message and trace id. Use it for alerts about a single run,
    /// where each run deserves its own notification.
    /// </summary>
    Execution = 1,
}
