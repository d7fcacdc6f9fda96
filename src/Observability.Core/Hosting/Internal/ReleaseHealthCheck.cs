using Microsoft.Extensions.Diagnostics.HealthChecks;
using CheckStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace Observability.Internal;

/// <summary>
/// Reports the last pass's verdict: proceed Healthy, hold Degraded, rollback Unhealthy; no pass yet and no data are
/// Degraded (the release is not judged: a probe should not restart the service for it, a dashboard should show it).
/// The data carries the verdict, the scores, the reasons and when the pass ran.
/// </summary>
internal sealed class ReleaseHealthCheck(IMonitoringResultAccessor results) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (results.LastResult is not { } last)
        {
            return Task.FromResult(new HealthCheckResult(
                CheckStatus.Degraded,
                "No monitoring pass has run yet.",
                data: new Dictionary<string, object> { ["verdict"] = "none" }));
        }

        var report = last.Report;
        var verdict = report.Verdict;
        var status = verdict.Decision switch
        {
            Decision.Proceed => CheckStatus.Healthy,
            Decision.Rollback => CheckStatus.Unhealthy,
            _ => CheckStatus.Degraded,
        };
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["verdict"] = Token(verdict.Decision),
            ["service"] = report.Service,
            ["health"] = Math.Round(report.Health.Value, 1),
            ["stability"] = Math.Round(report.Stability.Value, 1),
            ["alerts"] = report.Alerts.Count,
            ["reasons"] = verdict.Reasons.Select(static r => r.Message).ToArray(),
            ["rules"] = verdict.Reasons.Select(static r => r.Rule).ToArray(),
            ["generatedAt"] = report.GeneratedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["windowEnd"] = report.Window.End.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["traceId"] = report.TraceId,
        };
        return Task.FromResult(new HealthCheckResult(status, $"{report.Service}: {Token(verdict.Decision)}: {verdict.Summary}", data: data));
    }

    private static string Token(Decision decision) => decision switch
    {
        Decision.Proceed => "proceed",
        Decision.Hold => "hold",
        Decision.Rollback => "rollback",
        Decision.NoData => "no_data",
        _ => decision.ToString().ToLowerInvariant(),
    };
}
