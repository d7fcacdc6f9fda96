namespace Observability.Internal;

/// <summary>The alert pipeline's part of the options check: every problem, with where it is.</summary>
internal static class AlertingOptionsValidation
{
    private const string Prefix = "Observability:Alerts:";

    public static void Check(AlertingOptions alerts, List<string> problems)
    {
        if (alerts.RepeatInterval < alerts.DedupeWindow)
        {
            problems.Add($"{Prefix}RepeatInterval must be at least DedupeWindow (was {alerts.RepeatInterval}, window {alerts.DedupeWindow}).");
        }

        if (alerts.StateDirectory is { } state && (string.IsNullOrWhiteSpace(state) || state.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            problems.Add($"{Prefix}StateDirectory is not a valid path ('{state}').");
        }

        if (alerts.GroupWait < TimeSpan.Zero || alerts.GroupInterval < TimeSpan.Zero)
        {
            problems.Add($"{Prefix}GroupWait and GroupInterval must not be negative (were {alerts.GroupWait} and {alerts.GroupInterval}).");
        }

        if (alerts.GroupBy.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{Prefix}GroupBy must not contain empty label names.");
        }

        foreach (var (sink, route) in alerts.Routes)
        {
            CheckMatchers(problems, $"Routes:{sink}:Matchers", route.Matchers, required: false);
            if (route.RateLimitPerMinute is { } rate && !(rate > 0 && double.IsFinite(rate)))
            {
                problems.Add($"{Prefix}Routes:{sink}:RateLimitPerMinute must be a positive number (was {rate}).");
            }

            if (route.RateLimitBurst is < 1)
            {
                problems.Add($"{Prefix}Routes:{sink}:RateLimitBurst must be at least 1 (was {route.RateLimitBurst}).");
            }
        }

        for (var i = 0; i < alerts.Inhibitions.Count; i++)
        {
            var rule = alerts.Inhibitions[i];
            CheckMatchers(problems, $"Inhibitions:{i}:SourceMatchers", rule.SourceMatchers, required: true);
            CheckMatchers(problems, $"Inhibitions:{i}:TargetMatchers", rule.TargetMatchers, required: true);
        }

        for (var i = 0; i < alerts.Silences.Count; i++)
        {
            var silence = alerts.Silences[i];
            CheckMatchers(problems, $"Silences:{i}:Matchers", silence.Matchers, required: true);
            if (silence.EndsAt == default || (silence.StartsAt is { } start && silence.EndsAt <= start))
            {
                problems.Add($"{Prefix}Silences:{i}:EndsAt is required and must come after StartsAt (was {silence.EndsAt:O}).");
            }
        }

        CheckDelivery(alerts.Delivery, problems);
    }

    private static void CheckDelivery(AlertDeliveryOptions delivery, List<string> problems)
    {
        if (delivery.OutboxCapacity < 1)
        {
            problems.Add($"{Prefix}Delivery:OutboxCapacity must be at least 1 (was {delivery.OutboxCapacity}).");
        }

        if (!(delivery.RateLimitPerMinute > 0 && double.IsFinite(delivery.RateLimitPerMinute)))
        {
            problems.Add($"{Prefix}Delivery:RateLimitPerMinute must be a positive number (was {delivery.RateLimitPerMinute}).");
        }

        if (delivery.RateLimitBurst < 1)
        {
            problems.Add($"{Prefix}Delivery:RateLimitBurst must be at least 1 (was {delivery.RateLimitBurst}).");
        }

        if (delivery.RetryBaseDelay <= TimeSpan.Zero || delivery.RetryMaxDelay < delivery.RetryBaseDelay)
        {
            problems.Add($"{Prefix}Delivery:RetryBaseDelay must be positive and RetryMaxDelay at least as long (were {delivery.RetryBaseDelay} and {delivery.RetryMaxDelay}).");
        }

        if (delivery.AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}Delivery:AttemptTimeout must be positive (was {delivery.AttemptTimeout}).");
        }

        if (delivery.MaxAlertsPerSend < 1)
        {
            problems.Add($"{Prefix}Delivery:MaxAlertsPerSend must be at least 1 (was {delivery.MaxAlertsPerSend}).");
        }

        if (delivery.OutboxDirectory is { } directory && (string.IsNullOrWhiteSpace(directory) || directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            problems.Add($"{Prefix}Delivery:OutboxDirectory is not a valid path ('{directory}').");
        }
    }

    private static void CheckMatchers(List<string> problems, string where, IList<string> matchers, bool required)
    {
        if (required && matchers.Count == 0)
        {
            problems.Add($"{Prefix}{where} needs at least one matcher.");
        }

        foreach (var text in matchers)
        {
            if (!AlertMatcher.TryParse(text, out _, out var error))
            {
                problems.Add($"{Prefix}{where}: {error}");
            }
        }
    }
}
