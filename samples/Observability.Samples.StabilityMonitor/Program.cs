// Stability monitor: collects a snapshot every interval for a duration (default: every 30 minutes
// for 7 days), saves each raw, aggregates each day when it ends and writes the weekly summary.
// --test-mode replays the shipped 7-day data set on a simulated clock: the whole week in seconds.
// Progress goes to stdout, warnings and errors to stderr; the last line is machine-readable:
// days=<n> ticks=<run>/<planned> failed=<n> skipped=<n> rollback=<yes|no> interrupted=<yes|no>.
// Exit codes: 0 the run finished and its files are written, 1 bad arguments, a missing or malformed
// baseline, or no snapshot could be collected, 130 interrupted (what was collected is still written).
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Observability;
using Observability.Samples.StabilityMonitor;

SampleArguments arguments;
try
{
    arguments = SampleArguments.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(SampleArguments.Usage);
    return 1;
}

Uri? prometheusUrl = null;
if (arguments.PrometheusUrl is not null
    && (!Uri.TryCreate(arguments.PrometheusUrl, UriKind.Absolute, out prometheusUrl) || prometheusUrl.Scheme is not ("http" or "https") || arguments.TestMode))
{
    Console.Error.WriteLine(arguments.TestMode
        ? "error: --prometheus-url reads a live server and cannot be replayed; leave out --test-mode."
        : "error: --prometheus-url must be an absolute http or https address such as http://127.0.0.1:9090/.");
    return 1;
}

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

using var http = new HttpClient();
ICollector collector = prometheusUrl is null
    ? new FileCollector("file", new FileCollectorOptions { Path = arguments.Data }, TimeProvider.System, NullLoggerFactory.Instance)
    : new PrometheusCollector(
        "prometheus",
        new PrometheusCollectorOptions { Endpoint = prometheusUrl, Service = arguments.Service, Step = arguments.Interval },
        http,
        TimeProvider.System,
        NullLoggerFactory.Instance);
TimeProvider clock = TimeProvider.System;
if (arguments.TestMode)
{
    // Start the simulated clock at the data's first snapshot.
    var all = await collector.CollectAsync(new CollectionWindow(DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    if (!all.HasData)
    {
        Console.Error.WriteLine($"error: no snapshot could be read from '{arguments.Data}': {string.Join("; ", all.Errors)}");
        return 1;
    }

    clock = new SimulatedClock(all.Snapshots[0].Timestamp);
}

var options = new StabilityMonitorOptions
{
    Duration = arguments.Duration,
    Interval = arguments.Interval,
    OutputDirectory = Path.GetFullPath(arguments.Output),
    BaselinePath = arguments.Baseline,
};

StabilityMonitor monitor;
try
{
    monitor = new StabilityMonitor(collector, options, clock);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stability monitor: {monitor.TicksPlanned} snapshots, one every {options.Interval}, from {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC{(arguments.TestMode ? " (simulated clock)" : string.Empty)}"));
Console.WriteLine($"Output: {options.OutputDirectory}");
var result = await monitor.RunAsync(new ConsoleProgress(Console.Out, Console.Error), cancellation.Token);

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
    return 130;
}

if (result.TicksRun > 0 && result.TicksFailed == result.TicksRun)
{
    Console.Error.WriteLine(prometheusUrl is null
        ? $"error: every collection failed; check the data file '{arguments.Data}'"
        : $"error: every collection failed; check that Prometheus answers at {prometheusUrl.GetLeftPart(UriPartial.Authority)} and has the service '{arguments.Service}'");
    return 1;
}

return 0;
