namespace Observability;

/// <summary>
/// The last monitoring pass of this process, whoever ran it (<c>AddHealthMonitorService</c>'s periodic pass or your
/// own <see cref="IHealthMonitor.RunOnceAsync(CancellationToken)"/>); the release health check reads it.
/// </summary>
public interface IMonitoringResultAccessor
{
    /// <summary>Gets the result of the last pass that finished, or <see langword="null"/> before the first.</summary>
    MonitoringPassResult? LastResult { get; }
}
