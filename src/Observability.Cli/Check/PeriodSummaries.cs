namespace Observability.Cli.Check;

/// <summary>
/// The week behind the verdict: the pass's window split into days by elapsed hours from its start,
/// each day judged tick by tick with the pass's thresholds (availability, errors, latency, resources,
/// the alerts that fired, drift against the baseline file, completeness), and a weekly summary with
/// its trends and rollback recommendation, written next to the health report. The stability monitor
/// sample builds the same files from the same snapshots, with the same numbers.
/// </summary>
internal static class PeriodSummaries
{
    public static async Task<(IReadOnlyList<DailySummary> Days, WeeklySummary Week, IReadOnlyList<string> Files)> WriteAsync(
        MonitoringPassResult result, ObservabilityOptions options, TimeSpan interval, CancellationToken cancellationToken)
    {
        var window = result.Report.Window;
        var snapshots = result.Collections.FirstOrDefault(static c => c.HasData)?.Snapshots
            .Where(s => window.Contains(s.Timestamp))
            .ToArray() ?? [];
        var days = DailyAggregator.AggregateDays(snapshots, window, alerts: null, DailyAggregationOptions.From(options, interval));
        var weekly = WeeklySummaryOptions.From(options.Thresholds);
        weekly.ServiceName = options.ServiceName;
        var week = WeeklySummarizer.Summarize(days, weekly);
        IReadOnlyList<string> files = [];
        if (options.Reports.OutputDirectory is { } directory)
        {
            files = await new SummaryReporter().WriteFilesAsync(Path.GetFullPath(Path.Combine(directory, "summaries")), days, week, cancellationToken).ConfigureAwait(false);
        }

        return (days, week, files);
    }

    /// <summary>
    /// The pages that show the week too: each registered dashboard, PDF and operational reporter writes its files again,
    /// now with the week's daily table (and <c>weekly_summary.html</c>, <c>weekly_summary.pdf</c> beside them).
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteWeekPagesAsync(
        IEnumerable<IReporter> reporters, HealthReport report, WeeklySummary week, ObservabilityOptions options, CancellationToken cancellationToken)
    {
        if (options.Reports.OutputDirectory is not { } directory)
        {
            return [];
        }

        var output = Path.GetFullPath(directory);
        var files = new List<string>();
        foreach (var reporter in reporters)
        {
            files.AddRange(reporter switch
            {
                HtmlReporter html => await html.WriteFilesAsync(output, report, week, cancellationToken).ConfigureAwait(false),
                PdfReporter pdf => await pdf.WriteFilesAsync(output, report, week, cancellationToken).ConfigureAwait(false),
                OperationalReporter operational => await operational.WriteFilesAsync(output, report, week, cancellationToken).ConfigureAwait(false),
                _ => [],
            });
        }

        return files;
    }
}
