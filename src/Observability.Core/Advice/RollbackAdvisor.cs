using Observability.Internal;

namespace Observability;

/// <summary>
/// A circuit breaker for one rollout: fed one <see cref="RolloutObservation"/> at a time, in time
/// order, it answers proceed, hold, rollback or no data with the reasons. It trips (rollback) when
/// <list type="bullet">
/// <item>the error rate is above <see cref="RollbackAdvisorOptions.MaxErrorRate"/> with more than <see cref="RollbackAdvisorOptions.MinimumJobs"/> jobs;</item>
/// <item>health has stayed below <see cref="RollbackAdvisorOptions.HealthCritical"/> for at least <see cref="RollbackAdvisorOptions.HealthSustainFor"/>;</item>
/// <item>an observation has at least <see cref="RollbackAdvisorOptions.ConnectivityFailureThreshold"/> processor connectivity failures;</item>
/// <item>the queue backlog is above <see cref="RollbackAdvisorOptions.QueueBacklogThreshold"/> (when set).</item>
/// </list>
/// It holds while health is low but not yet for long enough (with the time remaining), or when
/// there are some connectivity failures below the threshold.
/// </summary>
/// <remarks>
/// <para>
/// Once tripped the advisor stays tripped: every later observation, healthy or empty, answers
/// <see cref="Decision.Rollback"/> with the reasons that tripped it, until <see cref="Reset"/>.
/// A rollback decision is acted on; a breaker that closes by itself on one good sample would
/// flap while the rollout is being reverted.
/// </para>
/// <para>
/// The health sustain time runs from the first observation with a score below the critical one
/// to the latest such observation, measured with the observations' timestamps; a score at or above
/// the critical one stops and clears the timer. An observation without data (or without a health
/// score) neither clears the timer nor trips it: it cannot show the health recovering, and a trip
/// needs a measured low score. A no-data observation answers <see cref="Decision.NoData"/> and never
/// trips the breaker.
/// </para>
/// <para>Not thread-safe: one advisor per rollout, fed from one place. No clock is read.</para>
/// </remarks>
public sealed partial class RollbackAdvisor
{
    private readonly double _maxErrorRate;
    private readonly int _minimumJobs;
    private readonly double _healthCritical;
    private readonly TimeSpan _healthSustainFor;
    private readonly int _connectivityFailureThreshold;
    private readonly double? _queueBacklogThreshold;

    private DateTimeOffset? _last;
    private DateTimeOffset? _unhealthySince;
    private RollbackAdvice? _trip;

    /// <summary>Initializes a new instance of the <see cref="RollbackAdvisor"/> class with the default thresholds.</summary>
    public RollbackAdvisor()
        : this(new RollbackAdvisorOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RollbackAdvisor"/> class.</summary>
    /// <param name="options">The thresholds; validated and copied.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public RollbackAdvisor(RollbackAdvisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RollbackAdvisorOptionsValidator.ThrowIfInvalid(options, nameof(options));
        _maxErrorRate = options.MaxErrorRate;
        _minimumJobs = options.MinimumJobs;
        _healthCritical = options.HealthCritical;
        _healthSustainFor = options.HealthSustainFor;
        _connectivityFailureThreshold = options.ConnectivityFailureThreshold;
        _queueBacklogThreshold = options.QueueBacklogThreshold;
    }

    /// <summary>Gets a value indicating whether the breaker has tripped (and so answers rollback until <see cref="Reset"/>).</summary>
    public bool IsTripped => _trip is not null;

    /// <summary>Gets when the breaker tripped; <see langword="null"/> while it has not.</summary>
    public DateTimeOffset? TrippedAt => _trip?.TrippedAt;

    /// <summary>Gets since when health has been below the critical score; <see langword="null"/> when the sustain timer is not running.</summary>
    public DateTimeOffset? UnhealthySince => _unhealthySince;

