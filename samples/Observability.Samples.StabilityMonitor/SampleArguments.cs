using System.Globalization;
using Observability.Cli.Internal;

namespace Observability.Samples.StabilityMonitor;

/// <summary>Where the snapshots come from.</summary>
internal enum SampleSource
{
    /// <summary><c>--replay</c>: the data file on a simulated clock from its first timestamp.</summary>
    Replay,

    /// <summary><c>--prometheus-url</c>: a live Prometheus on the real clock.</summary>
    Prometheus,

    /// <summary><c>--data</c> without <c>--replay</c>: a snapshot file that an exporter appends to, on the real clock.</summary>
    LiveFile,
}

/// <summary>
/// The command line (see <see cref="Usage"/>), parsed and checked without touching the disk or the network:
/// <see cref="Parse"/> is a pure function that throws <see cref="FormatException"/> with one message naming the
/// option and the problem. No message shows the user-info (credentials) of an address.
/// </summary>
internal sealed record SampleArguments
{
    /// <summary>The most snapshots one run may plan.</summary>
    public const int MaxSnapshots = 100_000;

    public const string Usage = """
        usage: Observability.Samples.StabilityMonitor (--replay | --prometheus-url <url> | --data <file>) [options]

        Takes a snapshot every --interval for --duration, saves each raw, aggregates each UTC day when it ends
        and writes the weekly summary. Give one source:
          --replay                replay the data file on a simulated clock from its first timestamp
                                  (the shipped week of the checkout service runs in about a second)
          --prometheus-url <url>  read a live Prometheus (OpenTelemetry HTTP metrics) on the real clock; an absolute
                                  http or https address without credentials, such as http://127.0.0.1:9090/
          --data <file>           the snapshot file (CSV or JSON lines); with --replay the file replayed (default:
                                  the shipped data/checkout-7d.csv), alone a file an exporter appends to, read live

        Options:
          --baseline <file>       the GA-day baseline JSON (metric -> value) that drift is measured against; required
                                  for a live run, with --replay the default is the shipped data/baseline.json
          --duration <time>       how long to monitor (default: 168, 7 days); a bare number is hours
          --interval <time>       the time between snapshots (default: 30); a bare number is minutes
          --test-mode             fast mode: a run of 2 hours or less takes a snapshot every 10 minutes (2 h = 12
                                  snapshots), whatever --interval says; works with every source
          --output <dir>          where the raw snapshots and the summaries go (default: stability/)
          --service <job>         the service (Prometheus job label) to monitor (default: checkout)
          -h, --help              print this help and exit

        Times: a bare number (hours for --duration, minutes for --interval), a number with a unit s, m, h or d
        (90s, 30m, 1.5h, 7d), or a TimeSpan such as 7.00:00:00. The interval is between 1 second and 1 day and
        at most the duration; the duration is at most 366 days and 100000 snapshots.

        Exit codes:
          0    the run finished and its files are written
          1    bad arguments, a missing or malformed baseline, an unwritable output folder, no snapshot could be
               collected, or an unexpected error
          130  interrupted (Ctrl+C or SIGTERM): the days collected so far are still aggregated and written

        Examples:
          --replay --output out                                the shipped week, in about a second
          --replay --test-mode --duration 2                    its first 2 hours: 12 snapshots
          --prometheus-url http://127.0.0.1:9090 --baseline ga_kpi_summary.json --service checkout

        """;

    /// <summary>The interval of <c>--test-mode</c> for short runs.</summary>
    public static readonly TimeSpan TestModeInterval = TimeSpan.FromMinutes(10);

    /// <summary>The longest run that <c>--test-mode</c> shortens the interval of.</summary>
    public static readonly TimeSpan TestModeMaxDuration = TimeSpan.FromHours(2);

    /// <summary>The longest duration a run may have.</summary>
    public static readonly TimeSpan MaxDuration = TimeText.Max;

    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    /// <summary>Gets a value indicating whether <c>--help</c> was asked for; nothing else is then set.</summary>
    public bool Help { get; init; }

    public SampleSource Source { get; init; }

    public bool TestMode { get; init; }

    public string Output { get; init; } = "stability";

    /// <summary>Gets the baseline file: the one given, or with <c>--replay</c> the shipped one.</summary>
    public string Baseline { get; init; } = ShippedFile("baseline.json");

    public string Data { get; init; } = ShippedFile("checkout-7d.csv");

    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(168);

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(30);

    public Uri? PrometheusUrl { get; init; }

    public string Service { get; init; } = "checkout";

