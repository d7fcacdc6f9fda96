using System.Globalization;
using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <content>One tick: collect, classify, save raw, aggregate.</content>
public sealed partial class StabilityMonitor
{
    private static readonly SnapshotClassifier Classifier = new(new ThresholdOptions());
    private static readonly SecretRedactor Redactor = new(new RedactionOptions());

    private async Task<StabilityProgress> TickAsync(StabilityRunState run, int tick, int planned, DateTimeOffset due, int skipped, CancellationToken cancellationToken)
    {
        var closed = await run.CloseDaysBeforeAsync(due, interrupted: false, _logger, cancellationToken).ConfigureAwait(false);
        var day = run.DayOf(due);

        // The window (due - interval, due]: the snapshot measured at the tick itself belongs to it.
        var window = new CollectionWindow(due - _options.Interval + TimeSpan.FromTicks(1), due + TimeSpan.FromTicks(1));
        var (result, discrepancies) = await CollectAsync(window, cancellationToken).ConfigureAwait(false);
        run.AddDiscrepancies(day, due, discrepancies);
        var snapshot = result.Snapshots.Count > 0 ? result.Snapshots[^1] : null;
        if (snapshot is null || snapshot.Quality.Status == DataQualityStatus.Failed)
        {
            var why = snapshot?.Quality.Reason ?? (result.Errors.Count > 0 ? string.Join("; ", result.Errors.Take(3)) : "no snapshot in the window");
            run.Fail(day, due, why);
            LogTickFailed(_logger, tick, due, result.CollectorName, why);
            return new StabilityProgress(tick, planned, due, StabilityTickOutcome.Failed, skipped, Text($"tick {tick}/{planned} at {due:yyyy-MM-dd HH:mm}: collection failed ({why}); {day.Label} marked partial"), closed);
        }

        await RawSnapshotWriter.WriteAsync(Path.Combine(day.RawDirectory, RawSnapshotWriter.FileName(due)), due, snapshot, cancellationToken).ConfigureAwait(false);
        var classification = Classifier.Classify(new SnapshotSignal(snapshot, run.Previous));
        var empty = classification.Category == SignalCategories.CollectEmptySource;
        run.Add(day, due, snapshot, empty, _logger);
        var message = empty
            ? Text($"tick {tick}/{planned} at {due:yyyy-MM-dd HH:mm}: empty snapshot ({classification.Category}), counted against completeness")
            : Text($"tick {tick}/{planned} at {due:yyyy-MM-dd HH:mm}: collected {snapshot.Metrics.Count} metrics");
        return new StabilityProgress(tick, planned, due, empty ? StabilityTickOutcome.Empty : StabilityTickOutcome.Collected, skipped, message, closed);
    }

    private async Task<(CollectionResult Result, IReadOnlyList<CrossCheckDiscrepancy> Discrepancies)> CollectAsync(CollectionWindow window, CancellationToken cancellationToken)
    {
        try
        {
            if (_collector is CrossCheckedCollector chain)
            {
                var checkedResult = await chain.CollectCheckedAsync(window, cancellationToken).ConfigureAwait(false);
                return (checkedResult.Result, checkedResult.Discrepancies);
            }

            return (await _collector.CollectAsync(window, cancellationToken).ConfigureAwait(false), []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (CollectionResult.Failed(_collector.Name, new CollectionError(CollectionErrorKind.Unknown, $"the collector threw {ex.GetType().Name}: {Redactor.RedactText(ex.Message)}")), []);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 53, Level = LogLevel.Warning, Message = "Stability monitor tick {Tick} at {Due:O}: collector {Collector} failed: {Reason}; the day is marked partial")]
    private static partial void LogTickFailed(ILogger logger, int tick, DateTimeOffset due, string collector, string reason);
}
