namespace Observability;

/// <summary>
/// One violation of an SLO in a report: a run of consecutive snapshots that broke the SLO's per-snapshot
/// limit (availability below it, error rate above it, latency at or above it).
/// </summary>
/// <param name="Start">The time of the first snapshot of the run.</param>
/// <param name="End">The time of the last snapshot of the run (equal to <paramref name="Start"/> for one snapshot).</param>
/// <param name="Severity">How bad the run was, from the worst snapshot's distance from the limit.</param>
/// <param name="Observed">The worst observed value: the lowest availability or highest error rate (fractions), or the highest latency in ms.</param>
/// <param name="Threshold">The per-snapshot limit the run broke, in the unit of <paramref name="Observed"/>.</param>
public sealed record SloBreach(DateTimeOffset Start, DateTimeOffset End, AlertSeverity Severity, double Observed, double Threshold)
{
    /// <summary>Gets how many snapshots the run holds.</summary>
    public int Snapshots { get; init; }

    /// <summary>Gets a sentence with the numbers, for a person.</summary>
    public string Message { get; init; } = string.Empty;
}
