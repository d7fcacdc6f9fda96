namespace Observability.Internal;

/// <summary>Builds the burn-down of an error budget and finds when it was exhausted.</summary>
internal static class SloBurnDown
{
    /// <summary>
    /// One point per sample when there are at most <paramref name="maxPoints"/>; otherwise the period is cut
    /// into <paramref name="maxPoints"/> equal slices and each slice with samples gives the point of its last sample.
    /// </summary>
    public static (IReadOnlyList<BurnDownPoint> Points, DateTimeOffset? ExhaustedAt) Build(SloSeries series, double allowed, TimeSpan period, int maxPoints)
    {
        var samples = series.Samples;
        var points = new List<BurnDownPoint>(Math.Min(samples.Length, maxPoints));
        var sliceTicks = Math.Max(1, period.Ticks / maxPoints);
        DateTimeOffset? exhaustedAt = null;
        for (var i = 0; i < samples.Length; i++)
        {
            var consumed = series.BadBefore(i + 1);
            if (exhaustedAt is null && allowed > 0 && consumed >= allowed)
            {
                exhaustedAt = samples[i].Time;
            }

            var last = i == samples.Length - 1;
            if (last || samples.Length <= maxPoints || Slice(series, samples[i].Time, sliceTicks, maxPoints) != Slice(series, samples[i + 1].Time, sliceTicks, maxPoints))
            {
                points.Add(new BurnDownPoint(samples[i].Time, consumed, allowed > 0 ? 1 - (consumed / allowed) : 1));
            }
        }

        return (points, exhaustedAt);
    }

    private static long Slice(SloSeries series, DateTimeOffset time, long sliceTicks, int maxPoints)
        => Math.Min((time - series.PeriodStart).Ticks / sliceTicks, maxPoints - 1);
}