    /// <summary>Gets what the parse changed or ignored, for stderr: for example the interval <c>--test-mode</c> replaced.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static SampleArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var replay = false;
        var testMode = false;
        string? output = null, baseline = null, data = null, duration = null, interval = null, url = null, service = null;
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument is "-h" or "--help")
            {
                return new SampleArguments { Help = true };
            }

            if (!argument.StartsWith('-'))
            {
                throw new FormatException($"unexpected argument '{Shown(argument)}'; options start with -- (see --help).");
            }

            // --name value, or --name=value.
            var equals = argument.StartsWith("--", StringComparison.Ordinal) ? argument.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals < 0 ? argument : argument[..equals];
            var inline = equals < 0 ? null : argument[(equals + 1)..];
            if (name is "--replay" or "--test-mode")
            {
                if (inline is not null)
                {
                    throw new FormatException($"{name} takes no value.");
                }

                replay |= name == "--replay";
                testMode |= name == "--test-mode";
                continue;
            }

            if (name is not ("--output" or "--baseline" or "--data" or "--duration" or "--interval" or "--prometheus-url" or "--service"))
            {
                throw new FormatException($"unknown option '{Shown(name)}'.");
            }

            var value = inline;
            if (value is null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                throw new FormatException($"{name} needs a value.");
            }

            switch (name)
            {
                case "--output": output = value; break;
                case "--baseline": baseline = value; break;
                case "--data": data = value; break;
                case "--duration": duration = value; break;
                case "--interval": interval = value; break;
                case "--prometheus-url": url = value; break;
                default: service = value; break;
            }
        }

        // The values first, then how they go together.
        var parsed = new SampleArguments { TestMode = testMode };
        parsed = parsed with
        {
            Duration = duration is null ? parsed.Duration : Time("--duration", duration, TimeSpan.FromHours(1), "hours"),
            Interval = interval is null ? parsed.Interval : Time("--interval", interval, TimeSpan.FromMinutes(1), "minutes"),
            Source = ChooseSource(replay, url, data, service),
            PrometheusUrl = url is null ? null : PrometheusAddress(url),
            Output = output ?? parsed.Output,
            Data = data ?? parsed.Data,
            Service = service?.Trim() ?? parsed.Service,
        };
        if (parsed.Source != SampleSource.Replay && baseline is null)
        {
            throw new FormatException(
                $"--baseline <file> is required with {(parsed.Source == SampleSource.Prometheus ? "--prometheus-url" : "--data")}: the GA-day baseline JSON that drift is measured against (only --replay defaults to the shipped data/baseline.json).");
        }

        parsed = parsed with { Baseline = baseline ?? parsed.Baseline };
        var warnings = new List<string>();
        if (parsed.Duration > MaxDuration)
        {
            throw new FormatException($"--duration {Text(parsed.Duration)} is longer than the longest run this sample takes, {Text(MaxDuration)}.");
        }

        if (testMode)
        {
            if (parsed.Duration <= TestModeMaxDuration)
            {
                if (interval is not null && parsed.Interval != TestModeInterval)
                {
                    warnings.Add($"--test-mode takes a snapshot every {Text(TestModeInterval)} in a run of {Text(TestModeMaxDuration)} or less; --interval {Text(parsed.Interval)} is not used.");
                }

                parsed = parsed with { Interval = TestModeInterval };
            }
            else
            {
                warnings.Add($"--test-mode shortens the interval only in a run of {Text(TestModeMaxDuration)} or less; this run of {Text(parsed.Duration)} keeps --interval {Text(parsed.Interval)}.");
            }
        }

        var setBy = testMode && parsed.Duration <= TestModeMaxDuration ? " (set by --test-mode)" : string.Empty;
        if (parsed.Interval < MinInterval || parsed.Interval > MaxInterval)
        {
            throw new FormatException($"--interval {Text(parsed.Interval)} is out of range: it must be between 1 second and 1 day.");
        }

        if (parsed.Interval > parsed.Duration)
        {
            throw new FormatException($"--interval {Text(parsed.Interval)}{setBy} is longer than --duration {Text(parsed.Duration)}.");
        }

        var snapshots = Math.Ceiling(parsed.Duration.Ticks / (double)parsed.Interval.Ticks);
        if (snapshots > MaxSnapshots)
        {
            throw new FormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"--duration {Text(parsed.Duration)} at --interval {Text(parsed.Interval)} is {snapshots:0} snapshots; a run takes at most {MaxSnapshots} (give a longer --interval or a shorter --duration)."));
        }

        return parsed with { Warnings = warnings };
    }

    /// <summary>Shows a time the way the options take it: <c>30m</c>, <c>2h</c>, <c>7d</c>, <c>1.5h</c>, <c>90s</c>.</summary>
    public static string Text(TimeSpan time) => TimeText.Text(time);

    /// <summary>Hides the user-info of an address in a text that is about to be shown: <c>http://***@host</c>.</summary>
    public static string Shown(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var at = text.LastIndexOf('@');
        return scheme >= 0 && at > scheme ? string.Concat(text.AsSpan(0, scheme + 3), "***", text.AsSpan(at)) : text;
    }

    private static string ShippedFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    private static SampleSource ChooseSource(bool replay, string? url, string? data, string? service)
    {
        if (url is not null)
        {
            if (replay)
            {
                throw new FormatException("--prometheus-url reads a live server and cannot be replayed; leave out --replay.");
            }

            if (data is not null)
            {
                throw new FormatException("--prometheus-url and --data are two sources; give one.");
            }

            return SampleSource.Prometheus;
        }

        if (service is not null)
        {
            throw new FormatException("--service names the job to read from Prometheus; it needs --prometheus-url.");
        }

        if (replay)
        {
            return SampleSource.Replay;
        }

        if (data is not null)
        {
            return SampleSource.LiveFile;
        }

        throw new FormatException(
            "no source: give --replay to replay the shipped week on a simulated clock, --prometheus-url <url> to read a live Prometheus, or --data <file> to read a snapshot file live.");
    }

    private static Uri PrometheusAddress(string value)
    {
        // The value is never echoed: it may hold a password.
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || address.Host.Length == 0)
        {
            throw new FormatException("--prometheus-url must be an absolute http or https address such as http://127.0.0.1:9090/.");
        }

        if (address.UserInfo.Length > 0)
        {
            throw new FormatException(
                "--prometheus-url must not carry credentials (user:password@ before the host; the address is not shown here). The sample reads Prometheus without authentication; a program that needs it sets PrometheusCollectorOptions.Username and Password or BearerToken.");
        }

        return address;
    }

    // The tool's own parsing (linked from Observability.Cli): one definition of what a time on the command line is.
    private static TimeSpan Time(string name, string value, TimeSpan bareUnit, string bareUnitName)
    {
        try
        {
            return TimeText.Parse(name, value, bareUnit, bareUnitName, "the longest run this sample takes");
        }
        catch (UsageException e)
        {
            throw new FormatException(e.Message);
        }
    }
}
