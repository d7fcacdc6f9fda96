namespace Observability;

/// <summary>
/// A run of consecutive snapshots that broke an SLO's per-snapshot limit: availability below the
/// threshold, error rate above it, or latency at or above it. Snapshots with no traffic never break
/// a request-based SLO. Skipped snapshots (metric missing) do not interrupt a run.
/// </summary>
/// <remarks>
/// <see cref="Severity"/> follows <see cref="Exceedance"/>, the worst snapshot's distance from the limit.
/// Request-based: error rate / allowed error rate (the threshold, or 1 - threshold for availability);
/// 10x or more is <see cref="AlertSeverity.Critical"/>, 2x or more <see cref="AlertSeverity.Error"/>,
/// otherwise <see cref="AlertSeverity.Warning"/>. Latency: latency / threshold; 2x or more is Critical,
/// 1.5x or more Error, otherwise Warning.
/// </remarks>
public sealed record SloViolation
{
    /// <summary>Gets the time of the first snapshot of the run.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Gets the time of the last snapshot of the run.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>Gets how many snapshots the run holds.</summary>
    public required int Snapshots { get; init; }

    /// <summary>Gets the bad events of the run (requests or jobs; snapshots for latency SLOs).</summary>
    public required double BadEvents { get; init; }

    /// <summary>Gets the worst observed value: the lowest availability, the highest error rate or the highest latency in ms.</summary>
    public required double WorstValue { get; init; }

    /// <summary>Gets the per-snapshot limit the run broke (the SLO's threshold).</summary>
    public required double Threshold { get; init; }

    /// <summary>Gets how far the worst snapshot was from the limit, as a factor (see the remarks).</summary>
    public required double Exceedance { get; init; }

    /// <summary>Gets how bad the run was, from <see cref="Exceedance"/> (see the remarks).</summary>
    public required AlertSeverity Severity { get; init; }

    /// <summary>Gets a sentence with the numbers.</summary>
    public required string Message { get; init; }
}
