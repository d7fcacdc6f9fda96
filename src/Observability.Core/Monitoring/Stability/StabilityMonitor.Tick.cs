using System.Globalization;
using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <content>One tick: collect, classify, save raw, aggregate.</content>
public sealed partial class StabilityMonitor
{
    private async Task<StabilityProgress> TickCoreAsync(StabilityRunState run, int tick, int planned, DateTimeOffset due, int skipped, CancellationToken cancellationToken)
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
        var (judged, fact) = run.Add(day, due, snapshot, _logger);
        await PublishAsync(judged, due, cancellationToken).ConfigureAwait(false);
        var empty = !fact.Usable;
        var firing = judged.Firing.Count == 0 ? string.Empty : Text($"; firing: {string.Join(", ", judged.Firing.Select(static f => f.Rule))}");
        var message = empty
            ? Text($"tick {tick}/{planned} at {due:yyyy-MM-dd HH:mm}: empty snapshot ({fact.Classification.Category}), counted against completeness{firing}")
            : Text($"tick {tick}/{planned} at {due:yyyy-MM-dd HH:mm}: collected {snapshot.Metrics.Count} metrics{firing}");
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
            return (CollectionResult.Failed(_collector.Name, new CollectionError(CollectionErrorKind.Unknown, $"the collector threw {ex.GetType().Name}: {_redactor.RedactText(ex.Message)}")), []);
        }
    }

    /// <summary>Publishes the tick's firing findings; what the previous tick fired and this one does not is resolved by the pipeline.</summary>
    private async Task PublishAsync(TickJudgement judged, DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (_alerts is null)
        {
            return;
        }

        var options = new ObservabilityOptions { ServiceName = _options.ServiceName };
        var window = new CollectionWindow(due - _options.Interval, due.AddTicks(1));
        var alerts = AlertFactory.FromFindings(judged.Firing, options, System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString(), _time.GetUtcNow(), window);
        try
        {
            _ = _alerts is AlertPipeline pipeline
                ? await pipeline.PublishPassAsync("stability:" + _options.ServiceName, alerts, cancellationToken).ConfigureAwait(false)
                : await _alerts.PublishAsync(alerts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(_logger, ex.GetType().Name, _redactor.RedactText(ex.Message));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 53, Level = LogLevel.Warning, Message = "Stability monitor tick {Tick} at {Due:O}: collector {Collector} failed: {Reason}; the day is marked partial")]
    private static partial void LogTickFailed(ILogger logger, int tick, DateTimeOffset due, string collector, string reason);

    [LoggerMessage(EventId = 57, Level = LogLevel.Warning, Message = "Stability monitor could not publish a tick's alerts: {Type}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string type, string reason);
}
