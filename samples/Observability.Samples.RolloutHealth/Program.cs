// Rollout health: one monitoring pass over seven days of the checkout service, judged
// on its last two hours. Prints a readable summary to stdout and ends with one
// machine-readable line: verdict=<...> health=<n> stability=<n> alerts=<n>.
//
// Settings, later ones winning: appsettings.json (next to the binary), environment
// variables (Observability__ServiceName=...), the command line
// (--Observability:ServiceName=... or --output <dir>). Logs go to stderr.
// Exit codes: 0 the pass ran (whatever the verdict), 1 bad configuration, 130 cancelled (Ctrl+C or SIGTERM).
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Cli.Check;
using Observability.Cli.Internal;
using Observability.Samples;
using Observability.Samples.RolloutHealth;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json is copied next to the binary; find it whatever the current directory is.
    ContentRootPath = AppContext.BaseDirectory,
});
try
{
    // The logging spec's ENABLE_ALERTS / ENABLE_DEBUG_CMD override the file and Observability__... variables; the command line wins over them.
    builder.Configuration.AddObservabilitySwitches();
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: the configuration is not valid:\n  - {e.Message}");
    return 1;
}

builder.Configuration.AddCommandLine(args, SampleSettings.SwitchMappings);
SampleSettings.ResolveDataPath(builder.Configuration);

builder.Logging.ClearProviders();
// Every log entry goes to stderr (one JSON object per line with OBS_LOG_FORMAT=json or Logging:Format=json); stdout is the summary.
LogFormat.AddConsole(builder.Logging, builder.Configuration, builder.Configuration["Observability:ServiceName"] ?? "checkout");

(Uri Endpoint, string Service)? prometheus;
try
{
    prometheus = ProviderSettings.Prometheus(builder.Configuration, builder.Configuration["Observability:ServiceName"] ?? "checkout");
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: the configuration is not valid:\n  - {e.Message}");
    return 1;
}

var observability = builder.Services.AddObservability(builder.Configuration.GetSection("Observability"));
if (prometheus is { } source)
{
    // The last 7 days of the service's OpenTelemetry HTTP metrics, one snapshot per 30 minutes, ending now.
    observability.AddPrometheusCollector(o =>
    {
        o.Endpoint = source.Endpoint;
        o.Service = source.Service;
        o.Preset = PrometheusPreset.OpenTelemetry;
        o.Step = TimeSpan.FromMinutes(30);
    });
    builder.Services.PostConfigure<ObservabilityOptions>(o => o.ServiceName = source.Service);
    builder.Configuration[SampleSettings.WindowEndKey] = string.Empty;
    Console.Error.WriteLine($"note: collecting service '{source.Service}' from Prometheus ({ProviderSettings.PrometheusUrl})");
}
else
{
    observability.AddFileCollector(builder.Configuration.GetSection("Collectors:File"));
}

observability
    .AddLogAlertSink()
    .AddJsonReporter()
    .AddMarkdownReporter()
    .AddHtmlReporter()
    .AddPdfReporter()
    .AddOperationalReporter()
    .AddSnapshotCsvReporter()
    .AddSloViolationsReporter();

try
{
    foreach (var note in ProviderSettings.AddAlertProviders(observability, builder.Configuration))
    {
        Console.Error.WriteLine(note);
    }
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: the configuration is not valid:\n  - {e.Message}");
    return 1;
}

using var host = builder.Build();
using var stop = new StopSignals(); // Ctrl+C and SIGTERM: exit 130 after writing what there is

// What ValidateOnStart does when a host starts, without starting hosted services: every
// options problem is reported here, each naming its setting, before any work.
if (host.Services.ValidateObservabilityOptions() is { Count: > 0 } problems)
{
    Console.Error.WriteLine("error: the configuration is not valid:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"  - {problem}");
    }

    return 1;
}

var options = host.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
var monitor = host.Services.GetRequiredService<IHealthMonitor>();
CollectionWindow window;
try
{
    window = CollectionWindow.Ending(SampleSettings.WindowEnd(builder.Configuration, host.Services.GetRequiredService<TimeProvider>()), options.LookbackWindow);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"error: the configuration is not valid:\n  - {e.Message}");
    return 1;
}

try
{
    var result = await monitor.RunOnceAsync(window, stop.Token);

    // A sink that was down gets a last chance before the process ends; what still waits is logged by the pipeline.
    using (var flush = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
    {
        flush.CancelAfter(builder.Configuration.GetValue("Sample:AlertFlushTimeout", TimeSpan.FromSeconds(30)));
        if (!await host.Services.GetRequiredService<IAlertPublisher>().FlushAsync(flush.Token) && !stop.IsStopRequested)
        {
            Console.Error.WriteLine("warning: some alerts could not be delivered before the flush timeout; see the log");
        }
    }

    var interval = builder.Configuration.GetValue("Sample:SnapshotInterval", TimeSpan.FromMinutes(30));
    var (days, week, files) = await PeriodSummaries.WriteAsync(result, options, interval, stop.Token);
    // The pass wrote dashboard.html, the PDF and the operational report without the week; now that the week is summarised,
    // they get its daily table, and weekly_summary.html and weekly_summary.pdf (the week alone) are written beside them.
    files = [.. files, .. await PeriodSummaries.WriteWeekPagesAsync(host.Services.GetServices<IReporter>(), result.Report, week, options, stop.Token)];

    SummaryWriter.Write(Console.Out, result, options, days, week, files);
    return 0;
}
catch (OperationCanceledException) when (stop.IsStopRequested)
{
    Console.Error.WriteLine("cancelled");
    return StopSignals.ExitCode;
}

