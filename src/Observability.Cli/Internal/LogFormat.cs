using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Observability.Cli.Internal;

/// <summary>
/// How the tool and the samples (which compile this file in) write their logs, always to stderr: readable single lines,
/// or one JSON object per line (the logging spec's fields, redacted) when <c>OBS_LOG_FORMAT=json</c> or the configuration
/// key <c>Logging:Format</c> is <c>json</c>.
/// </summary>
internal static class LogFormat
{
    /// <summary>The environment variable that selects the format.</summary>
    public const string Variable = "OBS_LOG_FORMAT";

    /// <summary>The configuration key that selects the format when the variable is not set.</summary>
    public const string ConfigurationKey = "Logging:Format";

    /// <summary>Tells whether JSON lines were asked for (the variable first, then the configuration).</summary>
    public static bool IsJson(IConfiguration? configuration = null)
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration?[ConfigurationKey];
        }

        return string.Equals(value?.Trim(), "json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Adds the console output in the chosen format, to stderr (stdout is the tool's result).</summary>
    public static void AddConsole(ILoggingBuilder logging, IConfiguration? configuration, string service, bool singleLineTimestamps = true)
    {
        ArgumentNullException.ThrowIfNull(logging);
        if (IsJson(configuration))
        {
            logging.AddObservabilityJsonConsole(o =>
            {
                o.ServiceName = service;
                o.UseStandardError = true;
            });
            return;
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            if (singleLineTimestamps)
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss ";
            }
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>For code without a service provider: JSON lines to stderr when asked for, otherwise no logging (the progress lines say enough).</summary>
    public static ILoggerFactory CreateFactory(string service, LogLevel minimum = LogLevel.Information)
        => IsJson()
            ? LoggerFactory.Create(logging =>
            {
                logging.SetMinimumLevel(minimum);
                logging.AddObservabilityJsonConsole(o =>
                {
                    o.ServiceName = service;
                    o.UseStandardError = true;
                });
            })
            : NullLoggerFactory.Instance;
}
