namespace Observability.Internal;

/// <summary>The audit log when no folder is configured: the rollback's own log entries are the trail.</summary>
internal sealed class LoggedRollbackAuditLog : IRollbackAuditLog
{
    public Task AppendAsync(RollbackRecord record, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
