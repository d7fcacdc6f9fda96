using Observability.Tests.Prometheus;

namespace Observability.Providers.Prometheus.Tests.Integration;

/// <summary>
/// The week of history loaded into the real Prometheus: 5-minute samples from <see cref="Start"/> to <see cref="End"/>
/// (2,016 intervals) of HTTP request-duration histograms, each interval adding the same bucket counts, except the
/// incident hour, whose 500s are five times more. Bucket bounds are chosen so every quantile falls inside a bucket and
/// is found exactly by linear interpolation (see <see cref="Quantile"/>).
/// </summary>
internal static class HttpTrafficHistory
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset End = Start.AddDays(7);

    /// <summary>The incident: the intervals ending in (12:00, 13:00] on 2025-01-09 carry <see cref="IncidentErrors"/>.</summary>
    public static readonly DateTimeOffset IncidentStart = new(2025, 1, 9, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>The upper bounds of the finite buckets, seconds.</summary>
    public static readonly double[] Bounds = [0.1, 0.2, 0.4, 0.8, 1.6];

    /// <summary>Requests per 5 minutes per bucket (not cumulative; the last is the +Inf overflow) of the 200s: 980 in all.</summary>
    public static readonly int[] Ok = [400, 300, 150, 90, 40, 0];

    /// <summary>The 500s of a normal interval: 20 in all, so the error rate is 20 / 1,000 = 2 %.</summary>
    public static readonly int[] Errors = [5, 5, 5, 3, 2, 0];

    /// <summary>The 500s of an incident interval: 100 in all, slower.</summary>
    public static readonly int[] IncidentErrors = [0, 10, 20, 30, 30, 10];

    /// <summary>(metric family, status label, service label set) of each histogram written.</summary>
    private static readonly (string Family, string StatusLabel, string Service)[] Histograms =
    [
        ("http_server_request_duration_seconds", "http_response_status_code", "job=\"checkout\""),
        ("http_server_request_duration_seconds", "http_response_status_code", "job=\"otel-collector\",service_name=\"payments\""),
        ("http_request_duration_seconds", "code", "job=\"legacy\""),
    ];

    public static bool InIncident(DateTimeOffset intervalEnd) => intervalEnd > IncidentStart && intervalEnd <= IncidentStart.AddHours(1);

    /// <summary>Writes the OpenMetrics text that <c>promtool tsdb create-blocks-from openmetrics</c> reads.</summary>
    public static void Write(string path)
    {
        var history = new HistogramHistory(Start, End, Interval, Bounds);
        foreach (var (family, statusLabel, service) in Histograms)
        {
            history.Add(family, $"{service},{statusLabel}=\"200\"", static _ => Ok);
            history.Add(family, $"{service},{statusLabel}=\"500\"", static time => InIncident(time) ? IncidentErrors : Errors);
        }

        history.Write(path);
    }

    /// <summary>
    /// The quantile Prometheus' <c>histogram_quantile</c> gives for per-bucket counts (not cumulative, last = +Inf):
    /// the rank q × total falls in the first bucket whose cumulative count reaches it, interpolated linearly between the
    /// bucket's bounds (the first bucket starts at 0); a rank in the +Inf bucket gives the highest finite bound.
    /// </summary>
    public static double Quantile(double q, IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        var rank = q * total;
        long below = 0;
        for (var b = 0; b < counts.Count; b++)
        {
            var upTo = below + counts[b];
            if (upTo >= rank)
            {
                if (b == Bounds.Length)
                {
                    return Bounds[^1];
                }

                var lower = b == 0 ? 0 : Bounds[b - 1];
                return lower + ((Bounds[b] - lower) * (rank - below) / counts[b]);
            }

            below = upTo;
        }

        return Bounds[^1];
    }

    /// <summary>Adds per-bucket counts of one interval, <paramref name="times"/> times.</summary>
    public static long[] Add(long[] into, int[] counts, int times = 1)
    {
        for (var b = 0; b < counts.Length; b++)
        {
            into[b] += (long)counts[b] * times;
        }

        return into;
    }
}
