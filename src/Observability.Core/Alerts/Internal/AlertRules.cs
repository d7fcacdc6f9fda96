namespace Observability.Internal;

/// <summary>Silences, inhibition rules and routes, parsed once from the options.</summary>
internal sealed class AlertRules
{
    private readonly Silence[] _silences;
    private readonly Inhibition[] _inhibitions;
    private readonly Dictionary<string, Route> _routes;
    private readonly Route _defaultRoute;

    public AlertRules(AlertingOptions options)
    {
        _silences = options.Silences.Select(static s => new Silence(Parse(s.Matchers), s.StartsAt ?? DateTimeOffset.MinValue, s.EndsAt, s.Comment)).ToArray();
        _inhibitions = options.Inhibitions.Select(static r => new Inhibition(Parse(r.SourceMatchers), Parse(r.TargetMatchers), r.Equal.ToArray())).ToArray();
        _defaultRoute = new Route(options.MinimumSeverity, [], options.Delivery.RateLimitPerMinute, options.Delivery.RateLimitBurst);
        _routes = options.Routes.ToDictionary(
            static r => r.Key,
            r => new Route(
                r.Value.MinimumSeverity ?? options.MinimumSeverity,
                Parse(r.Value.Matchers),
                r.Value.RateLimitPerMinute ?? options.Delivery.RateLimitPerMinute,
                r.Value.RateLimitBurst ?? options.Delivery.RateLimitBurst),
            StringComparer.OrdinalIgnoreCase);
    }

    public Route RouteFor(string sinkName) => _routes.GetValueOrDefault(sinkName) ?? _defaultRoute;

    /// <summary>The comment of the silence in force that mutes the alert, or <see langword="null"/>.</summary>
    public Silence? SilenceOf(Alert alert, DateTimeOffset now)
    {
        foreach (var silence in _silences)
        {
            if (now >= silence.StartsAt && now < silence.EndsAt && All(silence.Matchers, alert))
            {
                return silence;
            }
        }

        return null;
    }

    /// <summary>
    /// For each inhibition rule, the firing alerts that satisfy its source matchers: found once per batch, so that
    /// testing an alert only looks at the few alerts that can mute it (usually the critical ones).
    /// </summary>
    public Alert[][] InhibitionSources(IEnumerable<Alert> firing)
    {
        if (_inhibitions.Length == 0)
        {
            return [];
        }

        var candidates = firing as IReadOnlyCollection<Alert> ?? firing.ToArray();
        return Array.ConvertAll(_inhibitions, rule => candidates.Where(a => All(rule.Sources, a)).ToArray());
    }

    /// <summary>Tells whether one of the <paramref name="sources"/> (from <see cref="InhibitionSources"/>) mutes <paramref name="alert"/>.</summary>
    public bool IsInhibited(Alert alert, Alert[][] sources)
    {
        for (var r = 0; r < sources.Length; r++)
        {
            var rule = _inhibitions[r];
            if (sources[r].Length == 0 || !All(rule.Targets, alert))
            {
                continue;
            }

            foreach (var source in sources[r])
            {
                // An alert never mutes itself, even when it satisfies both sides of a rule.
                if (!string.Equals(source.Fingerprint, alert.Fingerprint, StringComparison.Ordinal)
                    && rule.Equal.All(label => string.Equals(AlertMatcher.ValueOf(source, label), AlertMatcher.ValueOf(alert, label), StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool All(AlertMatcher[] matchers, Alert alert)
    {
        foreach (var matcher in matchers)
        {
            if (!matcher.Matches(alert))
            {
                return false;
            }
        }

        return true;
    }

    private static AlertMatcher[] Parse(IEnumerable<string> matchers) => matchers.Select(AlertMatcher.Parse).ToArray();

    internal sealed record Silence(AlertMatcher[] Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Comment);

    internal sealed record Inhibition(AlertMatcher[] Sources, AlertMatcher[] Targets, string[] Equal);

    internal sealed record Route(AlertSeverity MinimumSeverity, AlertMatcher[] Matchers, double RateLimitPerMinute, int RateLimitBurst)
    {
        public bool Accepts(Alert alert) => alert.Severity >= MinimumSeverity && All(Matchers, alert);
    }
}
