namespace Observability.Internal;

/// <summary>The block and address rules of the scanner: PEM private keys, URL user-info, webhook URLs.</summary>
internal sealed partial class SecretScanner
{
    private static int PrivateKeyBlock(ReadOnlySpan<char> text, int at, ref List<Range>? found)
    {
        var headerStart = at + "-----BEGIN".Length;
        var headerEnd = text[headerStart..].IndexOf("-----", StringComparison.Ordinal);
        if (headerEnd < 0 || headerEnd > 64)
        {
            return headerStart;
        }

        var header = text.Slice(headerStart, headerEnd);
        var bodyStart = headerStart + headerEnd + "-----".Length;
        if (!header.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return bodyStart; // a public key or a certificate
        }

        // The body runs to the END line; without one (a truncated key), to the end of the quoted value or the text.
        var endLine = text[bodyStart..].IndexOf("-----END", StringComparison.Ordinal);
        int bodyEnd;
        if (endLine >= 0)
        {
            bodyEnd = bodyStart + endLine;
        }
        else
        {
            var quote = text[bodyStart..].IndexOf('"');
            bodyEnd = quote >= 0 ? bodyStart + quote : text.Length;
        }

        while (bodyEnd > bodyStart && (char.IsWhiteSpace(text[bodyEnd - 1]) || text[bodyEnd - 1] == 'n' && bodyEnd - 2 >= bodyStart && text[bodyEnd - 2] == '\\'))
        {
            bodyEnd -= char.IsWhiteSpace(text[bodyEnd - 1]) ? 1 : 2;
        }

        Add(ref found, bodyStart, bodyEnd);
        return Math.Max(bodyEnd, bodyStart + 1);
    }

    /// <summary>At <c>://</c>: the password of <c>user:password@</c>, a key-only user-info (a Sentry DSN), and the token of a webhook address.</summary>
    private static int UrlAt(ReadOnlySpan<char> text, int floor, int at, ref List<Range>? found)
    {
        var schemeStart = at;
        while (schemeStart > floor && (char.IsAsciiLetterOrDigit(text[schemeStart - 1]) || text[schemeStart - 1] is '+' or '.' or '-'))
        {
            schemeStart--;
        }

        var authorityStart = at + 3;
        var authorityEnd = authorityStart;
        while (authorityEnd < text.Length && !IsAuthorityEnd(text[authorityEnd]))
        {
            authorityEnd++;
        }

        var authority = text[authorityStart..authorityEnd];
        var atSign = authority.LastIndexOf('@');
        var hostStart = authorityStart;
        if (atSign > 0)
        {
            var userInfo = authority[..atSign];
            var colon = userInfo.IndexOf(':');
            hostStart = authorityStart + atSign + 1;
            if (colon >= 0)
            {
                var password = userInfo[(colon + 1)..];
                if (password.Length > 0 && !ValueShapes.LooksLikePlaceholder(password))
                {
                    Add(ref found, authorityStart + colon + 1, authorityStart + atSign);
                }
            }
            else if (userInfo.Length >= 16 && !ValueShapes.LooksLikePlaceholder(userInfo) && IsTokenLike(userInfo))
            {
                Add(ref found, authorityStart, authorityStart + atSign);
            }
        }

        var hostEnd = hostStart;
        while (hostEnd < authorityEnd && text[hostEnd] != ':')
        {
            hostEnd++;
        }

        var host = text[hostStart..hostEnd];
        var path = text[authorityEnd..];
        if (IsHost(host, "discord.com") || IsHost(host, "discordapp.com"))
        {
            return WebhookToken(text, authorityEnd, "/api/webhooks/", ref found);
        }

        if (path.StartsWith("/api/webhooks/", StringComparison.Ordinal))
        {
            // A Discord webhook address served by another host (a proxy, a gateway, a test server): a snowflake id
            // (17 digits or more) and a token of 60 characters or more are its shape whatever the host.
            return WebhookToken(text, authorityEnd, "/api/webhooks/", ref found, minIdDigits: 17, minTokenLength: 60);
        }

        if (IsHost(host, "hooks.slack.com") && (path.StartsWith("/services/T", StringComparison.Ordinal) || path.StartsWith("/workflows/T", StringComparison.Ordinal) || path.StartsWith("/triggers/T", StringComparison.Ordinal)))
        {
            // The whole address is the credential.
            var end = authorityEnd;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '/' or '_' or '-'))
            {
                end++;
            }

            Add(ref found, schemeStart, end);
            return end;
        }

        return authorityEnd;
    }

    private static int WebhookToken(ReadOnlySpan<char> text, int pathStart, string marker, ref List<Range>? found, int minIdDigits = 1, int minTokenLength = 20)
    {
        var path = text[pathStart..];
        if (!path.StartsWith(marker, StringComparison.Ordinal))
        {
            return pathStart;
        }

        var idStart = pathStart + marker.Length;
        var idEnd = idStart;
        while (idEnd < text.Length && char.IsAsciiDigit(text[idEnd]))
        {
            idEnd++;
        }

        if (idEnd - idStart < minIdDigits || idEnd >= text.Length || text[idEnd] != '/')
        {
            return idEnd;
        }

        var tokenStart = idEnd + 1;
        var tokenEnd = tokenStart;
        while (tokenEnd < text.Length && (char.IsAsciiLetterOrDigit(text[tokenEnd]) || text[tokenEnd] is '_' or '-'))
        {
            tokenEnd++;
        }

        if (tokenEnd - tokenStart >= minTokenLength && !ValueShapes.LooksLikePlaceholderBody(text[tokenStart..tokenEnd]))
        {
            Add(ref found, tokenStart, tokenEnd);
        }

        return tokenEnd;
    }

    private static bool IsAuthorityEnd(char c) => c is '/' or '?' or '#' or '"' or '\'' or '`' or '<' or '>' or ' ' or ',' or ';' || char.IsWhiteSpace(c);

    private static bool IsHost(ReadOnlySpan<char> host, string name)
        => host.Equals(name, StringComparison.OrdinalIgnoreCase)
           || (host.EndsWith(name, StringComparison.OrdinalIgnoreCase) && host.Length > name.Length && host[^(name.Length + 1)] == '.');

    private static bool IsTokenLike(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }

            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits > 0;
    }
}
