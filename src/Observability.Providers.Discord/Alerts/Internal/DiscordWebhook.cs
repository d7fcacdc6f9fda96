using System.Globalization;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// A parsed Discord webhook URL: <c>/api[/vN]/webhooks/{id}/{token}</c>. The token is a secret; only
/// <see cref="Token"/> and <see cref="ExecuteUri"/> hold it, and neither is ever logged.
/// </summary>
internal sealed class DiscordWebhook
{
    /// <summary>The API version used when the URL names none (unversioned URLs would reach the deprecated v6).</summary>
    public const int DefaultApiVersion = 10;

    private DiscordWebhook(ulong id, string token, Uri executeUri)
    {
        Id = id;
        Token = token;
        ExecuteUri = executeUri;
    }

    /// <summary>Gets the webhook's id (not a secret on its own).</summary>
    public ulong Id { get; }

    /// <summary>Gets the webhook's token (secret).</summary>
    public string Token { get; }

    /// <summary>Gets the address POSTed to: the versioned execute URL with <c>wait=true</c> (and <c>thread_id</c>).</summary>
    public Uri ExecuteUri { get; }

    /// <summary>Checks a webhook URL; the problem, if any, never quotes the URL.</summary>
    public static string? Problem(Uri? url)
    {
        if (url is null)
        {
            return "is required (the webhook URL from the channel's Integrations settings, https://discord.com/api/webhooks/{id}/{token})";
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute https address";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            return "must use https (http is allowed only on a loopback host, for tests)";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "must not hold user credentials";
        }

        return Split(url) is null ? "must have the path /api/webhooks/{id}/{token} (or /api/v{N}/webhooks/{id}/{token}) with a numeric id" : null;
    }

    /// <summary>Parses a URL that <see cref="Problem"/> accepted.</summary>
    public static DiscordWebhook Parse(Uri url, ulong? threadId)
    {
        ArgumentNullException.ThrowIfNull(url);
        var (version, id, token) = Split(url) ?? throw new ArgumentException("The webhook URL does not have the Discord webhook path.", nameof(url));

        var query = new StringBuilder("?wait=true");
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = pair.Split('=', 2)[0];
            if (key.Equals("wait", StringComparison.OrdinalIgnoreCase) || (threadId is not null && key.Equals("thread_id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            query.Append('&').Append(pair);
        }

        if (threadId is { } thread)
        {
            query.Append("&thread_id=").Append(thread.ToString(CultureInfo.InvariantCulture));
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"/api/v{version}/webhooks/{id}/{token}");
        var execute = new Uri(url.GetLeftPart(UriPartial.Authority) + path + query);
        return new DiscordWebhook(id, token, execute);
    }

    private static (int Version, ulong Id, string Token)? Split(Uri url)
    {
        var segments = url.AbsolutePath.Trim('/').Split('/');
        var version = DefaultApiVersion;
        var at = 1;
        if (segments.Length == 5 && segments[1].Length > 1 && segments[1][0] == 'v'
            && int.TryParse(segments[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var named))
        {
            version = named;
            at = 2;
        }

        if (segments.Length != at + 3 || segments[0] != "api" || segments[at] != "webhooks"
            || !ulong.TryParse(segments[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == 0)
        {
            return null;
        }

        var token = segments[at + 2];
        return token.Length > 0 && token.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? (version, id, token) : null;
    }
}
