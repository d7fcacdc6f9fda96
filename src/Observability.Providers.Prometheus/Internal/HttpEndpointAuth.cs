using System.Net.Http.Headers;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// What the Prometheus collector and the Alertmanager sink share about their server: the base address must be an
/// absolute http(s) URL without credentials, and authentication is a bearer token or basic user and password, never
/// both. Problems name the setting, never its value.
/// </summary>
internal static class HttpEndpointAuth
{
    public static void CheckEndpoint(List<string> problems, string prefix, string setting, Uri? address, string what, string example)
    {
        if (address is null)
        {
            problems.Add($"{prefix}:{setting} is required (the {what} base address, e.g. {example}).");
        }
        else if (!IsHttp(address))
        {
            problems.Add($"{prefix}:{setting} must be an absolute http or https address.");
        }
        else if (!string.IsNullOrEmpty(address.UserInfo))
        {
            problems.Add($"{prefix}:{setting} must not hold credentials; set BearerToken or Username/Password instead.");
        }
    }

    public static void CheckAuthentication(List<string> problems, string prefix, string? bearerToken, string? username, string? password)
    {
        var hasBearer = !string.IsNullOrEmpty(bearerToken);
        var hasUser = !string.IsNullOrEmpty(username);
        var hasPassword = !string.IsNullOrEmpty(password);
        if (hasBearer && (hasUser || hasPassword))
        {
            problems.Add($"{prefix}: set either BearerToken or Username/Password, not both.");
        }

        if (hasPassword && !hasUser)
        {
            problems.Add($"{prefix}:Username is required with a Password.");
        }

        if (hasUser && username!.Contains(':', StringComparison.Ordinal))
        {
            problems.Add($"{prefix}:Username must not contain ':' (basic authentication separates user and password with it).");
        }
    }

    /// <summary>The <c>Authorization</c> header for the settings, or <see langword="null"/> without any.</summary>
    public static AuthenticationHeaderValue? Header(string? bearerToken, string? username, string? password)
        => !string.IsNullOrEmpty(bearerToken) ? new AuthenticationHeaderValue("Bearer", bearerToken)
            : !string.IsNullOrEmpty(username) ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")))
            : null;

    public static bool IsHttp(Uri address) => address.IsAbsoluteUri && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps);
}
