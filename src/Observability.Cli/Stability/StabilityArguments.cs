using System.Globalization;
using Observability.Cli.Internal;

namespace Observability.Cli.Stability;

/// <summary>Where the snapshots come from.</summary>
internal enum StabilitySource
{
    /// <summary><c>--replay --data</c>: the data file on a simulated clock from its first timestamp.</summary>
    Replay,

    /// <summary><c>--prometheus-url</c>: a live Prometheus on the real clock.</summary>
    Prometheus,

    /// <summary><c>--data</c> without <c>--replay</c>: a snapshot file that an exporter appends to, on the real clock.</summary>
    LiveFile,
}

/// <summary>
/// The stability monitor's command line with the stability monitor sample's rules
/// (samples/Observability.Samples.StabilityMonitor/SampleArguments.cs): a bare --duration is hours, a bare
/// --interval minutes, --test-mode takes a snapshot every 10 minutes in a run of 2 hours or less, one source,
/// a baseline for a live run. <see cref="Resolve"/> touches neither the disk nor the network and throws
/// <see cref="UsageException"/> naming the option and the problem.
/// </summary>
internal sealed record StabilityArguments
{
    /// <summary>The most snapshots one run may plan.</summary>
    public const int MaxSnapshots = 100_000;

    public static readonly TimeSpan TestModeInterval = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan TestModeMaxDuration = TimeSpan.FromHours(2);

    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    public StabilitySource Source { get; init; }

    public bool TestMode { get; init; }

    public string Output { get; init; } = "stability";

    public string? Baseline { get; init; }

    public string? Data { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(168);

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(30);

    public Uri? PrometheusUrl { get; init; }

    public string Service { get; init; } = "checkout";

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static StabilityArguments Resolve(
        bool replay, bool testMode, string? output, string? baseline, string? data, string? duration, string? interval, string? url, string? service)
    {
        var parsed = new StabilityArguments { TestMode = testMode };
        parsed = parsed with
        {
            Duration = duration is null ? parsed.Duration : TimeText.Parse("--duration", duration, TimeSpan.FromHours(1), "hours"),
            Interval = interval is null ? parsed.Interval : TimeText.Parse("--interval", interval, TimeSpan.FromMinutes(1), "minutes"),
            Source = ChooseSource(replay, url, data, service),
            PrometheusUrl = url is null ? null : Inputs.HttpAddress("--prometheus-url", url, "http://127.0.0.1:9090/"),
            Output = output ?? parsed.Output,
            Data = data,
            Service = service?.Trim() ?? parsed.Service,
            Baseline = baseline,
        };
        if (parsed.Source != StabilitySource.Replay && baseline is null)
        {
            throw new UsageException(
                $"--baseline <file> is required with {(parsed.Source == StabilitySource.Prometheus ? "--prometheus-url" : "--data")}: the GA-day baseline JSON that drift is measured against (only --replay may run without one).");
        }

        var warnings = new List<string>();
        if (parsed.Duration > TimeText.Max)
        {
            throw new UsageException($"--duration {TimeText.Text(parsed.Duration)} is longer than the longest run, {TimeText.Text(TimeText.Max)}.");
        }

        if (testMode)
        {
            if (parsed.Duration <= TestModeMaxDuration)
            {
                if (interval is not null && parsed.Interval != TestModeInterval)
                {
                    warnings.Add($"--test-mode takes a snapshot every {TimeText.Text(TestModeInterval)} in a run of {TimeText.Text(TestModeMaxDuration)} or less; --interval {TimeText.Text(parsed.Interval)} is not used.");
                }

                parsed = parsed with { Interval = TestModeInterval };
            }
            else
            {
                warnings.Add($"--test-mode shortens the interval only in a run of {TimeText.Text(TestModeMaxDuration)} or less; this run of {TimeText.Text(parsed.Duration)} keeps --interval {TimeText.Text(parsed.Interval)}.");
            }
        }

        var setBy = testMode && parsed.Duration <= TestModeMaxDuration ? " (set by --test-mode)" : string.Empty;
        if (parsed.Interval < MinInterval || parsed.Interval > MaxInterval)
        {
            throw new UsageException($"--interval {TimeText.Text(parsed.Interval)} is out of range: it must be between 1 second and 1 day.");
        }

        if (parsed.Interval > parsed.Duration)
        {
            throw new UsageException($"--interval {TimeText.Text(parsed.Interval)}{setBy} is longer than --duration {TimeText.Text(parsed.Duration)}.");
        }

        var snapshots = Math.Ceiling(parsed.Duration.Ticks / (double)parsed.Interval.Ticks);
        if (snapshots > MaxSnapshots)
        {
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"--duration {TimeText.Text(parsed.Duration)} at --interval {TimeText.Text(parsed.Interval)} is {snapshots:0} snapshots; a run takes at most {MaxSnapshots} (give a longer --interval or a shorter --duration)."));
        }

        return parsed with { Warnings = warnings };
    }

    private static StabilitySource ChooseSource(bool replay, string? url, string? data, string? service)
    {
        if (url is not null)
        {
            if (replay)
            {
                throw new UsageException("--prometheus-url reads a live server and cannot be replayed; leave out --replay.");
            }

            return data is not null ? throw new UsageException("--prometheus-url and --data are two sources; give one.") : StabilitySource.Prometheus;
        }

        if (service is not null)
        {
            throw new UsageException("--service names the job to read from Prometheus; it needs --prometheus-url.");
        }

        if (replay)
        {
            return data is null ? throw new UsageException("--replay needs --data <file>: the snapshot file (CSV or JSON lines) to replay.") : StabilitySource.Replay;
        }

        return data is not null
            ? StabilitySource.LiveFile
            : throw new UsageException("no source: give --replay --data <file> to replay a snapshot file on a simulated clock, --prometheus-url <url> to read a live Prometheus, or --data <file> to read a snapshot file live.");
    }
}
