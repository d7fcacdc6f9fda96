using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Observability.Cli.Check;
using Observability.Cli.Internal;

namespace Observability.Cli.Rollback;

/// <summary>Runs a confirmed rollback with the library's <see cref="IEmergencyRollback"/>: the same code as an automatic rollback in a host.</summary>
internal static class RollbackRunner
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(RollbackSettings settings, TextWriter stdout, CancellationToken cancellationToken)
    {
        var configuration = Configuration(settings.ConfigFile);
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Microsoft", LogLevel.Warning);
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        });
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var service = settings.Service
            ?? (configuration["Observability:ServiceName"] is { Length: > 0 } configured ? configured : null)
            ?? throw new UsageException("no service: give --service <name>, or Observability:ServiceName in --config.");
        var observability = services.AddObservability(configuration.GetSection("Observability"));
        services.PostConfigure<ObservabilityOptions>(o =>
        {
            o.ServiceName = service;
            o.Rollback.AuditDirectory = settings.StateDirectory;

            // Configuring a sink through OBS_* is the opt-in: the rollback alert goes to every configured sink.
            o.Alerts.Enabled = true;
        });
        observability.AddLogAlertSink();
        try
        {
            foreach (var note in AlertProviders.AddAlertProviders(observability, new ConfigurationBuilder().AddEnvironmentVariables().Build()))
            {
                await Console.Error.WriteLineAsync(note).ConfigureAwait(false);
            }
        }
        catch (FormatException e)
        {
            throw new UsageException($"the environment is not valid:{Environment.NewLine}  - {e.Message}");
        }

        var provider = services.BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            if (provider.ValidateObservabilityOptions() is { Count: > 0 } problems)
            {
                throw new UsageException($"the configuration is not valid; nothing was run:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
            }

            var rollback = provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Rollback;
            if (rollback.Command.FileName is null && rollback.Http.Url is null)
            {
                throw new UsageException(
                    "no rollback action is configured; nothing was run: set Observability:Rollback:Command:FileName (with Command:Arguments) or Observability:Rollback:Http:Url in --config <appsettings.json> "
                    + "(or the environment variables Observability__Rollback__...).");
            }

            var request = new RollbackRequest(service, settings.Reason) { Decision = settings.Verdict, TraceId = settings.TraceId };
            var record = await provider.GetRequiredService<IEmergencyRollback>().RollBackAsync(request, cancellationToken).ConfigureAwait(false);

            // The alert (and the incident issue) gets a last chance before the process ends.
            using (var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                flush.CancelAfter(FlushTimeout);
                if (!await provider.GetRequiredService<IAlertPublisher>().FlushAsync(flush.Token).ConfigureAwait(false) && !cancellationToken.IsCancellationRequested)
                {
                    await Console.Error.WriteLineAsync("warning: the rollback alert could not be delivered to every sink before the flush timeout; see the log").ConfigureAwait(false);
                }
            }

            stdout.WriteLine($"audit: {Path.Combine(settings.StateDirectory, "rollback-audit.jsonl")}");
            if (record.Error is { } error)
            {
                stdout.WriteLine($"error: {error}");
            }

            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"rollback={Token(record.Outcome)} service={record.Service} exit_code={Number(record.ExitCode)} http_status={Number(record.HttpStatusCode)} duration_ms={Math.Round(record.Duration.TotalMilliseconds)} trace_id={record.TraceId}"));
            return record.Outcome switch
            {
                RollbackOutcome.Succeeded => ExitCodes.Proceed,
                RollbackOutcome.Cancelled => ExitCodes.Interrupted,
                _ => ExitCodes.RollbackFailed,
            };
        }
    }

    private static string Token(RollbackOutcome outcome) => outcome switch
    {
        RollbackOutcome.Succeeded => "succeeded",
        RollbackOutcome.Failed => "failed",
        RollbackOutcome.TimedOut => "timed_out",
        RollbackOutcome.Cancelled => "cancelled",
        _ => "error",
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static IConfiguration Configuration(string? file)
    {
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--config '{file}': {Redact.OneLine(e.InnerException?.Message ?? e.Message)}");
        }

        // A command path or working folder in the file is relative to the file, wherever obs runs.
        if (file is not null)
        {
            foreach (var key in new[] { "Observability:Rollback:Command:WorkingDirectory" })
            {
                if (configuration[key] is { Length: > 0 } path && !Path.IsPathRooted(path))
                {
                    configuration[key] = Path.GetFullPath(path, Path.GetDirectoryName(file)!);
                }
            }
        }

        return configuration;
    }
}
