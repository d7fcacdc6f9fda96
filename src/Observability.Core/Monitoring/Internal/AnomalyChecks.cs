namespace Observability.Internal;

/// <summary>
/// Runs the default anomaly detector causally over the look-back window's error rate and p95
/// latency, and reports the anomalies that fall in the evaluation window. Anomalies explain; they
/// do not decide: their findings are information, and an error-rate anomaly above the baseline
/// feeds the regression classifier as an error spike.
/// </summary>
internal static class AnomalyChecks
{
    public const string ErrorRateRule = "anomaly_error_rate";
    public const string LatencyRule = "anomaly_latency_p95";

    /// <summary>The score at which a sample counts as anomalous: the NAB-tuned standard-profile threshold, rounded.</summary>
    public const double Threshold = 0.65;

    /// <summary>A shorter warm-up than the detector's default, so a day of 30-minute snapshots is judged.</summary>
    public const int WarmUp = 24;

    /// <returns>Whether the error rate spiked above its baseline in the evaluation window.</returns>
    public static bool AddFindings(List<Finding> findings, IReadOnlyList<MetricSnapshot> usable, DateTimeOffset evaluationStart)
    {
        var spike = Scan(findings, usable, evaluationStart, SnapshotMath.ErrorRate, ErrorRateRule, "error rate", static v => SnapshotMath.Percent(v));
        Scan(findings, usable, evaluationStart, static s => s.GetValue(WellKnownMetrics.LatencyP95), LatencyRule, "p95 latency", static v => SnapshotMath.Number(v) + " ms");
        return spike;
    }

    private static bool Scan(List<Finding> findings, IReadOnlyList<MetricSnapshot> usable, DateTimeOffset evaluationStart, Func<MetricSnapshot, double?> value, string rule, string what, Func<double, string> format)
    {
        var detector = new DefaultAnomalyDetector(new DefaultAnomalyDetectorOptions { WarmUp = WarmUp });
        double baselineSum = 0;
        var baselineCount = 0;
        (double Score, MetricSnapshot Snapshot, double Value)? strongest = null;
        var count = 0;
        foreach (var snapshot in usable)
        {
            if (value(snapshot) is not { } v)
            {
                continue;
            }

            var score = detector.Update(snapshot.Timestamp, v);
            if (snapshot.Timestamp < evaluationStart)
            {
                baselineSum += v;
                baselineCount++;
            }
            else if (score >= Threshold)
            {
                count++;
                if (strongest is null || score > strongest.Value.Score)
                {
                    strongest = (score, snapshot, v);
                }
            }
        }

        if (strongest is not { } s)
        {
            return false;
        }

        var baseline = baselineCount > 0 ? baselineSum / baselineCount : (double?)null;
        var against = baseline is { } b ? $" against a baseline mean of {format(b)}" : string.Empty;
        findings.Add(new Finding(rule, AlertSeverity.Info, $"Anomalous {what} {format(s.Value)} at {s.Snapshot.Timestamp:O}{against}: anomaly score {SnapshotMath.Number(s.Score, "0.00")} (threshold {SnapshotMath.Number(Threshold, "0.00")}), {count} anomalous snapshot(s) in the evaluation window.")
        {
            Metric = rule == ErrorRateRule ? WellKnownMetrics.ErrorRate : WellKnownMetrics.LatencyP95,
            Observed = s.Value,
            Threshold = baseline,
        });
        return baseline is { } mean && s.Value > mean;
    }
}
