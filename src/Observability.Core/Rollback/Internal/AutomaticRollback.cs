using System.Collections.Concurrent;

namespace Observability.Internal;

/// <summary>
/// Runs the emergency rollback when a pass says rollback and <see cref="RollbackOptions.Automatic"/> is on: once per
/// condition per service. A pass that is rollback again does nothing; a pass that proceeds or holds re-arms it (a
/// pass without data leaves it as it is: a collection failure neither triggers nor re-arms a rollback).
/// </summary>
internal sealed class AutomaticRollback(IEmergencyRollback rollback)
{
    private readonly ConcurrentDictionary<string, bool> _triggered = new(StringComparer.Ordinal);

    public async Task<RollbackRecord?> AfterPassAsync(HealthReport report, RollbackOptions options, CancellationToken cancellationToken)
    {
        switch (report.Verdict.Decision)
        {
            case Decision.Proceed or Decision.Hold:
                _triggered.TryRemove(report.Service, out _);
                return null;
            case Decision.Rollback when options.Automatic && _triggered.TryAdd(report.Service, true):
                return await rollback.RollBackAsync(
                    new RollbackRequest(report.Service, report.Verdict.Summary) { Decision = Decision.Rollback, TraceId = report.TraceId, Automatic = true },
                    cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }
}
