using Microsoft.Extensions.Logging;

namespace Observability;

/// <summary>
/// Writes alerts as structured log entries (severity, title, rule, fingerprint, message, root cause,
/// trace id, labels). With a JSON console logger this is a machine-readable alert stream.
/// </summary>
public sealed partial class LogAlertSink : IAlertSink
{
    private readonly ILogger _logger;
    private readonly LogAlertSinkOptions _options;

    /// <summary>Initializes a new instance of the <see cref="LogAlertSink"/> class.</summary>
    /// <param name="name">The sink's name.</param>
    /// <param name="options">The options.</param>
    /// <param name="loggerFactory">Creates the logger of <see cref="LogAlertSinkOptions.Category"/>.</param>
    public LogAlertSink(string name, LogAlertSinkOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Name = name;
        _options = options;
        _logger = loggerFactory.CreateLogger(options.Category);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var alert in alerts)
        {
            var level = alert.Severity >= AlertSeverity.Error ? _options.ErrorLevel : _options.WarningLevel;
            var labels = string.Join(", ", alert.Labels.OrderBy(static l => l.Key, StringComparer.Ordinal).Select(static l => $"{l.Key}={l.Value}"));
            LogAlert(_logger, level, alert.Severity, alert.Title, alert.Rule, alert.Fingerprint ?? string.Empty, alert.Message, alert.RootCause ?? "not determined", alert.TraceId ?? string.Empty, labels);
        }

        return Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
    }

    [LoggerMessage(EventId = 1000, Message = "Alert [{Severity}] {Title} (rule {Rule}, fingerprint {Fingerprint}): {AlertMessage} Root cause: {RootCause}. Trace {TraceId}. Labels: {Labels}")]
    private static partial void LogAlert(ILogger logger, LogLevel level, AlertSeverity severity, string title, string rule, string fingerprint, string alertMessage, string rootCause, string traceId, string labels);
}
