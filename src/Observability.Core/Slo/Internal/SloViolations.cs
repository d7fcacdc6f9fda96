namespace Observability.Internal;

/// <summary>Groups consecutive violating samples into <see cref="SloViolation"/> runs, keeping the most recent ones.</summary>
internal static class SloViolations
{
    /// <summary>Request-based SLOs: a worst error rate this many times the allowed one is critical.</summary>
    public const double RequestCritical = 10;

    /// <summary>Request-based SLOs: a worst error rate this many times the allowed one is an error.</summary>
    public const double RequestError = 2;

    /// <summary>Latency SLOs: a worst latency this many times the threshold is critical.</summary>
    public const double LatencyCritical = 2;

    /// <summary>Latency SLOs: a worst latency this many times the threshold is an error.</summary>
    public const double LatencyError = 1.5;

    public static (IReadOnlyList<SloViolation> Recent, int Count) Find(SloDefinition slo, SloSample[] samples, int max)
    {
        var recent = new Queue<SloViolation>();
        var count = 0;
        var i = 0;
        while (i < samples.Length)
        {
            if (!samples[i].Violates)
            {
                i++;
                continue;
            }

            var start = i;
            var worst = i;
            var bad = 0.0;
            for (; i < samples.Length && samples[i].Violates; i++)
            {
                bad += samples[i].Bad;
                worst = samples[i].Exceedance > samples[worst].Exceedance ? i : worst;
            }

            count++;
            recent.Enqueue(Create(slo, samples[start].Time, samples[i - 1].Time, i - start, bad, samples[worst]));
            if (recent.Count > max)
            {
                recent.Dequeue();
            }
        }

        return (recent.ToArray(), count);
    }

    private static SloViolation Create(SloDefinition slo, DateTimeOffset start, DateTimeOffset end, int snapshots, double bad, SloSample worst)
    {
        var latency = slo.Kind == SloKind.LatencyPercentile;
        var severity = worst.Exceedance >= (latency ? LatencyCritical : RequestCritical) ? AlertSeverity.Critical
            : worst.Exceedance >= (latency ? LatencyError : RequestError) ? AlertSeverity.Error
            : AlertSeverity.Warning;
        var what = slo.Kind switch
        {
            SloKind.Availability => $"availability {SloText.Percent(worst.Observed)} below {SloText.Percent(slo.Threshold)}",
            SloKind.ErrorRate => $"error rate {SloText.Percent(worst.Observed)} above {SloText.Percent(slo.Threshold)}",
            _ => $"p{SloText.Number(slo.Percentile!.Value, "0.###")} latency {SloText.Number(worst.Observed, "0.#")} ms at or above {SloText.Number(slo.Threshold, "0.#")} ms",
        };
        var when = snapshots == 1 ? $"at {Figures.Time(start)}" : $"in {snapshots} snapshots from {Figures.Time(start)} to {Figures.Time(end)}";
        return new SloViolation
        {
            Start = start,
            End = end,
            Snapshots = snapshots,
            BadEvents = bad,
            WorstValue = worst.Observed,
            Threshold = slo.Threshold,
            Exceedance = worst.Exceedance,
            Severity = severity,
            Message = $"{slo.Name}: {what} {when} ({SloText.Number(worst.Exceedance, "0.##")}x the limit at worst, {SloText.Number(bad, "0.##")} bad events).",
        };
    }
}
