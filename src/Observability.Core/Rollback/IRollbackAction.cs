namespace Observability;

/// <summary>
/// Takes a rollout back. The built-in actions run a command or make an HTTP call (<see cref="RollbackOptions"/>);
/// register your own implementation to roll back another way (it replaces the built-in one):
/// <code>services.AddSingleton&lt;IRollbackAction, FeatureFlagRollback&gt;();</code>
/// </summary>
/// <remarks>
/// An implementation reports failures as a <see cref="RollbackActionResult"/> rather than throwing, and honours the
/// token: it is cancelled when <see cref="RollbackOptions.Timeout"/> is over (recorded as timed out) or when the
/// caller gives up.
/// </remarks>
public interface IRollbackAction
{
    /// <summary>Gets what the action does, for the audit trail and the alert (for example <c>command rollout-set</c>); never a secret.</summary>
    string Description { get; }

    /// <summary>Rolls back.</summary>
    /// <param name="request">Who asked, why and for which service.</param>
    /// <param name="cancellationToken">Cancelled at the timeout or by the caller.</param>
    /// <returns>What happened.</returns>
    Task<RollbackActionResult> ExecuteAsync(RollbackRequest request, CancellationToken cancellationToken);
}
