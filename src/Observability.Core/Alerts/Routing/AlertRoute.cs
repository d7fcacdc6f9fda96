namespace Observability;

/// <summary>
/// Which alerts one sink receives and how fast: a minimum severity, label matchers (all must hold),
/// and its rate limit. Sinks without a route get every alert at or above
/// <see cref="AlertingOptions.MinimumSeverity"/> at the default rate.
/// </summary>
/// <example>Critical to the pager, warnings and above to chat:
/// <code>
/// options.Alerts.Routes["sentry"] = new AlertRoute { MinimumSeverity = AlertSeverity.Critical };
/// options.Alerts.Routes["discord"] = new AlertRoute { MinimumSeverity = AlertSeverity.Warning };
/// </code></example>
public sealed class AlertRoute
{
    /// <summary>Gets or sets the lowest severity this sink receives; <see langword="null"/> uses <see cref="AlertingOptions.MinimumSeverity"/>.</summary>
    public AlertSeverity? MinimumSeverity { get; set; }

    /// <summary>Gets the label matchers an alert must all satisfy (see <see cref="AlertMatcher"/>), for example <c>environment=production</c>.</summary>
    public IList<string> Matchers { get; } = [];

    /// <summary>Gets or sets how many sends a minute this sink may make; <see langword="null"/> uses <see cref="AlertDeliveryOptions.RateLimitPerMinute"/>.</summary>
    public double? RateLimitPerMinute { get; set; }

    /// <summary>Gets or sets how many sends may go at once after a quiet spell; <see langword="null"/> uses <see cref="AlertDeliveryOptions.RateLimitBurst"/>.</summary>
    public int? RateLimitBurst { get; set; }
}
