namespace Observability;

/// <summary>The processor and cost alerts of <see cref="ReleaseAlerts"/>.</summary>
public static partial class ReleaseAlerts
{
    /// <summary>
    /// A processor issue: stuck jobs, high latency and rate limiting are warnings; a connection failure is an error.
    /// The rule names the kind (see <see cref="ProcessorIssueRule"/>), and the processor is a label.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="processor">The processor, for example <c>stripe</c>.</param>
    /// <param name="kind">What is wrong.</param>
    /// <param name="detail">What was measured, for example <c>12 jobs in progress for over 30 minutes</c>.</param>
    /// <param name="timestamp">When it was observed.</param>
    /// <param name="rollout">The rollout, if any; its processor is filled in when missing.</param>
    /// <returns>The alert.</returns>
    public static Alert ProcessorIssue(string service, string processor, ProcessorIssueKind kind, string detail, DateTimeOffset timestamp, ReleaseRollout? rollout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(processor);
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        var (severity, what) = kind switch
        {
            ProcessorIssueKind.StuckJobs => (AlertSeverity.Warning, "stuck jobs"),
            ProcessorIssueKind.HighLatency => (AlertSeverity.Warning, "high latency"),
            ProcessorIssueKind.RateLimited => (AlertSeverity.Warning, "rate limited"),
            ProcessorIssueKind.ConnectionFailure => (AlertSeverity.Error, "connection failure"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown processor issue kind."),
        };
        return Build(
            ProcessorIssueRule(kind),
            severity,
            service,
            "processor",
            $"{service}: {processor} {what}",
            detail,
            timestamp,
            rollout is null ? null : rollout with { Processor = rollout.Processor ?? processor },
            new() { ["processor"] = processor, ["issue"] = what },
            new() { ["processor"] = processor });
    }

    /// <summary>The rule of a processor issue: <c>processor_stuck_jobs</c>, <c>processor_high_latency</c>, <c>processor_rate_limited</c> or <c>processor_connection_failure</c>.</summary>
    /// <param name="kind">The kind of issue.</param>
    /// <returns>The rule.</returns>
    public static string ProcessorIssueRule(ProcessorIssueKind kind) => kind switch
    {
        ProcessorIssueKind.StuckJobs => "processor_stuck_jobs",
        ProcessorIssueKind.HighLatency => "processor_high_latency",
        ProcessorIssueKind.RateLimited => "processor_rate_limited",
        ProcessorIssueKind.ConnectionFailure => "processor_connection_failure",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown processor issue kind."),
    };

    /// <summary>
    /// A cost at least <see cref="CostWarningIncrease"/> (25 %) above the expected cost is a warning, at least
    /// <see cref="CostCriticalIncrease"/> (50 %) above it critical; exactly 25 % is a warning, exactly 50 % critical.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="expectedCost">The expected cost (baseline), above 0.</param>
    /// <param name="actualCost">The observed cost, 0 or more, in the same unit.</param>
    /// <param name="timestamp">When the cost was observed.</param>
    /// <returns>The alert, or <see langword="null"/> when the cost is less than 25 % above the expected cost.</returns>
    public static Alert? CostAnomaly(string service, double expectedCost, double actualCost, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (!double.IsFinite(expectedCost) || expectedCost <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedCost), expectedCost, "The expected cost must be above 0.");
        }

        if (!double.IsFinite(actualCost) || actualCost < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(actualCost), actualCost, "The actual cost must be 0 or more.");
        }

        var increase = (actualCost - expectedCost) / expectedCost;
        if (increase < CostWarningIncrease - Tolerance)
        {
            return null;
        }

        var severity = increase >= CostCriticalIncrease - Tolerance ? AlertSeverity.Critical : AlertSeverity.Warning;
        return Build(
            CostAnomalyRule,
            severity,
            service,
            "cost",
            Format($"{service}: cost {increase:0.0%} above expected"),
            Format($"Cost {actualCost:0.00} against {expectedCost:0.00} expected (+{increase:0.0%}; warning from {CostWarningIncrease:0%}, critical from {CostCriticalIncrease:0%})."),
            timestamp,
            null,
            new() { ["expected_cost"] = expectedCost, ["actual_cost"] = actualCost, ["increase"] = increase });
    }
}
