namespace Observability.Internal;

/// <summary>The action when none is configured: nothing runs and the outcome says why.</summary>
internal sealed class UnconfiguredRollbackAction : IRollbackAction
{
    public const string Problem = "no rollback action is configured (set Observability:Rollback:Command:FileName or Observability:Rollback:Http:Url, or register an IRollbackAction)";

    public string Description => "none";

    public Task<RollbackActionResult> ExecuteAsync(RollbackRequest request, CancellationToken cancellationToken)
        => Task.FromResult(new RollbackActionResult(RollbackOutcome.Error) { Error = Problem });
}
