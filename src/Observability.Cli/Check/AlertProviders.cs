using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Observability.Cli.Check;

/// <summary>
/// The environment variables (<c>OBS_*</c>) that select the alert sinks and the shared dedupe store, the
/// shared with the main sample (which compiles this file in): the
/// Alertmanager, Discord, Sentry and GitHub-issue alert sinks, and a Redis dedupe store shared by every run.
/// </summary>
/// <remarks>
/// The values are read from the environment only (never from the command line) and are secrets: they are never printed, logged or written to a report, and an error about one
/// names the variable, never its value.
/// </remarks>
internal static class AlertProviders
{
    /// <summary>The Alertmanager base address (alerts are posted to <c>/api/v2/alerts</c>).</summary>
    public const string AlertmanagerUrl = "OBS_ALERTMANAGER_URL";

    /// <summary>A Discord webhook URL (it carries the webhook's token).</summary>
    public const string DiscordWebhookUrl = "OBS_DISCORD_WEBHOOK_URL";

    /// <summary>A Discord bot's token; with <see cref="AlertChannelId"/>, alerts are posted as the bot to that channel.</summary>
    public const string DiscordBotToken = "OBS_DISCORD_BOT_TOKEN";

    /// <summary>The Discord channel the bot posts alerts to (the logging spec's name for it).</summary>
    public const string AlertChannelId = "ALERT_CHANNEL_ID";

    /// <summary>A Sentry DSN.</summary>
    public const string SentryDsn = "OBS_SENTRY_DSN";

    /// <summary>A GitHub token allowed to open issues in <see cref="GitHubRepository"/>.</summary>
    public const string GitHubToken = "OBS_GITHUB_TOKEN";

    /// <summary>The repository that receives the issues, <c>owner/name</c>.</summary>
    public const string GitHubRepository = "OBS_GITHUB_REPOSITORY";

    /// <summary>The GitHub API base address (GitHub Enterprise, or a loopback server); default api.github.com.</summary>
    public const string GitHubApiUrl = "OBS_GITHUB_API_URL";

    /// <summary>
    /// A StackExchange.Redis configuration string (for example <c>127.0.0.1:6379,password=...</c>) or a
    /// <c>redis://[user:password@]host[:port][/database]</c> URI (<c>rediss://</c> for TLS).
    /// </summary>
    public const string Redis = "OBS_REDIS";

    /// <summary>
    /// Adds the alert sinks and the dedupe store whose variables are set, and returns one note for
    /// each (the provider and the variable, never the value).
    /// </summary>
    /// <exception cref="FormatException">A value is malformed, or one GitHub variable is set without the other; every problem is listed.</exception>
    public static IReadOnlyList<string> AddAlertProviders(IObservabilityBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var notes = new List<string>();
        var problems = new List<string>();

        if (Value(configuration, AlertmanagerUrl) is { } alertmanager && Try(problems, () => HttpAddress(alertmanager, AlertmanagerUrl, "http://127.0.0.1:9093/")) is { } alertmanagerUrl)
        {
            builder.AddAlertmanagerAlertSink(o => o.Url = alertmanagerUrl);
            notes.Add($"note: alerts go to Alertmanager ({AlertmanagerUrl})");
        }

        if (Value(configuration, DiscordWebhookUrl) is { } discord && Try(problems, () => HttpAddress(discord, DiscordWebhookUrl, "https://discord.com/api/webhooks/<id>/<token>")) is { } webhook)
        {
            builder.AddDiscordAlertSink(o => o.WebhookUrl = webhook);
            notes.Add($"note: alerts go to Discord ({DiscordWebhookUrl})");
        }

        AddDiscordBot(builder, configuration, notes, problems);

        if (Value(configuration, SentryDsn) is { } dsn && Try(problems, () => SentryDsnValue(dsn)) is not null)
        {
            builder.AddSentryAlertSink(o => o.Dsn = dsn);
            notes.Add($"note: alerts go to Sentry ({SentryDsn})");
        }

        AddGitHub(builder, configuration, notes, problems);

        if (Value(configuration, Redis) is { } redisValue && Try(problems, () => RedisConfiguration(redisValue)) is { } redis)
        {
            builder.AddRedisDedupeStore(o => o.Configuration = redis);
            notes.Add($"note: alert fingerprints are shared through Redis ({Redis})");
        }

        if (problems.Count > 0)
        {
            throw new FormatException(string.Join(Environment.NewLine + "  - ", problems));
        }

        return notes;
    }

    private static void AddDiscordBot(IObservabilityBuilder builder, IConfiguration configuration, List<string> notes, List<string> problems)
    {
        var token = Value(configuration, DiscordBotToken);
        var channel = Value(configuration, AlertChannelId);
        if (token is null && channel is null)
        {
            return;
        }

        if (token is null || channel is null)
        {
            problems.Add($"{DiscordBotToken} and {AlertChannelId} go together: set both to post alerts as a bot, or neither.");
            return;
        }

        if (!ulong.TryParse(channel, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var channelId) || channelId == 0)
        {
            problems.Add($"{AlertChannelId} must be a Discord channel id (digits only).");
            return;
        }

        builder.AddDiscordAlertSink("discord-bot", o =>
        {
            o.BotToken = token;
            o.ChannelId = channelId;
        });
        notes.Add($"note: alerts go to Discord channel {channelId} as a bot ({DiscordBotToken}, {AlertChannelId})");
    }

