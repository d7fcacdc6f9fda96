namespace Observability.Internal;

/// <summary>
/// The one definition of stability, for a window, a day and a week alike: 40 % availability
/// compliance, 40 % latency compliance and 20 % steadiness (100 minus the drift, capped at 20),
/// where compliance is the share of snapshots whose SLO was judged and met, and drift is the mean of
/// the period's daily level drifts against the baseline (days counted by elapsed hours from the
/// period's start). A part that cannot be measured (no p99, no baseline) is left out and the others
/// are re-weighted; it is never counted as met.
/// </summary>
internal static class StabilityMath
{
    public const double AvailabilityWeight = 40;
    public const double LatencyWeight = 40;
    public const double DriftWeight = 20;
    public const double MaxDriftPercent = 20;

    public static double? Compliance(IEnumerable<SnapshotFacts> facts, Func<SnapshotFacts, SloOutcome> outcome)
    {
        int good = 0, judged = 0;
        foreach (var fact in facts)
        {
            if (!fact.Usable)
            {
                continue;
            }

            var o = outcome(fact);
            if (o != SloOutcome.Unknown)
            {
                judged++;
                good += o == SloOutcome.Good ? 1 : 0;
            }
        }

        return judged == 0 ? null : good / (double)judged;
    }

    /// <summary>The stability of a period: compliance over all its snapshots, drift averaged over its elapsed days.</summary>
    public static StabilityScore Of(IReadOnlyList<SnapshotFacts> facts, DateTimeOffset periodStart, IReadOnlyDictionary<string, double> baseline, double driftLimit)
    {
        double? drift = null;
        if (baseline.Count > 0)
        {
            var daily = facts.Where(static f => f.Usable)
                .GroupBy(f => ElapsedDays.Index(periodStart, f.Timestamp))
                .Select(day => LevelDrift.Average(LevelDrift.Of(day, baseline, driftLimit)))
                .Where(static d => d is not null)
                .Select(static d => d!.Value)
                .ToList();
            drift = daily.Count == 0 ? null : daily.Average();
        }

        return Score(
            facts.Any(static f => f.Usable),
            Compliance(facts, static f => f.AvailabilitySlo),
            Compliance(facts, static f => f.LatencySlo),
            drift);
    }

    public static StabilityScore Score(bool hasData, double? availabilityCompliance, double? latencyCompliance, double? driftPercent)
    {
        if (!hasData)
        {
            return new StabilityScore(0, Grade(0), null, null, null);
        }

        double points = 0, weight = 0;
        if (availabilityCompliance is { } a)
        {
            points += AvailabilityWeight * a;
            weight += AvailabilityWeight;
        }

        if (latencyCompliance is { } l)
        {
            points += LatencyWeight * l;
            weight += LatencyWeight;
        }

        if (driftPercent is { } d)
        {
            points += DriftWeight * (100 - Math.Min(d, MaxDriftPercent)) / 100;
            weight += DriftWeight;
        }

        // Nothing judged at all (no availability, no p99, no baseline): nothing speaks against the period.
        var value = weight == 0 ? 100 : Math.Round(points / weight * 100, 2);
        return new StabilityScore(
            value,
            Grade(value),
            availabilityCompliance is { } ac ? Math.Round(ac, 4) : null,
            latencyCompliance is { } lc ? Math.Round(lc, 4) : null,
            driftPercent is { } dp ? Math.Round(dp, 2) : null);
    }

    public static string Grade(double value) => value switch
    {
        >= 90 => "A",
        >= 80 => "B",
        >= 70 => "C",
        >= 60 => "D",
        _ => "F",
    };
}

/// <summary>Days by elapsed hours, as the 7-day monitor defines them: day = elapsed hours / 24 + 1.</summary>
internal static class ElapsedDays
{
    /// <summary>The zero-based day of a time: 0 for the first 24 hours from the start.</summary>
    public static int Index(DateTimeOffset start, DateTimeOffset time)
        => time < start ? -1 : (int)Math.Min(int.MaxValue, (time - start).Ticks / TimeSpan.TicksPerDay);

    /// <summary>The start of a day (zero-based).</summary>
    public static DateTimeOffset Start(DateTimeOffset start, int index) => start + TimeSpan.FromDays(index);
}
