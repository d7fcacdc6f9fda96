namespace Observability;

/// <summary>
/// Options of the <see cref="SentryAlertSink"/>. Validated at start-up with every problem listed; the DSN is a
/// secret and never appears in a log line, an exception message or <see cref="ToString"/>.
/// </summary>
public sealed class SentryAlertSinkOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "sentry";

    /// <summary>
    /// Gets or sets the project's DSN, <c>{protocol}://{public_key}@{host}{path}/{project_id}</c>. Required. Secret:
    /// never logged or printed.
    /// </summary>
    public string? Dsn { get; set; }

    /// <summary>
    /// Gets or sets the environment of the events (for example <c>production</c>). Default (<see langword="null"/>):
    /// the alert's <c>environment</c> label, else the Sentry SDK's own default.
    /// </summary>
    public string? Environment { get; set; }

    /// <summary>Gets or sets the release of the events (for example <c>checkout@2.4.1</c>). Default (<see langword="null"/>): the Sentry SDK's own default.</summary>
    public string? Release { get; set; }

    /// <summary>Gets or sets the server name of the events. Default (<see langword="null"/>): none.</summary>
    public string? ServerName { get; set; }

    /// <summary>Gets or sets how long one event's delivery may take. Default: 10 seconds; at most 5 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets whether resolved alerts are sent. Default: <see langword="false"/>, a resolved alert makes no
    /// event (Sentry closes issues itself, by inactivity or by a person). When <see langword="true"/>, a resolved
    /// alert is sent at info level with the tag <c>alert_status=resolved</c> and the same fingerprint, so it lands
    /// in the issue of the firing alert.
    /// </summary>
    public bool SendResolved { get; set; }

    /// <summary>Describes the options without the DSN.</summary>
    /// <returns>The environment, release, timeout and whether a DSN is set.</returns>
    public override string ToString()
        => $"SentryAlertSinkOptions {{ Dsn = {(string.IsNullOrEmpty(Dsn) ? "(none)" : "(set)")}, Environment = {Environment ?? "(default)"}, Release = {Release ?? "(default)"}, Timeout = {Timeout}, SendResolved = {SendResolved} }}";
}
