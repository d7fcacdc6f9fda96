namespace Observability.Internal;

/// <summary>
/// The usable samples of one SLO period, oldest first, with prefix sums of events, bad events and
/// traffic so that any trailing window is summed in O(log n) (a binary search for its start).
/// </summary>
internal sealed class SloSeries
{
    private readonly double[] _events;
    private readonly double[] _bad;
    private readonly double[] _traffic;

    private SloSeries(DateTimeOffset asOf, DateTimeOffset periodStart, SloSample[] samples, int skipped, int outside)
    {
        AsOf = asOf;
        PeriodStart = periodStart;
        Samples = samples;
        Skipped = skipped;
        Outside = outside;
        _events = new double[samples.Length + 1];
        _bad = new double[samples.Length + 1];
        _traffic = new double[samples.Length + 1];
        for (var i = 0; i < samples.Length; i++)
        {
            _events[i + 1] = _events[i] + samples[i].Events;
            _bad[i + 1] = _bad[i] + samples[i].Bad;
            _traffic[i + 1] = _traffic[i] + samples[i].Traffic;
        }
    }

    public DateTimeOffset AsOf { get; }

    public DateTimeOffset PeriodStart { get; }

    public SloSample[] Samples { get; }

    public int Skipped { get; }

    public int Outside { get; }

    public SloWindowTotals Total => new(_events[^1], _bad[^1], _traffic[^1]);

    /// <summary>The bad events of the samples [0, count).</summary>
    public double BadBefore(int count) => _bad[count];

    /// <summary>Reads the snapshots in (asOf - period, asOf] and sorts them by time (stable).</summary>
    public static SloSeries Build(SloDefinition slo, IEnumerable<MetricSnapshot> snapshots, DateTimeOffset asOf)
    {
        var periodStart = asOf - slo.Period;
        var samples = new SloSample[snapshots.TryGetNonEnumeratedCount(out var count) ? count : 16];
        int used = 0, skipped = 0, outside = 0;
        var sorted = true;
        foreach (var snapshot in snapshots)
        {
            if (snapshot is null)
            {
                throw new ArgumentException($"SLO '{slo.Name}': snapshot {used + skipped + outside} is null.", nameof(snapshots));
            }

            if (snapshot.Timestamp <= periodStart || snapshot.Timestamp > asOf)
            {
                outside++;
            }
            else if (SloSample.TryRead(slo, snapshot, out var sample))
            {
                if (used == samples.Length)
                {
                    Array.Resize(ref samples, samples.Length * 2);
                }

                sorted &= used == 0 || samples[used - 1].Time <= sample.Time;
                samples[used++] = sample;
            }
            else
            {
                skipped++;
            }
        }

        var array = used == samples.Length ? samples : samples[..used];
        if (!sorted)
        {
            // A stable sort: snapshots with equal timestamps keep their input order.
            array = [.. array.OrderBy(static s => s.Time)];
        }

        return new SloSeries(asOf, periodStart, array, skipped, outside);
    }

    /// <summary>Sums the trailing window (asOf - length, asOf].</summary>
    public SloWindowTotals Window(TimeSpan length)
    {
        var first = FirstAfter(AsOf - length);
        return new SloWindowTotals(_events[^1] - _events[first], _bad[^1] - _bad[first], _traffic[^1] - _traffic[first]);
    }

    /// <summary>The index of the first sample later than <paramref name="time"/>.</summary>
    private int FirstAfter(DateTimeOffset time)
    {
        int low = 0, high = Samples.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Samples[middle].Time <= time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
