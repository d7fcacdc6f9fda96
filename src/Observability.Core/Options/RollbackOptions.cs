namespace Observability;

/// <summary>
/// The emergency rollback (<c>Observability:Rollback</c>): the action that takes a rollout back (a command or an HTTP
/// call; the library cannot know how your rollout is set to 0 %), its timeout, where the audit trail is written and
/// whether a pass that says rollback runs it by itself.
/// </summary>
public sealed class RollbackOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether a monitoring pass whose verdict is rollback runs the rollback action by
    /// itself, once per condition (again only after a pass that is not rollback). Default: <see langword="false"/>.
    /// </summary>
    public bool Automatic { get; set; }

    /// <summary>Gets or sets how long the action may run before it is stopped and recorded as timed out. Default: 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets the folder of the audit trail, <c>rollback-audit.jsonl</c> (one JSON line per rollback, appended).
    /// Default: <see langword="null"/> (the entry is logged only; <c>obs rollback</c> uses its <c>--state</c> folder).
    /// </summary>
    public string? AuditDirectory { get; set; }

    /// <summary>Gets the command that rolls back (set <see cref="RollbackCommandOptions.FileName"/> to use it).</summary>
    public RollbackCommandOptions Command { get; } = new();

    /// <summary>Gets the HTTP call that rolls back (set <see cref="RollbackHttpOptions.Url"/> to use it).</summary>
    public RollbackHttpOptions Http { get; } = new();
}
