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

    /// <summary>Gets the number of inhibition rules.</summary>
    public int InhibitionCount => _inhibitions.Length;

    /// <summary>Tells whether the alert satisfies the source matchers of inhibition rule <paramref name="rule"/>.</summary>
    public bool IsSource(int rule, Alert alert) => All(_inhibitions[rule].Sources, alert);

    /// <summary>Tells whether <paramref name="alert"/> is a source of any inhibition rule (it can mute others).</summary>
    public bool IsSourceOfAny(Alert alert)
    {
        for (var r = 0; r < _inhibitions.Length; r++)
        {
            if (IsSource(r, alert))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values of the labels rule <paramref name="rule"/>'s <c>Equal</c> list names, as one key.</summary>
    public EqualValues EqualKey(int rule, Alert alert) => new(_inhibitions[rule].Equal, alert);

    /// <summary>Tells whether a source in <paramref name="index"/> seen since <paramref name="since"/> mutes <paramref name="alert"/>.</summary>
    public bool IsInhibited(Alert alert, InhibitionIndex index, DateTimeOffset since) => IsInhibited(alert, since, index, null);

    /// <summary>Tells whether a source in either index seen since <paramref name="since"/> mutes <paramref name="alert"/>; each rule's key is computed once for both.</summary>
    public bool IsInhibited(Alert alert, DateTimeOffset since, InhibitionIndex first, InhibitionIndex? second)
    {
        for (var r = 0; r < _inhibitions.Length; r++)
        {
            if (!All(_inhibitions[r].Targets, alert))
            {
                continue;
            }

            var key = EqualKey(r, alert);
            if (first.Mutes(r, key, alert.Fingerprint!, since) || (second is not null && second.Mutes(r, key, alert.Fingerprint!, since)))
            {
                return true;
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
