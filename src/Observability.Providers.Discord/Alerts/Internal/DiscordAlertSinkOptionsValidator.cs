using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="DiscordAlertSinkOptions"/> in one failure; never quotes the webhook URL.</summary>
internal sealed class DiscordAlertSinkOptionsValidator : IValidateOptions<DiscordAlertSinkOptions>
{
    /// <summary>Discord's limit on a webhook's user name.</summary>
    public const int MaxUsernameLength = 80;

    public ValidateOptionsResult Validate(string? name, DiscordAlertSinkOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string? name, DiscordAlertSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "DiscordAlertSink" : $"DiscordAlertSink:{name}";
        var problems = new List<string>();

        var bot = options.BotToken is not null || options.ChannelId is not null;
        if (bot)
        {
            AddBotProblems(prefix, options, problems);
        }
        else if (DiscordWebhook.Problem(options.WebhookUrl) is { } webhook)
        {
            problems.Add($"{prefix}:WebhookUrl {webhook} (or set BotToken and ChannelId to post as a bot).");
        }

        if (options.Username is { } user)
        {
            var trimmed = user.Trim();
            if (trimmed.Length is 0 or > MaxUsernameLength)
            {
                problems.Add($"{prefix}:Username must be 1 to {MaxUsernameLength} characters when set (was {trimmed.Length}).");
            }
            else if (trimmed.Contains("discord", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("clyde", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{prefix}:Username must not contain 'discord' or 'clyde' (Discord refuses such webhook names).");
            }
        }

        if (options.AvatarUrl is { } avatar
            && (!avatar.IsAbsoluteUri || (avatar.Scheme != Uri.UriSchemeHttps && avatar.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add($"{prefix}:AvatarUrl must be an absolute http or https address when set.");
        }

        if (options.ThreadId == 0)
        {
            problems.Add($"{prefix}:ThreadId must be a thread's id (a snowflake greater than 0) when set.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{prefix}:Timeout must be positive and at most 5 minutes (was {options.Timeout}).");
        }

        return problems;
    }

    private static void AddBotProblems(string prefix, DiscordAlertSinkOptions options, List<string> problems)
    {
        if (options.WebhookUrl is not null)
        {
            problems.Add($"{prefix}: set either WebhookUrl or BotToken with ChannelId, not both.");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            problems.Add($"{prefix}:BotToken is required with ChannelId (the bot's token from the Developer Portal).");
        }
        else if (options.BotToken.Trim().Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add($"{prefix}:BotToken must be one token without spaces (without the 'Bot ' prefix).");
        }

        if (options.ChannelId is null or 0)
        {
            problems.Add($"{prefix}:ChannelId is required with BotToken (the channel's id, a snowflake greater than 0).");
        }

        if (DiscordDestination.ApiBaseProblem(options.ApiBaseUrl) is { } api)
        {
            problems.Add($"{prefix}:ApiBaseUrl {api}.");
        }

        if (options.Username is not null || options.AvatarUrl is not null || options.ThreadId is not null)
        {
            problems.Add($"{prefix}: Username, AvatarUrl and ThreadId apply to a webhook only; a bot posts under its own name (post to a thread by giving its id as ChannelId).");
        }
    }
}
