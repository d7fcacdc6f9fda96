using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Observability.Cli.Internal;

namespace Observability.Cli.Check;

/// <summary>Runs a check: one pass per service with the library, the summaries, the GitHub Actions outputs and the exit code.</summary>
internal static class CheckRunner
{
    private const string FilePathKey = "Collectors:File:Path";
    private const string BaselineKey = "Observability:BaselineFile";
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(CheckSettings settings, TextWriter stdout, CancellationToken cancellationToken)
    {
        var configuration = Configuration(settings);
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        IReadOnlyList<string?> services = settings.PrometheusUrl is null ? [settings.Services.FirstOrDefault()] : [.. settings.Services];
        var multiple = services.Count > 1;
        var results = new List<(string Service, MonitoringPassResult Result)>();
        foreach (var service in services)
        {
            results.Add(await RunOneAsync(settings, configuration, environment, service, multiple, stdout, cancellationToken).ConfigureAwait(false));
        }

        var worst = results.MaxBy(static r => ExitCodes.Severity(r.Result.Verdict.Decision)).Result;
        var health = results.Min(static r => r.Result.Report.Health.Value);
        var stability = results.Min(static r => r.Result.Report.Stability.Value);
        var alerts = results.Sum(static r => r.Result.Report.Alerts.Count);
        var verdict = ExitCodes.Token(worst.Verdict.Decision);
        if (multiple)
        {
            // The line a script reads: the worst verdict, the lowest scores, every alert.
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verdict={verdict} health={Score(health)} stability={Score(stability)} alerts={alerts}"));
        }

        if (GitHubActions.Active)
        {
            await GitHubActions.WriteOutputsAsync(
                [("verdict", verdict), ("health", Score(health).ToString(CultureInfo.InvariantCulture)), ("stability", Score(stability).ToString(CultureInfo.InvariantCulture)), ("alerts", alerts.ToString(CultureInfo.InvariantCulture))],
                cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.For(worst.Verdict.Decision);
    }

    private static async Task<(string Service, MonitoringPassResult Result)> RunOneAsync(
        CheckSettings settings, IConfiguration configuration, IConfiguration environment, string? serviceArgument, bool multiple, TextWriter stdout, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            // Every log entry goes to stderr (readable lines, or JSON lines with OBS_LOG_FORMAT=json); stdout is the summary.
            LogFormat.AddConsole(logging, configuration, "obs");
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Microsoft", LogLevel.Warning);
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        });

        var service = serviceArgument
            ?? (configuration["Observability:ServiceName"] is { Length: > 0 } configured ? configured : null)
            ?? (settings.DataFile is { } data ? Path.GetFileNameWithoutExtension(data) : "service");
        var observability = services.AddObservability(configuration.GetSection("Observability"));
        services.PostConfigure<ObservabilityOptions>(o =>
        {
            o.ServiceName = service;
            if (settings.Lookback is { } lookback)
            {
                o.LookbackWindow = lookback;
            }

            if (settings.BaselineFile is { } baseline)
            {
                o.BaselineFile = baseline;
            }

            if (settings.StateDirectory is { } state)
            {
                o.Alerts.StateDirectory = state;
            }

            if (settings.OutputDirectory is { } output)
            {
                o.Reports.OutputDirectory = multiple ? Path.Combine(output, service) : output;
            }
        });

        if (settings.PrometheusUrl is { } endpoint)
        {
            observability.AddPrometheusCollector(o =>
            {
                o.Endpoint = endpoint;
                o.Service = service;
                o.Preset = PrometheusPreset.OpenTelemetry;
                o.Step = settings.Interval;
            });
            await Console.Error.WriteLineAsync($"note: collecting service '{service}' from Prometheus at {endpoint.GetLeftPart(UriPartial.Authority)}").ConfigureAwait(false);
        }
        else
        {
            var path = settings.DataFile ?? DataFileFromConfiguration(settings, configuration);
            observability.AddFileCollector(o => o.Path = path);
        }

        if (settings.CommitStatusSha is { } sha)
        {
            await Console.Error.WriteLineAsync(CommitStatus.Add(observability, environment, sha, service, multiple)).ConfigureAwait(false);
        }

        observability.AddLogAlertSink().AddAllReporters();
        try
        {
            foreach (var note in AlertProviders.AddAlertProviders(observability, environment))
            {
                await Console.Error.WriteLineAsync(note).ConfigureAwait(false);
            }

            if (settings.StateDirectory is not null && AlertProviders.Value(environment, AlertProviders.Redis) is not null)
            {
                await Console.Error.WriteLineAsync($"note: the alert state is kept in Redis ({AlertProviders.Redis}), not in --state").ConfigureAwait(false);
            }
        }
        catch (FormatException e)
        {
            throw new UsageException($"the environment is not valid:{Environment.NewLine}  - {e.Message}");
        }

        var provider = services.BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            // What ValidateOnStart does when a host starts, each options type on its own: every problem, before any work.
            if (provider.ValidateObservabilityOptions() is { Count: > 0 } problems)
            {
                throw new UsageException($"the configuration is not valid:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
            }

            var options = provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
            var monitor = provider.GetRequiredService<IHealthMonitor>();

            var end = settings.WindowEnd ?? provider.GetRequiredService<TimeProvider>().GetUtcNow();
            var result = await monitor.RunOnceAsync(CollectionWindow.Ending(end, options.LookbackWindow), cancellationToken).ConfigureAwait(false);

            // A sink that was down gets a last chance before the process ends; what still waits is logged by the pipeline.
            using (var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                flush.CancelAfter(FlushTimeout);
                if (!await provider.GetRequiredService<IAlertPublisher>().FlushAsync(flush.Token).ConfigureAwait(false) && !cancellationToken.IsCancellationRequested)
                {
                    await Console.Error.WriteLineAsync("warning: some alerts could not be delivered before the flush timeout; see the log").ConfigureAwait(false);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var (days, week, files) = await PeriodSummaries.WriteAsync(result, options, settings.Interval, cancellationToken).ConfigureAwait(false);
            files = [.. files, .. await PeriodSummaries.WriteWeekPagesAsync(provider.GetServices<IReporter>(), result.Report, week, options, cancellationToken).ConfigureAwait(false)];
            if (GitHubActions.Active)
            {
                await GitHubActions.AppendStepSummaryAsync(await MarkdownAsync(result.Report, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

                // Before the summary, whose last line stays the machine line.
                if (GitHubActions.Annotation(service, result.Verdict) is { } annotation)
                {
                    stdout.WriteLine(annotation);
                }
            }

            SummaryWriter.Write(stdout, result, options, days, week, files);

            return (service, result);
        }
    }

    private static IConfiguration Configuration(CheckSettings settings)
    {
        var builder = new ConfigurationBuilder();
        if (settings.ConfigFile is { } file)
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        // Observability__Thresholds__... overrides a value of the file, as in any .NET app.
        builder.AddEnvironmentVariables();

        // The logging spec's ENABLE_ALERTS (and ENABLE_DEBUG_CMD) win over the file and Observability__Alerts__Enabled.
        builder.AddObservabilitySwitches();
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--config '{settings.ConfigFile}': {Redact.OneLine(e.InnerException?.Message ?? e.Message)}");
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        // Data and baseline paths in the file are relative to the file, wherever obs runs.
        if (settings.ConfigFile is { } config)
        {
            foreach (var key in new[] { FilePathKey, BaselineKey })
            {
                if (configuration[key] is { Length: > 0 } path && !Path.IsPathRooted(path))
                {
                    configuration[key] = Path.GetFullPath(path, Path.GetDirectoryName(config)!);
                }
            }
        }

        return configuration;
    }

    private static string DataFileFromConfiguration(CheckSettings settings, IConfiguration configuration)
    {
        if (configuration[FilePathKey] is not { Length: > 0 } path)
        {
            throw new UsageException($"--config '{settings.ConfigFile}' has no {FilePathKey}; give --data <file> or --prometheus-url <url> with --service <name>.");
        }

        return File.Exists(path) ? path : throw new UsageException($"--config '{settings.ConfigFile}': {FilePathKey} '{path}' does not exist.");
    }

    private static async Task<string> MarkdownAsync(HealthReport report, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await new MarkdownReporter().WriteAsync(report, buffer, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static long Score(double value)
        => double.IsFinite(value) ? (long)Math.Round(value, MidpointRounding.AwayFromZero) : 0;
}
