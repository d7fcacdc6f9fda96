using System.Globalization;
using System.Net.Http.Headers;

namespace Observability.Internal;

/// <summary>
/// Where a <see cref="DiscordAlertSink"/> posts: a webhook's execute URL (the token in its path), or a channel's
/// <c>POST /channels/{id}/messages</c> with <c>Authorization: Bot {token}</c>. <see cref="Secret"/> is the token either
/// way: it is scrubbed from every error and never logged.
/// </summary>
internal sealed class DiscordDestination
{
    /// <summary>Discord's API base used when none is configured.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://discord.com/api/v10/");

    private DiscordDestination(Uri postUri, string secret, AuthenticationHeaderValue? authorization, bool isBot)
    {
        PostUri = postUri;
        Secret = secret;
        Authorization = authorization;
        IsBot = isBot;
    }

    /// <summary>Gets the address POSTed to.</summary>
    public Uri PostUri { get; }

    /// <summary>Gets the token (secret).</summary>
    public string Secret { get; }

    /// <summary>Gets the bot's authorization header; <see langword="null"/> for a webhook.</summary>
    public AuthenticationHeaderValue? Authorization { get; }

    /// <summary>Gets a value indicating whether this is the bot-and-channel mode.</summary>
    public bool IsBot { get; }

    /// <summary>What a 404 means here.</summary>
    public string Gone => IsBot ? "the channel does not exist or the bot cannot see it" : "the webhook does not exist";

    /// <summary>What a 401 or 403 means here.</summary>
    public string Refused => IsBot ? "Discord refused the bot's token or its permission to post in the channel" : "Discord refused the webhook's token";

    public static DiscordDestination Webhook(DiscordWebhook webhook) => new(webhook.ExecuteUri, webhook.Token, null, isBot: false);

    public static DiscordDestination Bot(Uri? apiBaseUrl, ulong channelId, string token)
    {
        var baseUrl = apiBaseUrl ?? DefaultApiBaseUrl;
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        var post = new Uri(root, string.Create(CultureInfo.InvariantCulture, $"channels/{channelId}/messages"));
        return new DiscordDestination(post, token.Trim(), new AuthenticationHeaderValue("Bot", token.Trim()), isBot: true);
    }

    /// <summary>Checks an API base address; the problem never quotes it.</summary>
    public static string? ApiBaseProblem(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute https address";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            return "must use https (http is allowed only on a loopback host, for tests)";
        }

        return string.IsNullOrEmpty(url.UserInfo) && string.IsNullOrEmpty(url.Query) ? null : "must not hold user credentials or a query";
    }
}
