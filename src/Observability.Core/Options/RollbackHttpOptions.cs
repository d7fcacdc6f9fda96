namespace Observability;

/// <summary>
/// A rollback HTTP call (<c>Observability:Rollback:Http</c>), for a feature-flag service or a deployment API. A 2xx
/// answer means rolled back. Credentials never come from options: <see cref="TokenVariable"/> names the environment
/// variable whose value is sent as a bearer token, and it is never logged or recorded.
/// </summary>
public sealed class RollbackHttpOptions
{
    /// <summary>Gets or sets the address called. Default: <see langword="null"/> (no HTTP call). No credentials in it.</summary>
    public Uri? Url { get; set; }

    /// <summary>Gets or sets the HTTP method. Default: <c>POST</c>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>Gets or sets the request body sent as written. Default: <see langword="null"/> (no body).</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the media type of <see cref="Body"/>. Default: <c>application/json</c>.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>
    /// Gets or sets the name of the environment variable holding a token sent as <c>Authorization: Bearer</c>, read when
    /// the call is made. Default: <see langword="null"/> (no authorization header).
    /// </summary>
    public string? TokenVariable { get; set; }
}
