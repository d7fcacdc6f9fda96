using Microsoft.Extensions.Logging;

namespace Observability;

/// <summary>Options of the <see cref="LogAlertSink"/>.</summary>
public sealed class LogAlertSinkOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "log";

    /// <summary>Gets or sets the logger category alerts are written to. Default: <c>Observability.Alerts</c>.</summary>
    public string Category { get; set; } = "Observability.Alerts";

    /// <summary>Gets or sets the log level of critical and error alerts. Default: <see cref="LogLevel.Error"/>.</summary>
    public LogLevel ErrorLevel { get; set; } = LogLevel.Error;

    /// <summary>Gets or sets the log level of warning and info alerts. Default: <see cref="LogLevel.Warning"/>.</summary>
    public LogLevel WarningLevel { get; set; } = LogLevel.Warning;
}
