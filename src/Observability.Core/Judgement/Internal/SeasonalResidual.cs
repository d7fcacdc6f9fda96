namespace Observability.Internal;

/// <summary>
/// Takes a series' daily cycle out, causally: each value minus the mean of the values at the same
/// time of day on the earlier days seen so far (slots of the series' own step). Values without an
/// earlier day at their time of day have no residual yet. Detectors fed with residuals see a
/// changed level, not the ordinary swing between night and noon.
/// </summary>
internal sealed class SeasonalResidual
{
    private readonly Dictionary<long, (double Sum, int Count)> _slots = [];
    private readonly long _step;
    private readonly DateTimeOffset _origin;

    public SeasonalResidual(DateTimeOffset origin, TimeSpan step)
    {
        _origin = origin;
        _step = Math.Max(TimeSpan.TicksPerSecond, step.Ticks);
    }

    /// <summary>The residual of a value, then remembers the value for later days.</summary>
    public double? Next(DateTimeOffset time, double value)
    {
        var offset = (time - _origin).Ticks % TimeSpan.TicksPerDay;
        if (offset < 0)
        {
            offset += TimeSpan.TicksPerDay;
        }

        var slot = (long)Math.Round(offset / (double)_step) % Math.Max(1, TimeSpan.TicksPerDay / _step);
        double? residual = _slots.TryGetValue(slot, out var s) ? value - (s.Sum / s.Count) : null;
        _slots[slot] = (s.Sum + value, s.Count + 1);
        return residual;
    }

    /// <summary>The median step between consecutive timestamps; one minute when there are fewer than two.</summary>
    public static TimeSpan MedianStep(IReadOnlyList<DateTimeOffset> times)
    {
        var steps = new List<long>(Math.Min(times.Count, 1024));
        for (var i = 1; i < times.Count && steps.Count < 1024; i++)
        {
            var step = (times[i] - times[i - 1]).Ticks;
            if (step > 0)
            {
                steps.Add(step);
            }
        }

        if (steps.Count == 0)
        {
            return TimeSpan.FromMinutes(1);
        }

        steps.Sort();
        return TimeSpan.FromTicks(steps[steps.Count / 2]);
    }
}
