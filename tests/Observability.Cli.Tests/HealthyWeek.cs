using System.Globalization;
using System.Text;

namespace Observability.Cli.Tests;

/// <summary>
/// A healthy week of snapshots: 7 days every 30 minutes with a daily traffic cycle, errors at 0.04 %,
/// p95 about 160 ms (+/- 25 % with the cycle) and p99 twice the p95.
/// </summary>
internal static class HealthyWeek
{
    public static readonly DateTimeOffset Start = new(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset End => Start.AddDays(7);

    public static string Write(string path)
    {
        var csv = new StringBuilder("timestamp,availability,error_rate,request_count,job_count,error_count,latency_p95_ms,latency_p99_ms,cpu_utilization,memory_utilization\n");
        for (var i = 0; i < 7 * 48; i++)
        {
            var time = Start.AddMinutes(30 * i);
            var cycle = Math.Sin(2 * Math.PI * time.TimeOfDay.TotalHours / 24);
            var requests = (int)Math.Round(2000 + (800 * cycle));
            const double errorRate = 0.0004;
            var p95 = 160 * (1 + (0.25 * cycle));
            csv.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-ddTHH:mm:ssZ},{1 - errorRate:0.######},{errorRate:0.######},{requests},20,{requests * errorRate:0.##},{p95:0.0},{2 * p95:0.0},{0.3 + (0.1 * cycle):0.####},0.55\n");
        }

        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
