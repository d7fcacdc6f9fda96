namespace Observability;

/// <summary>A day's error rate (ratios in [0, 1]) and totals.</summary>
/// <param name="Measured">How many usable snapshots carried an error rate (or the values to derive it from).</param>
/// <param name="AverageRate">
/// The average error rate, weighted by volume (jobs, else requests) where the snapshots carry it,
/// so a quiet night does not count as much as a busy noon; else the plain mean. <see langword="null"/> when none was measured.
/// </param>
/// <param name="MaxRate">The highest error rate of a snapshot.</param>
/// <param name="TotalErrors">The sum of <see cref="WellKnownMetrics.ErrorCount"/>; <see langword="null"/> when no snapshot carried it.</param>
/// <param name="TotalVolume">The sum of jobs (else requests); <see langword="null"/> when no snapshot carried either.</param>
public sealed record ErrorAggregate(int Measured, double? AverageRate, double? MaxRate, double? TotalErrors, double? TotalVolume)
{
    /// <summary>Gets the requests counted (<c>request_count</c>), kept apart from jobs; <see langword="null"/> when none was counted.</summary>
    public double? TotalRequests { get; init; }

    /// <summary>Gets the jobs counted (<c>job_count</c>), kept apart from requests; <see langword="null"/> when none was counted.</summary>
    public double? TotalJobs { get; init; }

    /// <summary>Gets what <see cref="TotalVolume"/> counts: <c>requests</c> or <c>jobs</c> (the error rate's own denominator).</summary>
    public string VolumeUnit { get; init; } = "requests";
}
