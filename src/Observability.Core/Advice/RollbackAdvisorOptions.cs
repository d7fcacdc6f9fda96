namespace Observability;

/// <summary>
/// Thresholds of the <see cref="RollbackAdvisor"/>. Plain settable properties, bindable from
/// configuration; the advisor validates them (every problem in one message) and copies them when
/// it is created, so later changes do not affect an advisor already running.
/// </summary>
public sealed class RollbackAdvisorOptions
{
    /// <summary>Gets or sets the error rate above which the advisor rolls back, a ratio in [0, 1]. Default: 0.05 (5 %); exactly 5 % does not trip.</summary>
    public double MaxErrorRate { get; set; } = 0.05;

    /// <summary>
    /// Gets or sets the job count an observation must exceed before its error rate is judged. Default: 10,
    /// so 10 jobs are not enough and 11 are.
    /// </summary>
    public int MinimumJobs { get; set; } = 10;

    /// <summary>Gets or sets the health score below which the sustain timer runs, 0-100. Default: 50; exactly 50 is healthy enough.</summary>
    public double HealthCritical { get; set; } = 50;

    /// <summary>
    /// Gets or sets how long health must stay below <see cref="HealthCritical"/> before the advisor rolls
    /// back; exactly this long trips. Default: 30 minutes. Zero trips on the first low score.
    /// </summary>
    public TimeSpan HealthSustainFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets how many processor connectivity failures in one observation roll back; fewer (but
    /// at least one) hold. Default: 3, so a single dropped connection pauses the rollout rather than
    /// reverting it, while a failing processor link still trips quickly.
    /// </summary>
    public int ConnectivityFailureThreshold { get; set; } = 3;

    /// <summary>
    /// Gets or sets the queue backlog above which the advisor rolls back; <see langword="null"/> (the
    /// default) turns the rule off, since a sensible backlog depends on the workload.
    /// </summary>
    public double? QueueBacklogThreshold { get; set; }

    /// <summary>
    /// Creates the advisor's options from the one set of thresholds the pass, the summaries and the
    /// stability monitor use, so that the advisor judges with the same numbers.
    /// </summary>
    /// <param name="thresholds">The thresholds (for example <c>ObservabilityOptions.Thresholds</c>).</param>
    /// <returns>New options carrying the thresholds' error rate, volume, health and processor limits.</returns>
    public static RollbackAdvisorOptions From(ThresholdOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new RollbackAdvisorOptions
        {
            MaxErrorRate = thresholds.ErrorRateCritical,
            MinimumJobs = thresholds.MinimumJobs,
            HealthCritical = thresholds.HealthCritical,
            HealthSustainFor = thresholds.HealthSustainFor,
            ConnectivityFailureThreshold = thresholds.ConnectivityFailureLimit,
            QueueBacklogThreshold = thresholds.QueueBacklogLimit,
        };
    }
}
