namespace Observability.Internal;

/// <summary>
/// The points a chart draws of a long series: every point while the series is short; beyond that, the lowest and the
/// highest value of each time slice (in time order, each with its own time and value), so a week of 30-second snapshots
/// draws at most about two points per slice and still shows every spike and dip. A missing value still breaks the line.
/// The page and the PDF draw these same points; every value stays in the JSON report and <c>snapshots.csv</c>.
/// </summary>
internal static class ChartPoints
{
    /// <summary>How many time slices a chart is cut into when a series is thinned (a chart is about 730 pixels wide).</summary>
    public const int Slices = 800;

    /// <summary>The series' points to draw, thinned when it has more than two per slice.</summary>
    public static IReadOnlyList<(DateTimeOffset Time, double? Value)> Of<T>(
        IReadOnlyList<T> source, Func<T, DateTimeOffset> time, Func<T, double?> value, DateTimeOffset start, DateTimeOffset end)
    {
        if (source.Count <= 2 * Slices)
        {
            var all = new (DateTimeOffset, double?)[source.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = (time(source[i]), value(source[i]));
            }

            return all;
        }

        var thinned = new List<(DateTimeOffset Time, double? Value)>(2 * Slices + 16);
        var span = Math.Max(1, (end - start).Ticks);
        var slice = long.MinValue;
        (DateTimeOffset Time, double Value)? low = null, high = null;

        void Flush()
        {
            if (low is { } l && high is { } h)
            {
                if (l.Time == h.Time) { thinned.Add((l.Time, l.Value)); }
                else if (l.Time < h.Time) { thinned.Add((l.Time, l.Value)); thinned.Add((h.Time, h.Value)); }
                else { thinned.Add((h.Time, h.Value)); thinned.Add((l.Time, l.Value)); }
            }

            low = high = null;
        }

        for (var i = 0; i < source.Count; i++)
        {
            var at = time(source[i]);
            if (value(source[i]) is not { } v || !double.IsFinite(v))
            {
                // A gap: draw what came before it, then the break (once).
                Flush();
                if (thinned.Count > 0 && thinned[^1].Value is not null)
                {
                    thinned.Add((at, null));
                }

                continue;
            }

            var s = Math.Clamp((at - start).Ticks, 0, span) * Slices / span;
            if (s != slice)
            {
                Flush();
                slice = s;
            }

            if (low is null || v < low.Value.Value) { low = (at, v); }
            if (high is null || v > high.Value.Value) { high = (at, v); }
        }

        Flush();
        return thinned;
    }

    /// <summary>The number of drawable (finite) values in <paramref name="points"/>.</summary>
    public static int Count(IReadOnlyList<(DateTimeOffset Time, double? Value)> points)
    {
        var count = 0;
        foreach (var (_, value) in points)
        {
            if (value is { } v && double.IsFinite(v))
            {
                count++;
            }
        }

        return count;
    }
}
