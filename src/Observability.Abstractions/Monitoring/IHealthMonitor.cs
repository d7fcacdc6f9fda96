namespace Observability;

/// <summary>
/// Runs monitoring passes: collect from the registered collectors, classify the snapshots,
/// evaluate thresholds and scores, decide a verdict, send alerts and write reports.
/// A pass never throws for a failing collector, sink or reporter; those become results.
/// </summary>
public interface IHealthMonitor
{
    /// <summary>Runs one pass over the configured look-back window ending now.</summary>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The verdict, report, alerts and what each stage did.</returns>
    Task<MonitoringPassResult> RunOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs one pass over an explicit window (for example historical data).</summary>
    /// <param name="window">The window to collect and judge.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The verdict, report, alerts and what each stage did.</returns>
    Task<MonitoringPassResult> RunOnceAsync(CollectionWindow window, CancellationToken cancellationToken = default);
}