    /// <summary>Feeds the next observation and answers what to do.</summary>
    /// <param name="observation">The observation; its timestamp must not be earlier than the previous one's.</param>
    /// <returns>The advice for this observation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observation"/> is null.</exception>
    /// <exception cref="ArgumentException">The observation is earlier than the previous one.</exception>
    public RollbackAdvice Observe(RolloutObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var now = observation.Timestamp;
        if (_last is { } last && now < last)
        {
            throw new ArgumentException($"Observations must arrive in time order: {now:O} is earlier than the previous observation at {last:O}.", nameof(observation));
        }

        _last = now;
        if (_trip is { } trip)
        {
            return trip with
            {
                Timestamp = now,
                Summary = $"Roll back: the breaker tripped at {Figures.Time(trip.TrippedAt!.Value)} and stays tripped until Reset. {Join(trip.Reasons.Where(static r => r.Severity == AlertSeverity.Critical))}",
            };
        }

        if (!observation.HasData)
        {
            return NoData(observation);
        }

        var findings = new List<Finding>();
        var healthTripIn = EvaluateRules(findings, observation);
        var reasons = findings.OrderByDescending(static f => f.Severity).ToArray();

        var tripping = reasons.Where(static f => f.Severity == AlertSeverity.Critical).ToArray();
        if (tripping.Length > 0)
        {
            _trip = new RollbackAdvice(Decision.Rollback, "Roll back: " + Join(tripping), reasons)
            {
                Timestamp = now,
                TrippedAt = now,
                UnhealthySince = _unhealthySince,
            };
            return _trip;
        }

        var holding = reasons.Where(static f => f.Severity == AlertSeverity.Warning).ToArray();
        var summary = holding.Length > 0 ? "Hold: " + Join(holding) : ProceedSummary(observation);
        return new RollbackAdvice(holding.Length > 0 ? Decision.Hold : Decision.Proceed, summary, reasons)
        {
            Timestamp = now,
            UnhealthySince = _unhealthySince,
            HealthTripIn = healthTripIn,
        };
    }

    /// <summary>
    /// Applies the four rules to an observation with data (running the health sustain timer) without the
    /// breaker: nothing latches and no summary is written. The stability monitor's ticks are judged this
    /// way, so a condition that clears stops firing; <see cref="Observe"/> adds the breaker on top.
    /// </summary>
    /// <returns>The time left before the health rule trips, when its timer runs and has not tripped.</returns>
    internal TimeSpan? EvaluateRules(List<Finding> findings, RolloutObservation observation)
    {
        AddErrorRate(findings, observation);
        var healthTripIn = AddHealth(findings, observation);
        AddConnectivity(findings, observation);
        AddQueueBacklog(findings, observation);
        return healthTripIn;
    }

    /// <summary>
    /// Closes the breaker and forgets everything seen (the health timer and the last timestamp),
    /// as for a new rollout.
    /// </summary>
    public void Reset()
    {
        _trip = null;
        _unhealthySince = null;
        _last = null;
    }

    private RollbackAdvice NoData(RolloutObservation observation)
    {
        var now = observation.Timestamp;
        var why = (observation.Quality.Reason ?? $"the source's data quality is {observation.Quality.Status}").TrimEnd('.');
        var timer = _unhealthySince is { } since
            ? $"The health timer is unchanged: below {Number(_healthCritical)} since {Figures.Time(since)}."
            : "The health timer is not running.";
        var finding = new Finding(AdviceRules.NoData, AlertSeverity.Warning, $"No data at {Figures.Time(now)}: {why}. A collection failure is not a reason to roll back.");
        return new RollbackAdvice(Decision.NoData, $"No data: {why}; a collection failure never triggers a rollback. {timer}", [finding])
        {
            Timestamp = now,
            UnhealthySince = _unhealthySince,
            HealthTripIn = TripIn(now),
        };
    }

    private TimeSpan? TripIn(DateTimeOffset now)
        => _unhealthySince is { } since ? Max(TimeSpan.Zero, _healthSustainFor - (now - since)) : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Join(IEnumerable<Finding> findings) => string.Join(" ", findings.Select(static f => f.Message));
}
