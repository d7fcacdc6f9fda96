using Microsoft.Extensions.Logging;
using Observability.Internal;
using Sentry;

namespace Observability;

/// <summary>
/// Sends each alert as a Sentry event through the official Sentry SDK: level from the severity, the title and message
/// as the message, tags, an <c>alert</c> and a <c>rollout</c> context, and the alert's fingerprint as Sentry's, so Sentry
/// groups as the pipeline does. Each call uses an isolated <see cref="SentryClient"/> (never the static
/// <c>SentrySdk</c>): the host's own Sentry setup is untouched and several sinks can live side by side. The SDK's
/// envelopes travel through the sink's <see cref="HttpClient"/>, and the answer to each one becomes the
/// <see cref="DeliveryResult"/>. Resolved alerts are skipped unless <see cref="SentryAlertSinkOptions.SendResolved"/> is set.
/// </summary>
public sealed partial class SentryAlertSink : IAlertSink
{
    // The SDK's flush waits a little longer than the sink's own timeout, so that the sink's timer (on the injected
    // TimeProvider) decides; the SDK's bound only matters when that timer never fires.
    private static readonly TimeSpan FlushMargin = TimeSpan.FromSeconds(2);

    private readonly SentryAlertSinkOptions _options;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _publicKey;

    /// <summary>Initializes a new instance of the <see cref="SentryAlertSink"/> class.</summary>
    /// <param name="name">The sink's name.</param>
    /// <param name="options">The options; <see cref="SentryAlertSinkOptions.Dsn"/> is required.</param>
    /// <param name="httpClient">Carries the SDK's envelope requests; its own timeout should be infinite (the sink applies <see cref="SentryAlertSinkOptions.Timeout"/>).</param>
    /// <param name="timeProvider">The clock of the timeout and of <c>Retry-After</c> dates.</param>
    /// <param name="loggerFactory">Creates the sink's logger.</param>
    public SentryAlertSink(string name, SentryAlertSinkOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = SentryAlertSinkOptionsValidator.Problems(name, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The Sentry alert sink options are invalid: {string.Join(" ", problems)}", nameof(options));
        }

        Name = name;
        _options = options;
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<SentryAlertSink>();
        _publicKey = SentryDsn.PublicKey(options.Dsn!);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        => SendAsync(alerts, NoProgress.Instance, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Each event Sentry accepted is reported before the next one is sent.</remarks>
    public async Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, IProgress<int> delivered, CancellationToken cancellationToken = default)
    {
        SinkCall.CheckAlerts(alerts, cancellationToken);
        ArgumentNullException.ThrowIfNull(delivered);
        var toSend = alerts.Count(a => a.Status == AlertStatus.Firing || _options.SendResolved);
        if (toSend == 0)
        {
            LogResolvedSkipped(_logger, Name, alerts.Count);
            return DeliveryResult.Skipped(Name, alerts.Count, "resolved alerts are not sent to Sentry (SendResolved is off)");
        }

        var handler = new SentryDeliveryHandler(_httpClient, _timeProvider);
        var client = new SentryClient(SentrySdkOptions.Create(_options, handler));
        try
        {
            DeliveryResult? result = null;
            for (var i = 0; i < alerts.Count; i++)
            {
                var alert = alerts[i];
                if (alert.Status == AlertStatus.Resolved && !_options.SendResolved)
                {
                    continue;
                }

                // On a failure the result counts this alert and the ones after it: the pipeline retries only those.
                result = await SendOneAsync(client, handler, alert, alerts.Count - i, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    LogNotDelivered(_logger, Name, result.Status, result.StatusCode ?? 0, alert.Rule, ShortFingerprint(alert), result.Error ?? string.Empty);
                    return result;
                }

                delivered.Report(i + 1);
            }

            LogDelivered(_logger, Name, toSend);
            return DeliveryResult.Delivered(Name, toSend, result!.StatusCode);
        }
        finally
        {
            // A request still running was cancelled through its attempt's token (the caller's, or the timeout's); a
            // cancelled token here makes anything the SDK might still send fail at once, so that disposing the client,
            // which waits for its worker, returns at once.
            handler.Begin(new CancellationToken(canceled: true));
            client.Dispose();
        }
    }

    private static string ShortFingerprint(Alert alert) => alert.Fingerprint is { } f ? f[..Math.Min(8, f.Length)] : "none";

    private async Task<DeliveryResult> SendOneAsync(SentryClient client, SentryDeliveryHandler handler, Alert alert, int count, CancellationToken cancellationToken)
    {
        using var attempt = new RequestDeadline(_options.Timeout, _timeProvider, cancellationToken);
        handler.Begin(attempt.Token);
        if (client.CaptureEvent(SentryEventMapper.Map(alert, _options)) == SentryId.Empty)
        {
            return DeliveryResult.Failed(Name, count, "the Sentry SDK dropped the event before sending it");
        }

        await client.FlushAsync(_options.Timeout + FlushMargin).WaitAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (handler.Outcome() is not { } outcome)
        {
            // The SDK's flush ended before any answer: the request still hangs (cancel it) or the SDK never sent it.
            await attempt.CancelAsync().ConfigureAwait(false);
            return DeliveryResult.Failed(Name, count, SinkCall.TimedOut);
        }

        return SentryOutcome.ToResult(Name, count, outcome, attempt.Expired, _publicKey);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Sentry sink {Sink} delivered {Count} event(s)")]
    private static partial void LogDelivered(ILogger logger, string sink, int count);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sentry sink {Sink}: {Status} (HTTP {StatusCode}) for alert {Rule} ({Fingerprint}): {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string sink, DeliveryStatus status, int statusCode, string rule, string fingerprint, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Sentry sink {Sink} skipped {Count} resolved alert(s) (SendResolved is off)")]
    private static partial void LogResolvedSkipped(ILogger logger, string sink, int count);
}
