// Stability monitor: collects a snapshot every interval for a duration (default: every 30 minutes
// for 7 days), saves each raw, aggregates each day when it ends and writes the weekly summary.
// One source: --replay replays a data file on a simulated clock (the shipped week in about a second),
// --prometheus-url reads a live Prometheus, --data alone reads a snapshot file live. --test-mode is the
// fast mode: a run of 2 hours or less takes a snapshot every 10 minutes. --help lists every option.
// Progress goes to stdout, warnings and errors to stderr (with OBS_LOG_FORMAT=json also the library's log, one JSON object per line); the last line is machine-readable:
// days=<n> ticks=<run>/<planned> failed=<n> skipped=<n> rollback=<yes|no> interrupted=<yes|no>.
// Exit codes: 0 the run finished and its files are written, 1 bad arguments, a missing or malformed
// baseline, an unwritable output folder, no snapshot could be collected or an unexpected error,
// 130 interrupted by Ctrl+C or SIGTERM (what was collected is still written). No error shows a stack trace or a credential.
using System.Globalization;
using Microsoft.Extensions.Logging;
using Observability;
using Observability.Cli.Internal;
using Observability.Samples;
using Observability.Cli.Stability;
using Observability.Samples.StabilityMonitor;

SampleArguments arguments;
try
{
    arguments = SampleArguments.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 1;
}

if (arguments.Help)
{
    Console.Out.Write(SampleArguments.Usage);
    return 0;
}

foreach (var warning in arguments.Warnings)
{
    Console.Error.WriteLine($"warning: {warning}");
}

using var stop = new StopSignals(); // Ctrl+C and SIGTERM: exit 130 after writing what there is

try
{
    return await RunAsync(arguments, stop.Token);
}
catch (OperationCanceledException) when (stop.IsStopRequested)
{
    Console.Error.WriteLine("interrupted: before the first snapshot, nothing was written");
    return StopSignals.ExitCode;
}
catch (Exception e)
{
    // Anything the library did not turn into a result: one line, redacted, no stack trace.
    Console.Error.WriteLine($"error: the monitor stopped unexpectedly: {e.GetType().Name}: {OneLine(e.Message)}");
    return 1;
}


