using System.Globalization;
using System.Text;

namespace Observability.Tests.Prometheus;

/// <summary>
/// A history of request-duration histograms for <see cref="PrometheusServer"/>: samples every <see cref="Interval"/> from
/// <see cref="Start"/> to <see cref="End"/>, one cumulative series per label set, written as the OpenMetrics text that
/// <c>promtool tsdb create-blocks-from openmetrics</c> reads. The first sample (at <see cref="Start"/>) is all zeros; each
/// later one adds the per-bucket counts its series gives for the interval ending then.
/// </summary>
/// <remarks>Linked into several test projects from <c>tests/Shared/Prometheus</c>: one copy of the code.</remarks>
internal sealed class HistogramHistory
{
    private readonly List<(string Family, string Labels, Func<DateTimeOffset, IReadOnlyList<int>> Counts)> _series = [];

    /// <summary>Creates an empty history.</summary>
    /// <param name="start">The first sample's time (all counters zero).</param>
    /// <param name="end">The last sample's time; a whole number of intervals after <paramref name="start"/>.</param>
    /// <param name="interval">The time between samples.</param>
    /// <param name="bounds">The upper bounds of the finite buckets, seconds, ascending.</param>
    public HistogramHistory(DateTimeOffset start, DateTimeOffset end, TimeSpan interval, IReadOnlyList<double> bounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        ArgumentNullException.ThrowIfNull(bounds);
        if ((end - start).Ticks % interval.Ticks != 0)
        {
            throw new ArgumentException($"The history from {start:O} to {end:O} is not a whole number of {interval} intervals.", nameof(end));
        }

        Start = start;
        End = end;
        Interval = interval;
        Bounds = bounds;
    }

    /// <summary>The first sample's time.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The last sample's time.</summary>
    public DateTimeOffset End { get; }

    /// <summary>The time between samples.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The upper bounds of the finite buckets, seconds.</summary>
    public IReadOnlyList<double> Bounds { get; }

    /// <summary>
    /// Adds a series of histogram <paramref name="family"/> (e.g. <c>http_server_request_duration_seconds</c>) with the
    /// <paramref name="labels"/> written as is (e.g. <c>job="checkout",http_response_status_code="200"</c>).
    /// <paramref name="counts"/> gives, for the end of each interval, the requests per bucket (not cumulative; one more than
    /// <see cref="Bounds"/>, the last being +Inf). A request counts in the sum at its bucket's upper bound (+Inf: twice the
    /// highest finite bound).
    /// </summary>
    public HistogramHistory Add(string family, string labels, Func<DateTimeOffset, IReadOnlyList<int>> counts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(counts);
        _series.Add((family, labels, counts));
        return this;
    }

    /// <summary>Writes every series to <paramref name="path"/>, grouped by family, ending with <c># EOF</c>.</summary>
    public void Write(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        var intervals = (int)((End - Start) / Interval);
        foreach (var family in _series.Select(static s => s.Family).Distinct())
        {
            writer.WriteLine($"# TYPE {family} histogram");
            foreach (var (_, labels, counts) in _series.Where(s => s.Family == family))
            {
                var cumulative = new long[Bounds.Count + 1];
                double sum = 0;
                for (var k = 0; k <= intervals; k++)
                {
                    var time = Start + (k * Interval);
                    if (k > 0)
                    {
                        var added = counts(time);
                        if (added.Count != cumulative.Length)
                        {
                            throw new InvalidOperationException($"{family}{{{labels}}} at {time:O}: {added.Count} bucket counts, expected {cumulative.Length} (the finite buckets and +Inf).");
                        }

                        for (var b = 0; b < added.Count; b++)
                        {
                            cumulative[b] += added[b];
                            sum += added[b] * (b < Bounds.Count ? Bounds[b] : 2 * Bounds[^1]);
                        }
                    }

                    WriteSample(writer, family, labels, time, cumulative, sum);
                }
            }
        }

        writer.WriteLine("# EOF");
    }

    private void WriteSample(StreamWriter writer, string family, string labels, DateTimeOffset time, long[] cumulative, double sum)
    {
        var seconds = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        long running = 0;
        for (var b = 0; b < cumulative.Length; b++)
        {
            running += cumulative[b];
            var le = b < Bounds.Count ? Bounds[b].ToString("0.0##", CultureInfo.InvariantCulture) : "+Inf";
            writer.WriteLine($"{family}_bucket{{{labels},le=\"{le}\"}} {running} {seconds}");
        }

        writer.WriteLine($"{family}_count{{{labels}}} {running} {seconds}");
        writer.WriteLine($"{family}_sum{{{labels}}} {sum.ToString("0.###", CultureInfo.InvariantCulture)} {seconds}");
    }
}
