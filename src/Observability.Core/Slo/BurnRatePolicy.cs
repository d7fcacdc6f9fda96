namespace Observability;

/// <summary>
/// The multi-window, multi-burn-rate alert rules an <see cref="SloEvaluator"/> checks, and the
/// traffic guard: a rule only fires when its long window holds at least <see cref="MinimumEvents"/>
/// events, so a handful of failed requests at night cannot page anyone.
/// </summary>
public sealed class BurnRatePolicy
{
    /// <summary>The default traffic guard: 100 events in the long window.</summary>
    public const double DefaultMinimumEvents = 100;

    /// <summary>Initializes a new instance of the <see cref="BurnRatePolicy"/> class.</summary>
    /// <param name="rules">The rules; copied. May be empty (budget tracking without alerts).</param>
    /// <param name="minimumEvents">The traffic guard: the volume (requests or jobs) a long window needs before its rule may fire; not negative; 0 disables it.</param>
    /// <exception cref="ArgumentException">A rule is null or <paramref name="minimumEvents"/> is negative or not finite.</exception>
    public BurnRatePolicy(IEnumerable<BurnRateRule> rules, double minimumEvents = DefaultMinimumEvents)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var copy = rules.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException($"Burn-rate rule {i} is null.", nameof(rules));
            }
        }

        if (!(minimumEvents >= 0) || !double.IsFinite(minimumEvents))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumEvents), minimumEvents, $"The traffic guard must be a finite number of events, 0 or more (was {minimumEvents}).");
        }

        Rules = copy;
        MinimumEvents = minimumEvents;
    }

    /// <summary>
    /// Gets the policy of the Google SRE workbook with a 100-event guard. Each row is (budget share,
    /// long window, short window, severity); for a 30-day period the thresholds are 14.4, 6, 3 and 1:
    /// (2 %, 1 h, 5 m, page), (5 %, 6 h, 30 m, page), (10 %, 1 d, 2 h, ticket), (10 %, 3 d, 6 h, ticket).
    /// Pages are <see cref="AlertSeverity.Critical"/>, tickets <see cref="AlertSeverity.Warning"/>.
    /// </summary>
    public static BurnRatePolicy Workbook { get; } = new(
    [
        new BurnRateRule(0.02, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), AlertSeverity.Critical),
        new BurnRateRule(0.05, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), AlertSeverity.Critical),
        new BurnRateRule(0.10, TimeSpan.FromDays(1), TimeSpan.FromHours(2), AlertSeverity.Warning),
        new BurnRateRule(0.10, TimeSpan.FromDays(3), TimeSpan.FromHours(6), AlertSeverity.Warning),
    ]);

    /// <summary>Gets the rules, in the order they are evaluated and reported.</summary>
    public IReadOnlyList<BurnRateRule> Rules { get; }

    /// <summary>Gets the traffic guard: the volume a long window needs before its rule may fire.</summary>
    public double MinimumEvents { get; }

    /// <summary>Returns a copy of this policy with another traffic guard.</summary>
    /// <param name="minimumEvents">The new guard; not negative.</param>
    /// <returns>The new policy.</returns>
    public BurnRatePolicy WithMinimumEvents(double minimumEvents) => new(Rules, minimumEvents);
}
