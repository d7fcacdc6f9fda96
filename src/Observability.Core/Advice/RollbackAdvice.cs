namespace Observability;

/// <summary>The <see cref="RollbackAdvisor"/>'s answer to one observation: what to do, why, and the breaker's state.</summary>
/// <param name="Decision">
/// <see cref="Decision.Proceed"/>, <see cref="Decision.Hold"/>, <see cref="Decision.Rollback"/>, or
/// <see cref="Decision.NoData"/> when the observation carried no data (never a rollback by itself).
/// </param>
/// <param name="Summary">One sentence with the measured numbers, for a person.</param>
/// <param name="Reasons">
/// The findings behind the decision, most severe first: for a rollback the rules that tripped the
/// breaker (<c>rollback_error_rate</c>, <c>rollback_health_sustained</c>, <c>rollback_processor_connectivity</c>,
/// <c>rollback_queue_backlog</c>), for a hold the pending ones, plus information-only findings.
/// </param>
public sealed record RollbackAdvice(Decision Decision, string Summary, IReadOnlyList<Finding> Reasons)
{
    /// <summary>Gets the timestamp of the observation this advice answers.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets when the breaker tripped; <see langword="null"/> while it has not.</summary>
    public DateTimeOffset? TrippedAt { get; init; }

    /// <summary>Gets since when health has been below the critical score; <see langword="null"/> when the sustain timer is not running.</summary>
    public DateTimeOffset? UnhealthySince { get; init; }

    /// <summary>
    /// Gets how much longer health may stay below the critical score before the breaker trips;
    /// <see langword="null"/> when the sustain timer is not running or the breaker has tripped.
    /// </summary>
    public TimeSpan? HealthTripIn { get; init; }

    /// <summary>Gets the advice as a monitoring <see cref="Verdict"/> (decision, summary and reasons).</summary>
    /// <returns>The verdict.</returns>
    public Verdict ToVerdict() => new(Decision, Summary, Reasons);
}
