namespace Observability.Internal;

/// <summary>
/// Checks the shape of a Sentry DSN, <c>{protocol}://{public_key}[:{secret_key}]@{host}{path}/{project_id}</c>,
/// without ever putting the DSN or its key into a message.
/// </summary>
internal static class SentryDsn
{
    /// <summary>Returns <see langword="null"/> when <paramref name="dsn"/> is usable, else what is wrong (with no part of the DSN in it).</summary>
    public static string? Problem(string? dsn)
    {
        if (string.IsNullOrWhiteSpace(dsn))
        {
            return "is required (the project's DSN, http(s)://<public key>@<host>/<project id>)";
        }

        if (!Uri.TryCreate(dsn.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https address (http(s)://<public key>@<host>/<project id>)";
        }

        var publicKey = uri.UserInfo.Split(':', 2)[0];
        if (publicKey.Length == 0)
        {
            return "must carry the project's public key before the host (http(s)://<public key>@<host>/<project id>)";
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var project = path[(path.LastIndexOf('/') + 1)..];
        if (project.Length == 0)
        {
            return "must end with the project id (http(s)://<public key>@<host>/<project id>)";
        }

        return null;
    }

    /// <summary>The public key of a DSN that passed <see cref="Problem"/>; used only to keep it out of texts.</summary>
    public static string PublicKey(string dsn) => new Uri(dsn.Trim(), UriKind.Absolute).UserInfo.Split(':', 2)[0];
}
