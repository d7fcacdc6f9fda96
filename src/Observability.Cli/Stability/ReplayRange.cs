namespace Observability.Cli.Stability;

/// <summary>How long a replay can run: up to the tick that reads the data's last snapshot, and no further.</summary>
internal static class ReplayRange
{
    /// <summary>
    /// The duration of the replay that reaches the last of <paramref name="snapshots"/> (oldest first) from the first,
    /// one tick every <paramref name="interval"/>, when <paramref name="duration"/> asks for more; else <paramref name="duration"/>.
    /// </summary>
    /// <returns>The duration to run, and whether it was shortened.</returns>
    public static (TimeSpan Duration, bool Shortened) Bound(IReadOnlyList<MetricSnapshot> snapshots, TimeSpan duration, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0 || interval <= TimeSpan.Zero)
        {
            return (duration, false);
        }

        // Ticks fall at first + k * interval and read (due - interval, due]: tick k = ceil(span / interval) reads the last.
        var span = snapshots[^1].Timestamp - snapshots[0].Timestamp;
        var ticks = (span.Ticks + interval.Ticks - 1) / interval.Ticks + 1;
        var needed = ticks * interval.Ticks; // at most the span and two intervals: no overflow
        return needed < duration.Ticks ? (TimeSpan.FromTicks(needed), true) : (duration, false);
    }
}
