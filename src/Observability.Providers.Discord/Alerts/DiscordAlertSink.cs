using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Posts alerts to a Discord webhook, or as a bot to a channel (<see cref="DiscordAlertSinkOptions.BotToken"/> and
/// <see cref="DiscordAlertSinkOptions.ChannelId"/>: <c>POST /channels/{id}/messages</c> with <c>Authorization: Bot</c>, the
/// same payload and the same handling of Discord's answers): one embed per alert (severity emoji and colour, title, message, root cause, links,
/// labels, fingerprint), a group split into as few messages as Discord's limits allow and sent in order, mentions
/// disabled. Every documented limit (content 2,000; 10 embeds; title 256; description 4,096; 25 fields of 256/1,024;
/// footer 2,048; 6,000 characters over all embeds of a message) is kept by truncating with "…", so Discord never refuses
/// a message for its size. The sink does not retry, wait or queue: it maps Discord's answer to a
/// <see cref="DeliveryResult"/> (2xx delivered; 429 throttled with Discord's wait; 404 gone; 400, 401, 403 rejected;
/// 5xx, timeouts and transport failures failed). The webhook URL and the bot token are secrets and never appear in a log line or result.
/// </summary>
/// <remarks>
/// When a group needs several messages and one fails, the messages before it stay posted; the result counts only the
/// alerts not delivered, and its error says how many were, so the pipeline retries just those. Each message Discord
/// accepted is reported through <see cref="SendAsync(IReadOnlyList{Alert}, IProgress{int}, CancellationToken)"/> before the
/// next one goes, so an outbox kept on disk re-sends at most the message in flight after a crash.
/// </remarks>
public sealed partial class DiscordAlertSink : IAlertSink
{
    private readonly DiscordDestination _destination;
    private readonly string? _username;
    private readonly Uri? _avatarUrl;
    private readonly TimeSpan _timeout;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="DiscordAlertSink"/> class.</summary>
    /// <param name="name">The sink's name.</param>
    /// <param name="options">The options; they must be valid (see <see cref="DiscordAlertSinkOptions"/>).</param>
    /// <param name="httpClient">The client that posts the messages; the sink does not dispose it.</param>
    /// <param name="timeProvider">Times each request out and dates <c>Retry-After</c> headers.</param>
    /// <param name="loggerFactory">Creates the sink's logger.</param>
    public DiscordAlertSink(string name, DiscordAlertSinkOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = DiscordAlertSinkOptionsValidator.Problems(name, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid DiscordAlertSinkOptions: {string.Join(" ", problems)}", nameof(options));
        }

        Name = name;
        _destination = options.WebhookUrl is { } webhook
            ? DiscordDestination.Webhook(DiscordWebhook.Parse(webhook, options.ThreadId))
            : DiscordDestination.Bot(options.ApiBaseUrl, options.ChannelId!.Value, options.BotToken!);
        _username = options.Username?.Trim();
        _avatarUrl = options.AvatarUrl;
        _timeout = options.Timeout;
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<DiscordAlertSink>();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        => SendAsync(alerts, NoProgress.Instance, cancellationToken);

    /// <inheritdoc />
    public async Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, IProgress<int> delivered, CancellationToken cancellationToken = default)
    {
        SinkCall.CheckAlerts(alerts, cancellationToken);
        ArgumentNullException.ThrowIfNull(delivered);
        var progress = delivered;
        var plan = DiscordMessagePlanner.Plan(alerts);
        var done = 0;
        var statusCode = 200;
        for (var part = 0; part < plan.Count; part++)
        {
            var (message, count) = plan[part];
            var payload = DiscordPayloadWriter.Write(message, _username, _avatarUrl);
            var outcome = await PostAsync(payload, cancellationToken).ConfigureAwait(false);
            LogPosted(_logger, Name, part + 1, plan.Count, message.Embeds.Count, message.EmbedLength, outcome.StatusCode ?? 0, outcome.Status);
            var remaining = alerts.Count - done;
            if (outcome.Status != DeliveryStatus.Delivered)
            {
                return Result(outcome, remaining, part, plan.Count, done);
            }

            done += count;
            statusCode = outcome.StatusCode ?? statusCode;
            progress.Report(done); // recorded before the next message goes
            if (outcome.BucketEmptyFor is { } wait)
            {
                LogBucketEmpty(_logger, Name, wait.TotalSeconds, alerts.Count - done);
                if (part < plan.Count - 1)
                {
                    // Discord said the next request would be refused: report the rest throttled instead of provoking a 429.
                    return DeliveryResult.Throttled(Name, alerts.Count - done, wait);
                }
            }
        }

        return DeliveryResult.Delivered(Name, alerts.Count, statusCode);
    }

    private DeliveryResult Result(PostOutcome outcome, int remaining, int part, int parts, int delivered)
    {
        if (outcome.Status == DeliveryStatus.Throttled)
        {
            return DeliveryResult.Throttled(Name, remaining, outcome.RetryAfter, outcome.StatusCode);
        }

        var error = parts == 1 ? outcome.Error! : $"message {part + 1} of {parts}: {outcome.Error} ({delivered} alerts already delivered)";
        error = error.Replace(_destination.Secret, "***", StringComparison.Ordinal);
        return outcome.Status switch
        {
            DeliveryStatus.Gone => DeliveryResult.Gone(Name, remaining, error, outcome.StatusCode),
            DeliveryStatus.Rejected => DeliveryResult.Rejected(Name, remaining, error, outcome.StatusCode),
            _ => DeliveryResult.Failed(Name, remaining, error, outcome.StatusCode),
        };
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Discord sink {Sink}: message {Part} of {Parts} ({Embeds} embeds, {Characters} characters) answered {StatusCode}: {Status}")]
    private static partial void LogPosted(ILogger logger, string sink, int part, int parts, int embeds, int characters, int statusCode, DeliveryStatus status);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Discord sink {Sink}: the webhook's rate-limit bucket is empty for {Seconds} s ({Remaining} alerts of the group not yet sent)")]
    private static partial void LogBucketEmpty(ILogger logger, string sink, double seconds, int remaining);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Discord sink {Sink}: the webhook no longer exists ({Reason}); the sink should be disabled")]
    private static partial void LogGone(ILogger logger, string sink, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Discord sink {Sink}: the channel does not exist or the bot cannot see it ({Reason}); the sink should be disabled")]
    private static partial void LogChannelGone(ILogger logger, string sink, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Discord sink {Sink}: rate limited ({Scope}, global {Global}), retry after {Seconds} s")]
    private static partial void LogThrottled(ILogger logger, string sink, string scope, bool global, double seconds);
}
