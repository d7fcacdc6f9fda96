using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Observability.Cli.Internal;

namespace Observability.Cli.Stability;

/// <summary><c>obs stability</c>: the 7-day stability monitor, with the stability monitor sample's command line.</summary>
internal static class StabilityCommand
{
    public static Command Create()
    {
        var replay = new Option<bool>("--replay") { Description = "Replay the --data file on a simulated clock from its first timestamp (a week in about a second)." };
        var prometheus = new Option<string>("--prometheus-url") { Description = "Read a live Prometheus (OpenTelemetry HTTP metrics) on the real clock; no credentials in the address.", HelpName = "url" };
        var data = new Option<string>("--data") { Description = "The snapshot file (CSV or JSON lines): replayed with --replay, else read live as an exporter appends to it.", HelpName = "file" };
        var baseline = new Option<string>("--baseline") { Description = "The GA-day baseline JSON (metric -> value) drift is measured against; required for a live run.", HelpName = "file" };
        var duration = new Option<string>("--duration") { Description = "How long to monitor (default: 168, 7 days); a bare number is hours, or 30m, 2h, 7d.", HelpName = "time" };
        var interval = new Option<string>("--interval") { Description = "The time between snapshots (default: 30); a bare number is minutes, between 1 second and 1 day.", HelpName = "time" };
        var testMode = new Option<bool>("--test-mode") { Description = "Fast mode: a run of 2 hours or less takes a snapshot every 10 minutes (2 h = 12 snapshots)." };
        var output = new Option<string>("--output") { Description = "Where the raw snapshots and the summaries go (default: stability/).", HelpName = "dir" };
        var service = new Option<string>("--service") { Description = "The service (Prometheus job label) to monitor (default: checkout).", HelpName = "job" };
        var command = new Command(
            "stability",
            "The 7-day stability monitor: a snapshot every --interval for --duration, each saved raw (day_NN_raw/snapshot_*.json), each UTC day "
            + "aggregated when it ends (day_NN_summary.json) and the weekly summary (weekly_summary.json, .md). The last line is "
            + "days=<n> ticks=<run>/<planned> failed=<n> skipped=<n> rollback=<yes|no> interrupted=<yes|no>. "
            + "Exit codes: 0 the run finished and its files are written, 1 bad arguments, a bad baseline, an unwritable folder or no snapshot collected, 130 interrupted (what was collected is still written).")
        {
            replay, prometheus, data, baseline, duration, interval, testMode, output, service,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = StabilityArguments.Resolve(
                parse.GetValue(replay), parse.GetValue(testMode), parse.GetValue(output), parse.GetValue(baseline), parse.GetValue(data),
                parse.GetValue(duration), parse.GetValue(interval), parse.GetValue(prometheus), parse.GetValue(service));
            foreach (var warning in arguments.Warnings)
            {
                await Console.Error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
            }

            return await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(StabilityArguments arguments, CancellationToken cancellationToken)
    {
        var data = arguments.Data is { } dataFile ? Inputs.ExistingFile("--data", dataFile) : null;
        var baseline = arguments.Baseline is { } b ? Inputs.ExistingFile("--baseline", b) : null;
        if (baseline is not null)
        {
            try
            {
                // Fail fast, before any tick, with the file and the problem named.
                StabilityBaseline.Load(baseline);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
        }

        var output = Inputs.WritableDirectory("--output", arguments.Output);
        using var loggers = LogFormat.CreateFactory("obs");
        using var http = new HttpClient();
        ICollector collector = arguments.PrometheusUrl is { } endpoint
            ? new PrometheusCollector(
                "prometheus",
                new PrometheusCollectorOptions { Endpoint = endpoint, Service = arguments.Service, Step = arguments.Interval },
                http,
                TimeProvider.System,
                loggers)
            : new FileCollector("file", new FileCollectorOptions { Path = data }, TimeProvider.System, loggers);
        TimeProvider clock = TimeProvider.System;
        if (arguments.Source == StabilitySource.Replay)
        {
            // Start the simulated clock at the data's first snapshot.
            var all = await collector.CollectAsync(new CollectionWindow(DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)), cancellationToken).ConfigureAwait(false);
            if (!all.HasData)
            {
                throw new UsageException($"--data '{arguments.Data}': no snapshot could be read: {string.Join("; ", all.Errors)}");
            }

            clock = new SimulatedClock(all.Snapshots[0].Timestamp);
            foreach (var problem in all.Errors.Take(3))
            {
                await Console.Error.WriteLineAsync($"warning: --data '{arguments.Data}': {Redact.OneLine(problem.ToString())}").ConfigureAwait(false);
            }

            // A replay ends with its data: ticks past the last snapshot could only fail.
            (var bounded, var shortened) = ReplayRange.Bound(all.Snapshots, arguments.Duration, arguments.Interval);
            if (shortened)
            {
                await Console.Error.WriteLineAsync(
                    $"warning: --duration {TimeText.Text(arguments.Duration)} runs past the data's last snapshot ({all.Snapshots[^1].Timestamp.UtcDateTime:yyyy-MM-dd HH:mm} UTC); the replay stops there, after {TimeText.Text(bounded)}.").ConfigureAwait(false);
                arguments = arguments with { Duration = bounded };
            }
        }

        var options = new StabilityMonitorOptions
        {
            Duration = arguments.Duration,
            Interval = arguments.Interval,
            OutputDirectory = output,
            BaselinePath = baseline,
            ServiceName = arguments.Service,
        };
        StabilityMonitor monitor;
        try
        {
            monitor = new StabilityMonitor(collector, options, clock, loggers.CreateLogger<StabilityMonitor>());
        }
        catch (ArgumentException e)
        {
            throw new UsageException(Redact.OneLine(e.Message));
        }

        var mode = arguments.Source switch
        {
            StabilitySource.Replay => " (replay on a simulated clock)",
            StabilitySource.Prometheus => $" (Prometheus at {arguments.PrometheusUrl!.GetLeftPart(UriPartial.Authority)}, service '{arguments.Service}')",
            _ => $" (reading '{arguments.Data}' live)",
        };
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Stability monitor: {monitor.TicksPlanned} snapshots, one every {TimeText.Text(options.Interval)}{(arguments.TestMode ? " (test mode)" : string.Empty)} for {TimeText.Text(options.Duration)}, from {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC{mode}"));
        Console.WriteLine($"Output: {options.OutputDirectory}");
        var result = await monitor.RunAsync(new ConsoleProgress(Console.Out, Console.Error), cancellationToken).ConfigureAwait(false);
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

        foreach (var file in result.Files)
        {
            Console.WriteLine($"Wrote {file}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"days={result.Days.Count} ticks={result.TicksRun}/{result.TicksPlanned} failed={result.TicksFailed} skipped={result.TicksSkipped} rollback={(result.Weekly?.RollbackRecommended == true ? "yes" : "no")} interrupted={(result.Interrupted ? "yes" : "no")}"));
        if (result.Interrupted)
        {
            await Console.Error.WriteLineAsync("interrupted: the days collected so far were aggregated and written").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }

        if (result.TicksRun > 0 && result.TicksFailed == result.TicksRun)
        {
            await Console.Error.WriteLineAsync(arguments.PrometheusUrl is { } prometheus
                ? $"error: every collection failed; check that Prometheus answers at {prometheus.GetLeftPart(UriPartial.Authority)} and has the service '{arguments.Service}'"
                : $"error: every collection failed; check the data file '{arguments.Data}'").ConfigureAwait(false);
            return ExitCodes.BadUsage;
        }

        return 0;
    }
}
