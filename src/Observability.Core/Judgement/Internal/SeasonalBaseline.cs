namespace Observability.Internal;

/// <summary>
/// The baseline a window is compared with, like with like: the snapshots at the same times of day
/// on the earlier days of the look-back window (within half a snapshot interval), so that a
/// service's ordinary daily cycle is neither a regression nor an anomaly. When no earlier day covers
/// at least half of the window's snapshots (a look-back shorter than a day and the window), the
/// equally long period just before the window stands in, and the description says so.
/// </summary>
internal sealed record SeasonalBaseline(IReadOnlyList<SnapshotFacts> Facts, bool Seasonal, string Description)
{
    public static SeasonalBaseline For(IReadOnlyList<SnapshotFacts> earlier, IReadOnlyList<SnapshotFacts> recent, CollectionWindow evaluationWindow)
    {
        if (earlier.Count == 0 || recent.Count == 0)
        {
            return new SeasonalBaseline([], false, "no earlier data");
        }

        var sorted = earlier.OrderBy(static f => f.Timestamp).ToArray();
        var tolerance = HalfInterval(sorted, recent);
        var matched = new HashSet<SnapshotFacts>();
        var covered = 0;
        var days = new HashSet<int>();
        foreach (var fact in recent)
        {
            var any = false;
            for (var k = 1; ; k++)
            {
                var target = fact.Timestamp - TimeSpan.FromDays(k);
                if (target < sorted[0].Timestamp - tolerance)
                {
                    break;
                }

                if (Nearest(sorted, target, tolerance) is { } match)
                {
                    matched.Add(match);
                    days.Add(k);
                    any = true;
                }
            }

            covered += any ? 1 : 0;
        }

        if (covered * 2 >= recent.Count && matched.Count > 0)
        {
            var list = matched.OrderBy(static f => f.Timestamp).ToArray();
            return new SeasonalBaseline(list, true, $"the same hours of the {Figures.Plural(days.Count, "earlier day")}");
        }

        var before = sorted.Where(f => f.Timestamp >= evaluationWindow.Start - evaluationWindow.Duration).ToArray();
        return before.Length == 0
            ? new SeasonalBaseline([], false, "no earlier data")
            : new SeasonalBaseline(before, false, $"the {Figures.Duration(evaluationWindow.Duration)} before (no earlier day covers these hours)");
    }

    /// <summary>Half the series' usual step (its median, <see cref="SeasonalResidual.MedianStep"/>), less a tick, so no two snapshots of a day match one time.</summary>
    private static TimeSpan HalfInterval(SnapshotFacts[] earlier, IReadOnlyList<SnapshotFacts> recent)
    {
        var times = (earlier.Length >= 2 ? earlier : recent).Select(static f => f.Timestamp).ToArray();
        return TimeSpan.FromTicks(Math.Max(1, (SeasonalResidual.MedianStep(times).Ticks / 2) - 1));
    }

    private static SnapshotFacts? Nearest(SnapshotFacts[] sorted, DateTimeOffset target, TimeSpan tolerance)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle].Timestamp < target)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        SnapshotFacts? best = null;
        var bestDistance = long.MaxValue;
        for (var i = Math.Max(0, low - 1); i <= Math.Min(sorted.Length - 1, low); i++)
        {
            var distance = Math.Abs((sorted[i].Timestamp - target).Ticks);
            if (distance <= tolerance.Ticks && distance < bestDistance)
            {
                best = sorted[i];
                bestDistance = distance;
            }
        }

        return best;
    }
}
