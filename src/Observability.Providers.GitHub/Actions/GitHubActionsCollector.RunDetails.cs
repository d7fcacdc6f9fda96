using System.Globalization;
using Observability.Internal;
using Octokit;

namespace Observability;

/// <content>Reading one run's jobs and logs.</content>
public sealed partial class GitHubActionsCollector
{
    /// <summary>
    /// Reads the jobs and logs of the runs of one collection. A failure is recorded with the run it belongs to and
    /// the run keeps the values read so far; after a rate limit or a refused token no further request is sent.
    /// </summary>
    private sealed class RunDetailsReader(GitHubActionsCollector collector, List<CollectionError> errors, CancellationToken cancellationToken)
    {
        private bool _stopped;

        public async Task<MetricSnapshot> ReadAsync(WorkflowRun run)
        {
            var location = "run " + run.Id.ToString(CultureInfo.InvariantCulture);
            var options = collector._options;
            IReadOnlyList<WorkflowJob>? jobs = null;
            if (options.IncludeJobs)
            {
                jobs = await TryAsync(
                    async () => (await collector._client.Actions.Workflows.Jobs
                        .List(collector._owner, collector._repository, run.Id, new WorkflowRunJobsRequest(), new ApiOptions { PageSize = PageSize })
                        .WaitAsync(cancellationToken).ConfigureAwait(false)).Jobs ?? [],
                    $"listing the jobs of run {location}",
                    location).ConfigureAwait(false);
            }

            var tally = new WorkflowRunTally(run, jobs);
            if (options.DownloadLogs && tally.RunCompleted)
            {
                await ReadLogsAsync(run, tally, location).ConfigureAwait(false);
            }

            return tally.ToSnapshot(collector.Name);
        }

        private async Task ReadLogsAsync(WorkflowRun run, WorkflowRunTally tally, string location)
        {
            var archive = await TryAsync(
                async () =>
                {
                    // Octokit follows the 302 to the signed URL and returns the ZIP's bytes.
                    var zip = await collector._client.Actions.Workflows.Runs.GetLogs(collector._owner, collector._repository, run.Id)
                        .WaitAsync(cancellationToken).ConfigureAwait(false);
                    return ActionsLogReader.ReadRunArchive(zip, location, collector._parser, cancellationToken);
                },
                $"downloading the logs of {location}",
                location).ConfigureAwait(false);
            if (archive is not null)
            {
                tally.Add(GitHubActionsMetrics.LogFiles, archive.Files);
                tally.Add(GitHubActionsMetrics.LogErrorLines, archive.ErrorLines);
                AddCategories(tally, GitHubActionsMetrics.LogErrorLinesIn, archive.ErrorCategories);
            }

            List<CiLogAnalysis>? failedJobLogs = null;
            foreach (var job in tally.FailedJobs)
            {
                var jobLocation = "job " + job.Id.ToString(CultureInfo.InvariantCulture);
                var text = await TryAsync(
                    () => collector._client.Actions.Workflows.Jobs.GetLogs(collector._owner, collector._repository, job.Id).WaitAsync(cancellationToken),
                    $"downloading the log of {jobLocation} of {location}",
                    jobLocation).ConfigureAwait(false);
                if (text is not null)
                {
                    (failedJobLogs ??= []).Add(ActionsLogReader.ReadJobLog(text, jobLocation, collector._parser));
                }
            }

            if (failedJobLogs is not null)
            {
                tally.Add(GitHubActionsMetrics.FailedJobLogErrorLines, failedJobLogs.Sum(static log => log.ErrorCount));
                AddCategories(tally, GitHubActionsMetrics.FailedJobLogErrorLinesIn, ActionsLogReader.SumCategories(failedJobLogs));
            }
        }

        /// <summary>Adds one count per category of error lines, named by <paramref name="metric"/>; they add up to the error lines.</summary>
        private static void AddCategories(WorkflowRunTally tally, Func<string, string> metric, IReadOnlyDictionary<string, int> categories)
        {
            foreach (var (category, count) in categories)
            {
                tally.Add(metric(category), count);
            }
        }

        private async Task<T?> TryAsync<T>(Func<Task<T>> read, string what, string location)
            where T : class
        {
            if (_stopped)
            {
                return null;
            }

            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (Exception e) when (!IsCallerCancellation(e, cancellationToken))
            {
                var error = collector.Scrub(GitHubFailure.Describe(e, what, collector._timeProvider)) with { Location = location };
                errors.Add(error);
                _stopped = error.Kind is CollectionErrorKind.RateLimited or CollectionErrorKind.Unauthorized;
                return null;
            }
        }
    }
}
