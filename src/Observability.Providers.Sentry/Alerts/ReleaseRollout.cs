namespace Observability;

/// <summary>
/// The state of a rollout an alert is about. <see cref="ReleaseAlerts"/> stores it in the alert's
/// <see cref="Alert.Context"/> under <see cref="ContextKey"/>; the Sentry sink shows it as the <c>rollout</c> context.
/// </summary>
public sealed record ReleaseRollout
{
    /// <summary>The key of the rollout in <see cref="Alert.Context"/>: <c>rollout</c>.</summary>
    public const string ContextKey = "rollout";

    /// <summary>Gets the share of traffic on the new release, in percent (0 to 100).</summary>
    public double? Percentage { get; init; }

    /// <summary>Gets the processor (payment provider, job runner) the release talks to.</summary>
    public string? Processor { get; init; }

    /// <summary>Gets the repository of the release, for example <c>acme/checkout</c>.</summary>
    public string? Repository { get; init; }

    /// <summary>Gets whether an automatic rollback is armed.</summary>
    public bool? AutoRollbackEnabled { get; init; }

    /// <summary>Gets the error rate observed on the release, as a fraction (0.05 is 5 %).</summary>
    public double? ErrorRate { get; init; }

    /// <summary>
    /// Returns the set values under the keys <c>percentage</c>, <c>processor</c>, <c>repository</c>,
    /// <c>auto_rollback_enabled</c> and <c>error_rate</c>.
    /// </summary>
    /// <returns>A new dictionary for <see cref="Alert.Context"/>.</returns>
    public Dictionary<string, object?> ToContext()
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Percentage is { } percentage)
        {
            context["percentage"] = percentage;
        }

        if (!string.IsNullOrWhiteSpace(Processor))
        {
            context["processor"] = Processor;
        }

        if (!string.IsNullOrWhiteSpace(Repository))
        {
            context["repository"] = Repository;
        }

        if (AutoRollbackEnabled is { } autoRollback)
        {
            context["auto_rollback_enabled"] = autoRollback;
        }

        if (ErrorRate is { } errorRate)
        {
            context["error_rate"] = errorRate;
        }

        return context;
    }
}
