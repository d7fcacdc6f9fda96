namespace Observability;

/// <summary>
/// Options of the <see cref="DiscordAlertSink"/>. Validated at start-up with every problem listed. Set either
/// <see cref="WebhookUrl"/> (a channel's webhook) or <see cref="BotToken"/> with <see cref="ChannelId"/> (a bot posting to a
/// channel, the logging spec's <c>ALERT_CHANNEL_ID</c>). The webhook URL and the bot token are secrets: never logged,
/// never shown by <see cref="ToString"/> or in an error.
/// </summary>
public sealed class DiscordAlertSinkOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "discord";

    /// <summary>
    /// Gets or sets the webhook URL as Discord shows it, <c>https://discord.com/api/webhooks/{id}/{token}</c> (with or
    /// without an API version such as <c>/api/v10/</c>; an unversioned URL is sent to <c>/api/v10/</c>). Required unless
    /// <see cref="BotToken"/> and <see cref="ChannelId"/> are set; https,
    /// except on a loopback host (127.0.0.1, ::1, localhost) where http is allowed for tests. Secret: never logged.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// Gets or sets a bot's token: alerts are posted as the bot to <see cref="ChannelId"/> (<c>POST
    /// /channels/{id}/messages</c> with <c>Authorization: Bot {token}</c>; the bot needs the View Channel, Send Messages
    /// and Embed Links permissions there). Use instead of <see cref="WebhookUrl"/>. Secret: never logged.
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>Gets or sets the channel the bot posts to (a snowflake; <c>ALERT_CHANNEL_ID</c> in the spec). Required with <see cref="BotToken"/>.</summary>
    public ulong? ChannelId { get; set; }

    /// <summary>
    /// Gets or sets Discord's API base address for the bot mode. Default: <c>https://discord.com/api/v10/</c>; https, except
    /// on a loopback host where http is allowed for tests.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Gets or sets the name shown as the message's author instead of the webhook's own (1 to 80 characters). Default: the webhook's.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the address of the avatar shown instead of the webhook's own (absolute http or https). Default: the webhook's.</summary>
    public Uri? AvatarUrl { get; set; }

    /// <summary>Gets or sets the thread of the webhook's channel to post into (sent as <c>thread_id</c>). Default: the channel itself.</summary>
    public ulong? ThreadId { get; set; }

    /// <summary>Gets or sets how long one POST may take before it counts as failed ("timed out"). Default: 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Describes the options without the webhook URL.</summary>
    /// <returns>A description that is safe to log.</returns>
    public override string ToString()
        => $"DiscordAlertSinkOptions {{ WebhookUrl = {(WebhookUrl is null ? "(not set)" : "(set, hidden)")}, BotToken = {(BotToken is null ? "(not set)" : "(set, hidden)")}, ChannelId = {ChannelId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}, Username = {Username ?? "(webhook's)"}, ThreadId = {ThreadId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}, Timeout = {Timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture)} }}";
}