    private static void AddGitHub(IObservabilityBuilder builder, IConfiguration configuration, List<string> notes, List<string> problems)
    {
        var token = Value(configuration, GitHubToken);
        var repository = Value(configuration, GitHubRepository);
        var api = Value(configuration, GitHubApiUrl);
        if (token is null && repository is null)
        {
            if (api is not null)
            {
                problems.Add($"{GitHubApiUrl} is set without {GitHubToken} and {GitHubRepository}.");
            }

            return;
        }

        if (token is null || repository is null)
        {
            problems.Add($"{GitHubToken} and {GitHubRepository} go together: set both to open issues, or neither.");
            return;
        }

        var apiUrl = api is null ? null : Try(problems, () => HttpAddress(api, GitHubApiUrl, "https://api.github.com/"));
        builder.AddGitHubIssueAlertSink(o =>
        {
            o.Token = token;
            o.Repository = repository;
            o.ApiUrl = apiUrl;
        });
        notes.Add($"note: alerts open GitHub issues in the repository of {GitHubRepository} ({GitHubToken}{(api is null ? string.Empty : $", {GitHubApiUrl}")})");
    }

    /// <summary>A variable's value, or <see langword="null"/> when unset or blank.</summary>
    internal static string? Value(IConfiguration configuration, string variable)
        => configuration[variable] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>An absolute http(s) address; a malformed one is a <see cref="FormatException"/> naming the variable, never the value.</summary>
    internal static Uri HttpAddress(string value, string variable, string example)
        => Uri.TryCreate(value, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? address
            : throw new FormatException($"{variable} must be an absolute http or https address such as {example}.");

    /// <summary>A Sentry DSN, <c>https://public-key@host/project-id</c> with a numeric project id; else a <see cref="FormatException"/> naming the variable.</summary>
    internal static string SentryDsnValue(string value)
    {
        var problem = $"{SentryDsn} must be a Sentry DSN such as https://<public-key>@o0.ingest.sentry.io/<project-id>, with a numeric project id (the value is not shown).";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var dsn) || dsn.Scheme is not ("http" or "https") || dsn.Host.Length == 0 || dsn.UserInfo.Length == 0)
        {
            throw new FormatException(problem);
        }

        var project = dsn.AbsolutePath.TrimEnd('/');
        project = project[(project.LastIndexOf('/') + 1)..];
        return project.Length > 0 && project.Length <= 18 && project.All(char.IsAsciiDigit) && dsn.Query.Length == 0 && dsn.Fragment.Length == 0
            ? value
            : throw new FormatException(problem);
    }

    /// <summary>
    /// A StackExchange.Redis configuration string: the value itself when it is one whose every endpoint is a host or
    /// address, or the one a <c>redis://</c> / <c>rediss://</c> URI stands for; else a <see cref="FormatException"/>
    /// naming the variable, never the value (it may hold a password).
    /// </summary>
    internal static string RedisConfiguration(string value)
    {
        var example = "host:port (for example 127.0.0.1:6379, with ,password=... when needed) or a redis://[user:password@]host[:port][/database] URI";
        ConfigurationOptions options;
        if (value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            options = FromRedisUri(value) ?? throw new FormatException($"{Redis} is not a valid redis:// URI: expected {example} (the value is not shown).");
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(value);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or RedisException)
            {
                // The parser's message may quote the value, password included: only its type is shown.
                throw new FormatException($"{Redis} cannot be parsed as a StackExchange.Redis configuration string ({e.GetType().Name}): expected {example}.");
            }

            if (options.EndPoints.Count == 0 || options.EndPoints.Any(static e => e is DnsEndPoint dns && Uri.CheckHostName(dns.Host) == UriHostNameType.Unknown))
            {
                throw new FormatException($"{Redis} names no valid endpoint: expected {example} (the value is not shown).");
            }

            return value;
        }

        return options.ToString(includePassword: true);
    }

    private static ConfigurationOptions? FromRedisUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || Uri.CheckHostName(uri.IdnHost) == UriHostNameType.Unknown)
        {
            return null;
        }

        var options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(uri.IdnHost, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            var password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            if (password is null)
            {
                // redis://password@host, as some clients write it.
                options.Password = user;
            }
            else
            {
                options.User = user.Length > 0 ? user : null;
                options.Password = password;
            }
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            if (!int.TryParse(database, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 15_999)
            {
                return null;
            }

            options.DefaultDatabase = number;
        }

        return options;
    }

    private static T? Try<T>(List<string> problems, Func<T> parse)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }
}
