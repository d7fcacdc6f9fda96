namespace Observability;

/// <summary>
/// Options of the <see cref="AlertmanagerAlertSink"/>. Validated at start-up with every problem listed.
/// <see cref="BearerToken"/> and <see cref="Password"/> are secrets: never logged, never in a result or an exception.
/// </summary>
public sealed class AlertmanagerAlertSinkOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "alertmanager";

    /// <summary>
    /// Gets or sets the Alertmanager base address, for example <c>http://127.0.0.1:9093/</c> (with its path prefix, if any);
    /// the sink posts to <c>api/v2/alerts</c> under it. Required. It must not hold credentials: set
    /// <see cref="BearerToken"/> or <see cref="Username"/> and <see cref="Password"/> instead.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>Gets or sets a bearer token sent in the <c>Authorization</c> header (for an Alertmanager behind an authenticating proxy). A secret.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets the user name of basic authentication; not together with <see cref="BearerToken"/>.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password of basic authentication. A secret.</summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets how long one post may take before it counts as failed ("timed out"). Default: 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the <c>generatorURL</c> of alerts that carry no absolute link (an alert's first link is used
    /// when it has one). Default: none, and the field is left out.
    /// </summary>
    public Uri? GeneratorUrl { get; set; }

    /// <summary>
    /// Gets or sets how long a firing alert stays active in Alertmanager without being sent again: when set, a firing
    /// alert's <c>endsAt</c> is now + this; when <see langword="null"/> (the default), <c>endsAt</c> is left out and
    /// Alertmanager applies its own <c>resolve_timeout</c> (5 minutes by default).
    /// </summary>
    public TimeSpan? ResolveTimeout { get; set; }

    /// <summary>
    /// Gets labels added to every alert (for example <c>cluster</c> or <c>team</c>). An alert's own label of the same name
    /// wins, and <c>alertname</c>, <c>severity</c> and <c>fingerprint</c> are always the sink's. Names must match
    /// <c>[a-zA-Z_][a-zA-Z0-9_]*</c>; empty values are not allowed (Alertmanager drops them).
    /// </summary>
    public IDictionary<string, string> StaticLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
