namespace Observability;

/// <summary>
/// Told about every finished monitoring pass, after its alerts and reports: publish the verdict somewhere else (a
/// commit status, a dashboard, a deployment tool). Register one with
/// <c>services.AddSingleton&lt;IMonitoringPassObserver, MyObserver&gt;()</c>; every registered observer is called, in
/// registration order, whoever ran the pass.
/// </summary>
/// <remarks>
/// An observer should turn its own failures into log lines. One that throws anyway is logged and skipped: it never
/// fails the pass, and the other observers are still called. Only the caller's cancellation ends the pass.
/// </remarks>
/// <example>
/// <code>
/// sealed class VerdictFile : IMonitoringPassObserver
/// {
///     public Task OnPassCompletedAsync(MonitoringPassResult result, CancellationToken cancellationToken)
///         => File.WriteAllTextAsync("verdict.txt", result.Verdict.Decision.ToString(), cancellationToken);
/// }
/// </code>
/// </example>
public interface IMonitoringPassObserver
{
    /// <summary>Receives the result of a finished pass.</summary>
    /// <param name="result">The pass's verdict, report and what each stage did.</param>
    /// <param name="cancellationToken">The pass's cancellation.</param>
    /// <returns>A task that completes when the observer is done with the result.</returns>
    Task OnPassCompletedAsync(MonitoringPassResult result, CancellationToken cancellationToken);
}
