using Observability.Tests.Prometheus;

namespace Observability.Samples.Tests;

/// <summary>
/// A week of OpenTelemetry HTTP server histograms (<c>http_server_request_duration_seconds</c>, one sample per 5 minutes)
/// ending at a given time, for two services told apart by their <c>job</c> label:
/// <list type="bullet">
/// <item><c>checkout</c>: about 6,000 requests per 5 minutes (20 per second, ±5 % from one interval to the next), 0.05 % of
/// them 500s, all week.</item>
/// <item><c>payments</c>: the same traffic, but in its last <see cref="IncidentLength"/> about 15 % of the requests are 500s.</item>
/// </list>
/// Realistic for the sample's defaults: latency stays well inside its 500 ms p99 target (p99 ≈ 0.1 + 0.15 × 140 / 180 ≈ 0.22 s
/// on a normal interval), a steady error rate leaves its 99.9 % availability SLO room (0.1 % would sit on the line and hold),
/// and the traffic has no daily cycle: the sample compares the last 2 hours' throughput with the week's mean, so a cycle
/// of ±30 % would read as a throughput regression at night and make the verdict depend on the hour the test runs.
/// </summary>
internal static class TwoServicesHistory
{
    public const string Family = "http_server_request_duration_seconds";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan IncidentLength = TimeSpan.FromHours(3);

    /// <summary>Finite bucket bounds, seconds (the OpenTelemetry SDK's defaults start the same way).</summary>
    public static readonly double[] Bounds = [0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

    /// <summary>The 200s per 5 minutes at the day's mean, per bucket (last: +Inf): 6,000 in all.</summary>
    public static readonly int[] Ok = [3200, 1800, 800, 180, 18, 2, 0];

    /// <summary>The usual 500s per 5 minutes: 3 of 6,003 requests, 0.05 %.</summary>
    public static readonly int[] Errors = [1, 1, 1, 0, 0, 0, 0];

    /// <summary>The incident's 500s per 5 minutes: 1,055 of 7,055 requests, 14.95 %.</summary>
    public static readonly int[] IncidentErrors = [500, 350, 150, 50, 5, 0, 0];

    /// <summary>Writes the week that ends at <paramref name="end"/> as OpenMetrics.</summary>
    public static void Write(string path, DateTimeOffset end)
    {
        var incidentStart = end - IncidentLength;
        new HistogramHistory(end.AddDays(-7), end, Interval, Bounds)
            .Add(Family, "job=\"checkout\",http_response_status_code=\"200\"", time => Jitter(Ok, time))
            .Add(Family, "job=\"checkout\",http_response_status_code=\"500\"", time => Jitter(Errors, time))
            .Add(Family, "job=\"payments\",http_response_status_code=\"200\"", time => Jitter(Ok, time))
            .Add(Family, "job=\"payments\",http_response_status_code=\"500\"", time => Jitter(time > incidentStart ? IncidentErrors : Errors, time))
            .Write(path);
    }

    /// <summary>
    /// The counts scaled by 0.95 to 1.05, the same for every series at one time (a hash of the interval's number, so the
    /// history is the same on every run for the same end), rounded half away from zero.
    /// </summary>
    private static int[] Jitter(int[] counts, DateTimeOffset time)
    {
        var number = (ulong)(time.ToUnixTimeSeconds() / 300);
        var factor = 0.95 + (0.1 * ((number * 2_654_435_761UL) % 1000) / 999);
        return [.. counts.Select(c => (int)Math.Round(c * factor, MidpointRounding.AwayFromZero))];
    }
}
