namespace Observability;

/// <summary>The outcome of one monitoring pass: the report and what every stage did.</summary>
/// <param name="Report">The report (verdict, scores, findings, alerts).</param>
/// <param name="Collections">What each collector returned, including its snapshots.</param>
/// <param name="Deliveries">How many alerts were queued for each sink (delivery goes on in the background); empty when alerts are disabled or none were raised.</param>
/// <param name="Reports">The reports written; empty when no output directory is configured.</param>
/// <param name="SuppressedAlerts">How many alerts deduplication held back as repeats.</param>
public sealed record MonitoringPassResult(
    HealthReport Report,
    IReadOnlyList<CollectionResult> Collections,
    IReadOnlyList<DeliveryResult> Deliveries,
    IReadOnlyList<ReportResult> Reports,
    int SuppressedAlerts)
{
    /// <summary>Gets the verdict of the pass.</summary>
    public Verdict Verdict => Report.Verdict;
}