static async Task<int> RunAsync(SampleArguments arguments, CancellationToken cancellationToken)
{
    try
    {
        // Fail fast, before any tick, with the file and the problem named.
        StabilityBaseline.Load(arguments.Baseline);
    }
    catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }

    string output;
    try
    {
        output = Path.GetFullPath(arguments.Output);
        Directory.CreateDirectory(output);
        var probe = Path.Combine(output, $".write-test-{Guid.NewGuid():N}");
        File.WriteAllBytes(probe, []);
        File.Delete(probe);
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
    {
        Console.Error.WriteLine($"error: the output folder '{arguments.Output}' cannot be written: {OneLine(e.Message)}");
        return 1;
    }

    using var loggers = LogFormat.CreateFactory(arguments.Service);
    using var http = new HttpClient();
    ICollector collector = arguments.PrometheusUrl is { } endpoint
        ? new PrometheusCollector(
            "prometheus",
            new PrometheusCollectorOptions { Endpoint = endpoint, Service = arguments.Service, Step = arguments.Interval },
            http,
            TimeProvider.System,
            loggers)
        : new FileCollector("file", new FileCollectorOptions { Path = arguments.Data }, TimeProvider.System, loggers);
    TimeProvider clock = TimeProvider.System;
    if (arguments.Source == SampleSource.Replay)
    {
        // Start the simulated clock at the data's first snapshot.
        var all = await collector.CollectAsync(new CollectionWindow(DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)), cancellationToken);
        if (!all.HasData)
        {
            Console.Error.WriteLine($"error: no snapshot could be read from '{arguments.Data}': {string.Join("; ", all.Errors)}");
            return 1;
        }

        clock = new SimulatedClock(all.Snapshots[0].Timestamp);
        foreach (var problem in all.Errors.Take(3))
        {
            Console.Error.WriteLine($"warning: '{arguments.Data}': {OneLine(problem.ToString())}");
        }

        // A replay ends with its data: ticks past the last snapshot could only fail.
        (var bounded, var shortened) = ReplayRange.Bound(all.Snapshots, arguments.Duration, arguments.Interval);
        if (shortened)
        {
            Console.Error.WriteLine(
                $"warning: --duration {SampleArguments.Text(arguments.Duration)} runs past the data's last snapshot ({all.Snapshots[^1].Timestamp.UtcDateTime:yyyy-MM-dd HH:mm} UTC); the replay stops there, after {SampleArguments.Text(bounded)}.");
            arguments = arguments with { Duration = bounded };
        }
    }

    var options = new StabilityMonitorOptions
    {
        Duration = arguments.Duration,
        Interval = arguments.Interval,
        OutputDirectory = output,
        BaselinePath = arguments.Baseline,
        ServiceName = arguments.Service,
    };

    StabilityMonitor monitor;
    try
    {
        monitor = new StabilityMonitor(collector, options, clock, loggers.CreateLogger<StabilityMonitor>());
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"error: {OneLine(e.Message)}");
        return 1;
    }

    var mode = arguments.Source switch
    {
        SampleSource.Replay => " (replay on a simulated clock)",
        SampleSource.Prometheus => $" (Prometheus at {arguments.PrometheusUrl!.GetLeftPart(UriPartial.Authority)}, service '{arguments.Service}')",
        _ => $" (reading '{arguments.Data}' live)",
    };
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Stability monitor: {monitor.TicksPlanned} snapshots, one every {SampleArguments.Text(options.Interval)}{(arguments.TestMode ? " (test mode)" : string.Empty)} for {SampleArguments.Text(options.Duration)}, from {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC{mode}"));
    Console.WriteLine($"Output: {options.OutputDirectory}");
    var result = await monitor.RunAsync(new ConsoleProgress(Console.Out, Console.Error), cancellationToken);

    if (result.Days.Count > 0)
    {
        Console.WriteLine(ConsoleProgress.DayLine(result.Days[^1]));
    }

    if (result.Weekly is { } week)
    {
        Console.WriteLine(week.RollbackRecommended
            ? "Weekly summary: rollback recommended: " + string.Join(" ", week.RollbackReasons.Select(r => r.Message))
            : "Weekly summary: no rollback recommended.");
    }

    foreach (var finding in result.Findings.Where(f => f.Rule.StartsWith("data_gap", StringComparison.Ordinal)))
    {
        Console.WriteLine($"Collection: {finding.Message}");
    }

    foreach (var file in result.Files)
    {
        Console.WriteLine($"Wrote {file}");
    }

    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"days={result.Days.Count} ticks={result.TicksRun}/{result.TicksPlanned} failed={result.TicksFailed} skipped={result.TicksSkipped} rollback={(result.Weekly?.RollbackRecommended == true ? "yes" : "no")} interrupted={(result.Interrupted ? "yes" : "no")}"));

    if (result.Interrupted)
    {
        Console.Error.WriteLine("interrupted: the days collected so far were aggregated and written");
        return StopSignals.ExitCode;
    }

    if (result.TicksRun > 0 && result.TicksFailed == result.TicksRun)
    {
        Console.Error.WriteLine(arguments.PrometheusUrl is { } prometheus
            ? $"error: every collection failed; check that Prometheus answers at {prometheus.GetLeftPart(UriPartial.Authority)} and has the service '{arguments.Service}'"
            : $"error: every collection failed; check the data file '{arguments.Data}'");
        return 1;
    }

    return 0;
}

// One line, with any secret (a password in an address, token=..., Authorization: ...) masked.
static string OneLine(string text) =>
    new SecretRedactor(new RedactionOptions { VisibleSuffixLength = 0 })
        .RedactText(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
