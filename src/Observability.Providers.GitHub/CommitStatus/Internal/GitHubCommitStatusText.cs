using Octokit;

namespace Observability.Internal;

/// <summary>What a pass's commit status says: its state and its one-line description of at most 140 characters.</summary>
internal static class GitHubCommitStatusText
{
    /// <summary>Proceed is success, hold pending (failure when asked), rollback failure, no data error.</summary>
    public static CommitState State(Decision decision, bool failOnHold) => decision switch
    {
        Decision.Proceed => CommitState.Success,
        Decision.Hold => failOnHold ? CommitState.Failure : CommitState.Pending,
        Decision.Rollback => CommitState.Failure,
        _ => CommitState.Error,
    };

    /// <summary>The state as GitHub spells it, for the log line.</summary>
    public static string Name(CommitState state) => state.ToString().ToLowerInvariant();

    /// <summary>
    /// <c>Roll back, health 42: &lt;first reason&gt;</c>; <c>Proceed, health 97.5: within thresholds</c>;
    /// <c>No data: &lt;first reason&gt;</c>. One line, cut to GitHub's 140 characters.
    /// </summary>
    public static string Description(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var decision = report.Verdict.Decision;
        var verdict = decision switch
        {
            Decision.Proceed => "Proceed",
            Decision.Hold => "Hold",
            Decision.Rollback => "Roll back",
            _ => "No data",
        };
        var health = decision != Decision.NoData && double.IsFinite(report.Health.Value) ? $", health {Figures.Score(report.Health.Value)}" : string.Empty;
        var reason = report.Verdict.Reasons.FirstOrDefault()?.Message
            ?? (decision switch
            {
                Decision.Proceed => "error rate, health and SLOs within their thresholds",
                Decision.NoData => "nothing usable was collected",
                _ => report.Verdict.Summary,
            });
        var text = $"{verdict}{health}: {reason}".ReplaceLineEndings(" ");
        return GitHubIssueText.Cut(text, GitHubIssueText.MaxStatusDescriptionLength);
    }
}
