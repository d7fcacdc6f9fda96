using Octokit;

namespace Observability.Internal;

/// <summary>
/// Turns one workflow run (and its jobs, when read) into the values of its snapshot. The unit counted is the job
/// when jobs were read, else the run itself. Units not yet completed are counted in
/// <see cref="GitHubActionsMetrics.InProgressCount"/> and left out of every rate.
/// </summary>
internal sealed class WorkflowRunTally
{
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private int _completed;
    private int _failed;
    private int _inProgress;
    private int _success;
    private int _failure;
    private int _cancelled;
    private int _timedOut;
    private int _skipped;

    public WorkflowRunTally(WorkflowRun run, IReadOnlyList<WorkflowJob>? jobs)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
        Jobs = jobs;
        if (IsCompleted(run.Status.StringValue))
        {
            _metrics[GitHubActionsMetrics.RunDuration] = Milliseconds(run.UpdatedAt - run.RunStartedAt);
        }

        // A re-run attempt starts long after the run was created: its wait is not a queue time.
        if (run.RunStartedAt != default && run.RunAttempt <= 1)
        {
            _metrics[GitHubActionsMetrics.RunQueued] = Milliseconds(run.RunStartedAt - run.CreatedAt);
        }

        if (jobs is null)
        {
            Count(run.Status.StringValue, run.Conclusion?.StringValue);
        }
        else
        {
            double? longest = null;
            double? longestWait = null;
            foreach (var job in jobs)
            {
                Count(job.Status.StringValue, job.Conclusion?.StringValue);
                if (job.CompletedAt is { } completedAt && job.StartedAt != default)
                {
                    longest = Math.Max(longest ?? 0, Milliseconds(completedAt - job.StartedAt));
                }

                if (job.CreatedAt is { } createdAt && job.StartedAt != default)
                {
                    longestWait = Math.Max(longestWait ?? 0, Milliseconds(job.StartedAt - createdAt));
                }
            }

            Set(GitHubActionsMetrics.JobDurationMax, longest);
            Set(GitHubActionsMetrics.JobQueuedMax, longestWait);
        }
    }

    public WorkflowRun Run { get; }

    public IReadOnlyList<WorkflowJob>? Jobs { get; }

    public bool RunCompleted => IsCompleted(Run.Status.StringValue);

    /// <summary>Gets the jobs whose conclusion counts as a failure.</summary>
    public IEnumerable<WorkflowJob> FailedJobs => Jobs?.Where(static j => IsFailure(j.Conclusion?.StringValue)) ?? [];

    public void Add(string metric, double value) => _metrics[metric] = value;

    public MetricSnapshot ToSnapshot(string source)
    {
        var metrics = new Dictionary<string, double>(_metrics, StringComparer.Ordinal)
        {
            [GitHubActionsMetrics.InProgressCount] = _inProgress,
            [GitHubActionsMetrics.SuccessCount] = _success,
            [GitHubActionsMetrics.FailureCount] = _failure,
            [GitHubActionsMetrics.CancelledCount] = _cancelled,
            [GitHubActionsMetrics.TimedOutCount] = _timedOut,
            [GitHubActionsMetrics.SkippedCount] = _skipped,
        };

        // Skipped units did not run: they are neither a success nor a failure of the pipeline.
        var ran = _completed - _skipped;
        if (ran > 0)
        {
            var errorRate = (double)_failed / ran;
            metrics[WellKnownMetrics.JobCount] = ran;
            metrics[WellKnownMetrics.ErrorCount] = _failed;
            metrics[WellKnownMetrics.ErrorRate] = errorRate;
            metrics[WellKnownMetrics.Availability] = 1 - errorRate;
        }

        return new MetricSnapshot(Run.CreatedAt, source, metrics);
    }

    internal static bool IsCompleted(string? status) => string.Equals(status, "completed", StringComparison.OrdinalIgnoreCase);

    internal static bool IsFailure(string? conclusion)
        => conclusion is not null
           && (conclusion.Equals("failure", StringComparison.OrdinalIgnoreCase)
               || conclusion.Equals("timed_out", StringComparison.OrdinalIgnoreCase)
               || conclusion.Equals("startup_failure", StringComparison.OrdinalIgnoreCase));

    private static double Milliseconds(TimeSpan span) => Math.Max(0, span.TotalMilliseconds);

    private void Set(string metric, double? value)
    {
        if (value is { } v)
        {
            _metrics[metric] = v;
        }
    }

    private void Count(string? status, string? conclusion)
    {
        if (!IsCompleted(status) || conclusion is null)
        {
            _inProgress++;
            return;
        }

        _completed++;
        if (IsFailure(conclusion))
        {
            _failed++;
        }

        switch (conclusion.ToLowerInvariant())
        {
            case "success":
                _success++;
                break;
            case "failure" or "startup_failure":
                _failure++;
                break;
            case "cancelled":
                _cancelled++;
                break;
            case "timed_out":
                _timedOut++;
                break;
            case "skipped":
                _skipped++;
                break;
        }
    }
}
