namespace Observability.Internal;

/// <summary>Turns a parsed log, archive or test result file into one snapshot.</summary>
internal static class CiRunSnapshots
{
    public static MetricSnapshot FromLog(CiLogAnalysis log, DateTimeOffset fallbackTime, string source)
    {
        var metrics = Runs(1, log.IsFailed ? 1 : 0);
        metrics[CiLogMetrics.ErrorLines] = log.ErrorCount;
        AddCategories(metrics, [log]);
        metrics[CiLogMetrics.WarningLines] = log.WarningCount;
        if (log.Duration is { } duration)
        {
            metrics[CiLogMetrics.DurationSeconds] = duration.TotalSeconds;
        }

        foreach (var (name, value) in log.Counters)
        {
            metrics[name] = value;
        }

        return new MetricSnapshot(log.FinishedAt ?? fallbackTime, source, metrics);
    }

    public static MetricSnapshot FromArchive(CiRunLogArchiveResult archive, DateTimeOffset fallbackTime, string source)
    {
        // job_count = jobs in the run; error_count = jobs that failed, were cancelled or timed out.
        var metrics = Runs(archive.Jobs.Count, archive.FailedJobs);
        var steps = archive.Jobs.SelectMany(static j => j.Logs).ToArray();
        metrics[CiLogMetrics.ErrorLines] = steps.Sum(static s => s.ErrorCount);
        AddCategories(metrics, steps);
        metrics[CiLogMetrics.WarningLines] = steps.Sum(static s => s.WarningCount);
        var start = steps.Select(static s => s.StartedAt).Where(static t => t is not null).Min();
        var end = steps.Select(static s => s.FinishedAt).Where(static t => t is not null).Max();
        if (start is { } first && end is { } last)
        {
            metrics[CiLogMetrics.DurationSeconds] = (last - first).TotalSeconds;
        }

        foreach (var (name, value) in steps.SelectMany(static s => s.Counters))
        {
            metrics[name] = metrics.GetValueOrDefault(name) + value;
        }

        return new MetricSnapshot(end ?? fallbackTime, source, metrics);
    }

    public static MetricSnapshot FromTests(TestResultSummary tests, DateTimeOffset fallbackTime, string source)
        => new(tests.FinishedAt ?? fallbackTime, source, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [CiLogMetrics.TestsPassed] = tests.Passed,
            [CiLogMetrics.TestsFailed] = tests.Failed,
            [CiLogMetrics.TestsSkipped] = tests.Skipped,
            [CiLogMetrics.TestsTotal] = tests.Total,
            [CiLogMetrics.TestsFlaky] = tests.FlakyTests.Count,
            [CiLogMetrics.TestsDurationSeconds] = tests.Duration.TotalSeconds,
        });

    /// <summary>Adds <c>ci_error_lines@&lt;category&gt;</c> for each category of the logs' error lines.</summary>
    private static void AddCategories(Dictionary<string, double> metrics, IEnumerable<CiLogAnalysis> logs)
    {
        foreach (var (category, count) in logs.SelectMany(static l => l.ErrorCategories))
        {
            var name = CiLogMetrics.ErrorLinesIn(category);
            metrics[name] = metrics.GetValueOrDefault(name) + count;
        }
    }

    private static Dictionary<string, double> Runs(int jobs, int failed)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [WellKnownMetrics.JobCount] = jobs,
            [WellKnownMetrics.ErrorCount] = failed,
        };
        if (jobs > 0)
        {
            metrics[WellKnownMetrics.ErrorRate] = (double)failed / jobs;
            metrics[WellKnownMetrics.Availability] = 1 - ((double)failed / jobs);
        }

        return metrics;
    }
}
