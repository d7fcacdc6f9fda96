namespace Observability;

/// <summary>
/// Keeps the rollback audit trail. The default appends a JSON line to <c>rollback-audit.jsonl</c> in
/// <see cref="RollbackOptions.AuditDirectory"/> (or only logs the entry when no folder is set); register your own to
/// keep it elsewhere.
/// </summary>
public interface IRollbackAuditLog
{
    /// <summary>Records one rollback.</summary>
    /// <param name="record">The entry; its texts are already redacted.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the entry is kept.</returns>
    Task AppendAsync(RollbackRecord record, CancellationToken cancellationToken = default);
}
