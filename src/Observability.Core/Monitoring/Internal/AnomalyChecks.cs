namespace Observability.Internal;

/// <summary>
/// Runs the default anomaly detector causally over the look-back window's error rate and p95
/// latency with their daily cycle taken out (<see cref="SeasonalResidual"/>), and CUSUM change
/// points over the same residuals, and reports those that fall in the evaluation window. Anomalies
/// and change points explain; they do not decide. An error-rate anomaly above the baseline feeds the
/// regression classifier as an error spike.
/// </summary>
internal static class AnomalyChecks
{
    /// <summary>The score at which a sample counts as anomalous: the NAB-tuned standard-profile threshold, rounded.</summary>
    public const double Threshold = 0.65;

    /// <summary>A shorter warm-up than the detector's default, so a day of 30-minute snapshots is judged.</summary>
    public const int WarmUp = 24;

    /// <returns>Whether the error rate spiked above its baseline in the evaluation window.</returns>
    public static bool AddFindings(List<Finding> findings, IReadOnlyList<SnapshotFacts> usable, DateTimeOffset evaluationStart, SeasonalBaseline baseline)
    {
        var times = usable.Select(static f => f.Timestamp).ToArray();
        var step = SeasonalResidual.MedianStep(times);

        // With earlier days at the evaluation window's hours, the detectors see the series without its daily
        // cycle; a look-back shorter than that has no cycle to take out, and they see the values themselves.
        var seasonal = usable.Count > 0 && evaluationStart - usable[0].Timestamp >= TimeSpan.FromDays(1);
        var errorBaseline = WindowAggregate.Mean(baseline.Facts, static f => f.Measures.ErrorRate);
        var spike = Scan(findings, usable, evaluationStart, seasonal ? step : null, static f => f.Measures.ErrorRate, RuleCatalogue.AnomalyErrorRate, RuleCatalogue.ChangePointErrorRate, "error rate", ValueUnit.Ratio, errorBaseline, baseline.Description);
        Scan(findings, usable, evaluationStart, seasonal ? step : null, static f => f.Measures.LatencyP95, RuleCatalogue.AnomalyLatency, RuleCatalogue.ChangePointLatency, "p95 latency", ValueUnit.Milliseconds, WindowAggregate.Mean(baseline.Facts, static f => f.Measures.LatencyP95), baseline.Description);
        return spike;
    }

    private static bool Scan(List<Finding> findings, IReadOnlyList<SnapshotFacts> usable, DateTimeOffset evaluationStart, TimeSpan? step, Func<SnapshotFacts, double?> value, string rule, string changeRule, string what, ValueUnit unit, double? baselineMean, string baselineText)
    {
        if (usable.Count == 0)
        {
            return false;
        }

        var residuals = step is { } s ? new SeasonalResidual(usable[0].Timestamp, s) : null;
        var detector = new DefaultAnomalyDetector(new DefaultAnomalyDetectorOptions { WarmUp = WarmUp });
        var cusum = new CusumDetector(warmUpSamples: WarmUp);
        (double Score, SnapshotFacts Fact, double Value)? strongest = null;
        (SnapshotFacts Fact, ChangeDirection Direction)? change = null;
        var count = 0;
        foreach (var fact in usable)
        {
            if (value(fact) is not { } v || (residuals is null ? v : residuals.Next(fact.Timestamp, v)) is not { } residual)
            {
                continue;
            }

            var score = detector.Update(fact.Timestamp, residual);
            var reading = cusum.Observe(fact.Timestamp, residual);
            if (fact.Timestamp < evaluationStart)
            {
                continue;
            }

            if (reading.IsChange)
            {
                change = (fact, reading.Direction);
            }

            if (score >= Threshold)
            {
                count++;
                if (strongest is null || score > strongest.Value.Score)
                {
                    strongest = (score, fact, v);
                }
            }
        }

        if (change is { } c && value(c.Fact) is { } changed)
        {
            findings.Add(new Finding(changeRule, AlertSeverity.Info, $"The {what} changed level at {Figures.Time(c.Fact.Timestamp)} ({(c.Direction == ChangeDirection.Up ? "up" : "down")}, to {Figures.Value(unit, changed)}), beyond its usual daily cycle.")
            {
                Metric = rule == RuleCatalogue.AnomalyErrorRate ? WellKnownMetrics.ErrorRate : WellKnownMetrics.LatencyP95,
                Observed = changed,
                At = c.Fact.Timestamp,
            });
        }

        if (strongest is not { } top)
        {
            return false;
        }

        var against = baselineMean is { } b ? $" against {Figures.Value(unit, b)} at {baselineText}" : string.Empty;
        findings.Add(new Finding(rule, AlertSeverity.Info, $"Anomalous {what} {Figures.Value(unit, top.Value)} at {Figures.Time(top.Fact.Timestamp)}{against}: anomaly score {Figures.Number(top.Score, "0.00")} (threshold {Figures.Number(Threshold, "0.00")}), {Figures.Plural(count, "anomalous snapshot")} in the evaluation window.")
        {
            Metric = rule == RuleCatalogue.AnomalyErrorRate ? WellKnownMetrics.ErrorRate : WellKnownMetrics.LatencyP95,
            Observed = top.Value,
            Threshold = baselineMean,
            At = top.Fact.Timestamp,
        });
        return baselineMean is { } mean && top.Value > mean;
    }
}
