using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <content>Closing a day (aggregate, annotate, write) and finishing the run (the weekly summary).</content>
internal sealed partial class StabilityRunState
{
    private static readonly SummaryReporter Reporter = new();

    public async Task<StabilityRunResult> FinishAsync(DateTimeOffset stop, bool interrupted, int planned, WeeklySummaryOptions weeklyOptions, ILogger logger, CancellationToken cancellationToken)
    {
        while (_open.Count > 0)
        {
            await CloseAsync(_open.First().Value, interrupted, stop, logger, cancellationToken).ConfigureAwait(false);
        }

        WeeklySummary? weekly = null;
        if (_closed.Count > 0)
        {
            var days = _closed.Select(static d => d.Summary).ToArray();
            weekly = WeeklySummarizer.Summarize(days, weeklyOptions);
            var json = Path.Combine(_output, SummaryReporter.WeeklyFileName + ".json");
            await AtomicFile.WriteAsync(json, (s, ct) => Reporter.WriteJsonAsync(weekly, s, ct), cancellationToken).ConfigureAwait(false);
            var md = Path.Combine(_output, SummaryReporter.WeeklyFileName + ".md");
            await AtomicFile.WriteAsync(md, (s, ct) => Reporter.WriteMarkdownAsync(weekly, days, s, ct), cancellationToken).ConfigureAwait(false);
            _files.Add(json);
            _files.Add(md);
            LogWeeklyWritten(logger, _closed.Count, json);
        }

        return new StabilityRunResult
        {
            Start = _start,
            End = stop,
            Interrupted = interrupted,
            TicksPlanned = planned,
            TicksRun = _ticksRun,
            TicksSkipped = _skipped,
            TicksFailed = _failed,
            Days = [.. _closed],
            Weekly = weekly,
            Findings = [.. _findings],
            Discrepancies = [.. _discrepancies],
            Files = [.. _files],
        };
    }

    private async Task<StabilityDay> CloseAsync(StabilityDayState day, bool interrupted, DateTimeOffset time, ILogger logger, CancellationToken cancellationToken)
    {
        _open.Remove(day.Number - 1);
        var cut = interrupted && day.End > time;
        var warnings = new List<string>();
        if (day.Failed > 0)
        {
            warnings.Add(Text($"partial day: {day.Failed} of {day.Ticks} collection(s) failed (first at {day.FirstFailure})"));
        }

        if (day.Skipped > 0)
        {
            warnings.Add(Text($"behind schedule: {day.Skipped} tick(s) skipped"));
        }

        if (day.Empty > 0)
        {
            warnings.Add(Text($"{day.Empty} empty snapshot(s) ({SignalCategories.CollectEmptySource}): a collection gap counted against completeness, not as 0 % availability"));
        }

        if (day.Discrepancies > 0)
        {
            warnings.Add(Text($"{day.Discrepancies} cross-check discrepancy(ies) between sources: the higher-priority source was trusted"));
        }

        if (cut)
        {
            warnings.Add($"the run was interrupted at {Figures.Time(time)}: the day is incomplete");
        }

        warnings.AddRange(day.Notes);
        var summary = day.Aggregator.Build();
        summary = summary with { Completeness = summary.Completeness with { Warnings = [.. summary.Completeness.Warnings, .. warnings] } };
        var path = Path.Combine(_output, SummaryReporter.DailyFileName(summary));
        await AtomicFile.WriteAsync(path, (s, ct) => Reporter.WriteJsonAsync(summary, s, ct), cancellationToken).ConfigureAwait(false);
        _files.Add(path);
        var result = new StabilityDay
        {
            Summary = summary,
            Ticks = day.Ticks,
            Collected = day.Collected,
            Empty = day.Empty,
            Failed = day.Failed,
            Skipped = day.Skipped,
            Discrepancies = day.Discrepancies,
            Partial = day.Failed > 0 || day.Skipped > 0 || cut,
            SummaryPath = path,
            RawDirectory = day.RawDirectory,
        };
        _closed.Add(result);
        LogDayClosed(logger, day.Label, summary.Completeness.Percent, day.Failed, day.Skipped, path);
        return result;
    }

    [LoggerMessage(EventId = 55, Level = LogLevel.Information, Message = "Stability monitor closed {Day}: completeness {Completeness} %, {Failed} failed and {Skipped} skipped tick(s), written to {Path}")]
    private static partial void LogDayClosed(ILogger logger, string day, double completeness, int failed, int skipped, string path);

    [LoggerMessage(EventId = 56, Level = LogLevel.Information, Message = "Stability monitor wrote the summary of {Days} day(s) to {Path}")]
    private static partial void LogWeeklyWritten(ILogger logger, int days, string path);
}
