namespace Observability.Internal;

/// <summary>What happens after every monitoring pass: the result is kept for the health check, and an automatic rollback runs when it is due.</summary>
internal sealed class PassFollowUp(MonitoringResultAccessor results, AutomaticRollback rollback)
{
    public async Task AfterPassAsync(MonitoringPassResult result, ObservabilityOptions options, CancellationToken cancellationToken)
    {
        results.Record(result);
        await rollback.AfterPassAsync(result.Report, options.Rollback, cancellationToken).ConfigureAwait(false);
    }
}
