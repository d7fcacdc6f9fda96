namespace Observability;

/// <summary>
/// The emergency rollback, as <c>obs rollback --confirm YES</c> and an automatic rollback run it: runs the
/// <see cref="IRollbackAction"/> within <see cref="RollbackOptions.Timeout"/>, records the outcome in the
/// <see cref="IRollbackAuditLog"/>, and publishes a critical <c>release_emergency_rollback</c> alert through the
/// alert pipeline (so the sinks notify and the GitHub issue sink opens the incident issue).
/// </summary>
public interface IEmergencyRollback
{
    /// <summary>Rolls back now. A failing action, audit log or sink is a result, never an exception; the caller's cancellation is recorded and rethrown.</summary>
    /// <param name="request">Who asked, why and for which service.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The audit entry, with the action's outcome.</returns>
    Task<RollbackRecord> RollBackAsync(RollbackRequest request, CancellationToken cancellationToken = default);
}
