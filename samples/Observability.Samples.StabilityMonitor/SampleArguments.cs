using System.Globalization;

namespace Observability.Samples.StabilityMonitor;

/// <summary>The command line: <c>--baseline --duration --interval --output --prometheus-url --data --test-mode</c>.</summary>
internal sealed record SampleArguments
{
    public const string Usage = """
        usage: Observability.Samples.StabilityMonitor [--test-mode] [--output <dir>] [--baseline <file>]
               [--duration <7d|168h|...>] [--interval <30m|...>] [--data <snapshots.csv>] [--prometheus-url <url> [--service <job>]]
          --test-mode        replay the data file on a simulated clock from its first timestamp (a 7-day run in seconds)
          --output           where raw snapshots and summaries go (default: ./stability-output)
          --baseline         JSON object of metric -> value that drift is measured against (default: data/baseline.json)
          --duration         how long to monitor (default 168h); units s, m, h, d or a TimeSpan such as 7.00:00:00
          --interval         time between snapshots (default 30m)
          --data             the snapshot file to read (default: the shipped data/checkout-7d.csv)
          --prometheus-url   read from Prometheus (OpenTelemetry HTTP metrics) instead of the file
          --service          the service (Prometheus job label) to monitor (default: checkout)
        """;

    public bool TestMode { get; init; }

    public string Output { get; init; } = "stability-output";

    public string Baseline { get; init; } = Path.Combine(AppContext.BaseDirectory, "data", "baseline.json");

    public string Data { get; init; } = Path.Combine(AppContext.BaseDirectory, "data", "checkout-7d.csv");

    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(168);

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(30);

    public string? PrometheusUrl { get; init; }

    public string Service { get; init; } = "checkout";

    public static SampleArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new SampleArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--test-mode")
            {
                parsed = parsed with { TestMode = true };
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new FormatException($"{name} needs a value.");
            }

            var value = args[++i];
            parsed = name switch
            {
                "--output" => parsed with { Output = value },
                "--baseline" => parsed with { Baseline = value },
                "--data" => parsed with { Data = value },
                "--duration" => parsed with { Duration = ParseDuration(name, value) },
                "--interval" => parsed with { Interval = ParseDuration(name, value) },
                "--prometheus-url" => parsed with { PrometheusUrl = value },
                "--service" => parsed with { Service = value },
                _ => throw new FormatException($"unknown option '{name}'."),
            };
        }

        return parsed;
    }

    private static TimeSpan ParseDuration(string name, string value)
    {
        var unit = value.Length > 1 ? value[^1] : ' ';
        var factor = unit switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (factor != TimeSpan.Zero && double.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return factor * count;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new FormatException($"{name} '{value}' is not a positive duration such as 30m, 168h, 7d or 7.00:00:00.");
    }
}
