namespace Observability;

/// <summary>
/// The metric names the <see cref="GitHubActionsCollector"/> puts on its snapshots, besides
/// <see cref="WellKnownMetrics.JobCount"/>, <see cref="WellKnownMetrics.ErrorCount"/>,
/// <see cref="WellKnownMetrics.ErrorRate"/> and <see cref="WellKnownMetrics.Availability"/>.
/// Durations are milliseconds.
/// </summary>
public static class GitHubActionsMetrics
{
    /// <summary>A completed run's duration: <c>updated_at</c> minus <c>run_started_at</c>.</summary>
    public const string RunDuration = "run_duration_ms";

    /// <summary>How long the run waited before it started: <c>run_started_at</c> minus <c>created_at</c>; first attempts only.</summary>
    public const string RunQueued = "run_queued_ms";

    /// <summary>The longest completed job: <c>completed_at</c> minus <c>started_at</c>.</summary>
    public const string JobDurationMax = "job_duration_max_ms";

    /// <summary>The longest wait of a job before it started: <c>started_at</c> minus <c>created_at</c>.</summary>
    public const string JobQueuedMax = "job_queued_max_ms";

    /// <summary>Jobs (or the run, without jobs) still queued, waiting or in progress; never counted as failures.</summary>
    public const string InProgressCount = "in_progress_count";

    /// <summary>Completed jobs (or runs) whose conclusion is <c>success</c>.</summary>
    public const string SuccessCount = "conclusion_success";

    /// <summary>Completed jobs (or runs) whose conclusion is <c>failure</c> (or <c>startup_failure</c>).</summary>
    public const string FailureCount = "conclusion_failure";

    /// <summary>Completed jobs (or runs) whose conclusion is <c>cancelled</c>.</summary>
    public const string CancelledCount = "conclusion_cancelled";

    /// <summary>Completed jobs (or runs) whose conclusion is <c>timed_out</c>.</summary>
    public const string TimedOutCount = "conclusion_timed_out";

    /// <summary>Completed jobs (or runs) whose conclusion is <c>skipped</c>.</summary>
    public const string SkippedCount = "conclusion_skipped";

    /// <summary>Step log files in the run's log archive (with <see cref="GitHubActionsCollectorOptions.DownloadLogs"/>).</summary>
    public const string LogFiles = "log_files";

    /// <summary>Lines marked <c>##[error]</c> in the run's log archive (with <see cref="GitHubActionsCollectorOptions.DownloadLogs"/>).</summary>
    public const string LogErrorLines = "log_error_lines";

    /// <summary>Lines marked <c>##[error]</c> in the plain-text logs of the failed jobs (with <see cref="GitHubActionsCollectorOptions.DownloadLogs"/>).</summary>
    public const string FailedJobLogErrorLines = "failed_job_log_error_lines";

    /// <summary>
    /// Names the count of the <see cref="LogErrorLines"/> that the <see cref="ICiErrorClassifier"/> put in one category,
    /// for example <c>log_error_lines@timeout</c> (see <see cref="WellKnownMetrics.ForRegion"/>). A snapshot carries one
    /// for each category that occurred; they add up to <see cref="LogErrorLines"/>.
    /// </summary>
    /// <param name="category">The category, for example <see cref="CiErrorCategories.Timeout"/>.</param>
    /// <returns>The metric name.</returns>
    /// <exception cref="ArgumentException"><paramref name="category"/> is <see langword="null"/>, empty or blank.</exception>
    public static string LogErrorLinesIn(string category) => WellKnownMetrics.ForRegion(LogErrorLines, category);

    /// <summary>
    /// Names the count of the <see cref="FailedJobLogErrorLines"/> that the <see cref="ICiErrorClassifier"/> put in one
    /// category, for example <c>failed_job_log_error_lines@cancelled</c>. They add up to <see cref="FailedJobLogErrorLines"/>.
    /// </summary>
    /// <param name="category">The category, for example <see cref="CiErrorCategories.Cancelled"/>.</param>
    /// <returns>The metric name.</returns>
    /// <exception cref="ArgumentException"><paramref name="category"/> is <see langword="null"/>, empty or blank.</exception>
    public static string FailedJobLogErrorLinesIn(string category) => WellKnownMetrics.ForRegion(FailedJobLogErrorLines, category);
}
