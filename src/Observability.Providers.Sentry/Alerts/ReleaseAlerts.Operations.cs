namespace Observability;

/// <summary>The processor and cost alerts of <see cref="ReleaseAlerts"/>.</summary>
public static partial class ReleaseAlerts
{
    private static readonly CostAnomalyDetector DefaultCostDetector = new();

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
    /// Judges a cost with <see cref="CostAnomalyDetector"/>, the one definition of cost variance:
    /// variance = (actual - expected) / expected x 100, either way. With the default detector a variance strictly above
    /// 25 % is a warning and strictly above 50 % critical: exactly 25 % raises nothing, exactly 50 % is a warning, and
    /// spending far less than expected counts as much as spending far more. An expected cost of 0 has no baseline: any
    /// actual cost above 0 is an <see cref="AlertSeverity.Info"/> alert for a person to judge.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="expectedCost">The expected cost (budget or forecast), 0 or more.</param>
    /// <param name="actualCost">The observed cost, 0 or more, in the same unit.</param>
    /// <param name="timestamp">When the cost was observed.</param>
    /// <param name="detector">The detector with your thresholds; one with the default thresholds when <see langword="null"/>.</param>
    /// <returns>The alert, or <see langword="null"/> when the cost is as expected.</returns>
    public static Alert? CostAnomaly(string service, decimal expectedCost, decimal actualCost, DateTimeOffset timestamp, CostAnomalyDetector? detector = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCost);
        ArgumentOutOfRangeException.ThrowIfNegative(actualCost);

        var judged = (detector ?? DefaultCostDetector).Evaluate(expectedCost, actualCost);
        if (judged.Severity is not { } severity)
        {
            return null;
        }

        var finding = judged.ToFinding();
        var title = finding is null ? $"{service}: cost with no expected cost to compare" : RuleCatalogue.Get(finding.Rule).TitleFor(service);
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["expected_cost"] = expectedCost,
            ["actual_cost"] = actualCost,
            ["variance_percent"] = judged.VariancePercent,
            ["threshold_percent"] = judged.ThresholdPercent,
        };
        if (finding is not null)
        {
            context["finding_rule"] = finding.Rule;
        }

        return Build(CostAnomalyRule, severity, service, RuleCatalogue.Categories.Cost, title, judged.Reason, timestamp, null, context);
    }
}
