using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>
/// The monitoring pass: collect (first collector with data wins, in registration order),
/// classify, evaluate, decide, alert, report. Failures of collectors, sinks and reporters are
/// results; only the caller's cancellation escapes.
/// </summary>
internal sealed partial class HealthMonitor : IHealthMonitor
{
    private readonly ObservabilityOptions _options;
    private readonly ICollector[] _collectors;
    private readonly IClassifier<SnapshotSignal> _classifier;
    private readonly IAlertPublisher _alerts;
    private readonly PassSettings _settings;
    private readonly ReportWriter _reports;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ExecutionTracer _tracer;
    private readonly ILogger _logger;
    private readonly PassFollowUp? _followUp;

    public HealthMonitor(
        IOptions<ObservabilityOptions> options,
        IEnumerable<ICollector> collectors,
        IClassifier<SnapshotSignal> classifier,
        IRegressionClassifier regression,
        IAlertPublisher alerts,
        ReportWriter reports,
        SecretRedactor redactor,
        TimeProvider time,
        ILogger<HealthMonitor> logger,
        PassFollowUp? followUp = null,
        ExecutionTracer? tracer = null)
    {
        _followUp = followUp;
        _options = options.Value; // validates: a bad configuration fails here, listing every problem
        _collectors = CrossCheckedCollector.WithoutChainedSources(collectors); // a chain's sources are asked through it
        _classifier = classifier;
        _alerts = alerts;
        _settings = new PassSettings(_options.Thresholds, BaselineLevels.From(_options), regression, redactor);
        _reports = reports;
        _redactor = redactor;
        _time = time;
        _logger = logger;
        _tracer = tracer ?? new ExecutionTracer(new TraceStore(), redactor, time);
    }

    public Task<MonitoringPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
        => RunOnceAsync(CollectionWindow.Ending(_time.GetUtcNow(), _options.LookbackWindow), cancellationToken);

    public async Task<MonitoringPassResult> RunOnceAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        // The pass is recorded as the service's own execution trace (debug-last without a user) and emitted as the
        // observability.pass span with one child span per step.
        using var trace = _tracer.Start("monitoring pass", userId: null, "observability.pass");
        var activity = trace.Activity;
        var traceId = trace.TraceId;
        var started = _time.GetTimestamp();
        activity?.SetTag("observability.service", _options.ServiceName);
        LogPassStarted(_logger, _options.ServiceName, window.Start, window.End, traceId);
        try
        {
            var result = await RunStepsAsync(trace, window, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("observability.decision", result.Report.Verdict.Decision.ToString());
            ObservabilityTelemetry.PassDuration.Record(
                _time.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("observability.decision", DecisionName(result.Report.Verdict.Decision)));
            return result;
        }
        catch (Exception ex)
        {
            trace.Fail(ex);
            ObservabilityTelemetry.PassDuration.Record(
                _time.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("error.type", ex.GetType().FullName));
            throw;
        }
    }

    private async Task<MonitoringPassResult> RunStepsAsync(TraceRecording trace, CollectionWindow window, CancellationToken cancellationToken)
    {
        var traceId = trace.TraceId;
        IReadOnlyList<CollectionResult> collections;
        CollectionResult? used;
        using (var step = trace.BeginStep("collect", "observability.collect"))
        {
            collections = await CollectAsync(window, cancellationToken).ConfigureAwait(false);
            used = collections.FirstOrDefault(static c => c.HasData);
            if (used is null)
            {
                step.Fail(collections.Count == 0 ? "no collector registered" : $"no collector returned data ({collections.Count} tried)");
            }
            else
            {
                step.SetDetail($"{used.CollectorName}: {used.Snapshots.Count} snapshots");
            }
        }

        SnapshotFacts[] facts;
        using (var step = trace.BeginStep("classify", "observability.classify"))
        {
            facts = SnapshotFacts.Evaluate(used?.Snapshots.Where(s => window.Contains(s.Timestamp)).ToArray() ?? [], _classifier, _options.Thresholds);
            step.SetDetail($"{facts.Count(static f => f.Usable)} of {facts.Length} snapshots usable");
        }

        var evaluationLength = _options.EvaluationWindow < window.Duration ? _options.EvaluationWindow : window.Duration;
        var evaluationWindow = CollectionWindow.Ending(window.End, evaluationLength);
        Evaluation evaluation;
        using (var step = trace.BeginStep("evaluate", "observability.evaluate"))
        {
            evaluation = PassEvaluator.Evaluate(facts, window, evaluationWindow, collections, _settings);
            step.SetDetail($"{evaluation.Verdict.Decision}, {evaluation.Findings.Count} findings");
        }

        var now = _time.GetUtcNow();
        AlertPublishResult alerting;
        using (var step = trace.BeginStep("alert", "observability.alert"))
        {
            var alerts = AlertFactory.FromFindings(evaluation.Findings, _options, traceId, now, evaluationWindow);
            // Our pipeline also resolves what the service's previous pass raised; any other publisher gets the alerts as they are.
            alerting = _alerts is AlertPipeline pipeline
                ? await pipeline.PublishPassAsync(_options.ServiceName, alerts, cancellationToken).ConfigureAwait(false)
                : await _alerts.PublishAsync(alerts, cancellationToken).ConfigureAwait(false);
            var failed = alerting.Deliveries.Count(static d => !d.Succeeded && d.Status != DeliveryStatus.Skipped);
            if (failed > 0)
            {
                step.Fail($"{failed} of {alerting.Deliveries.Count} deliveries not accepted");
            }
            else
            {
                step.SetDetail($"{alerting.Raised.Count} raised, {alerting.Suppressed} suppressed");
            }
        }

        var report = new HealthReport
        {
            Service = _options.ServiceName,
            Environment = _options.Environment,
            Window = window,
            EvaluationWindow = evaluationWindow,
            GeneratedAt = now,
            TraceId = traceId,
            Verdict = evaluation.Verdict,
            Health = evaluation.Health,
            Stability = evaluation.Stability,
            Findings = evaluation.Findings,
            Slos = evaluation.Slos,
            Metrics = evaluation.Metrics,
            DataQuality = evaluation.DataQuality,
            Regression = evaluation.Regression,
            RegionalDrift = evaluation.RegionalDrift,
            Timeline = PassTimeline.Build(facts, _options.Thresholds),
            Collections = collections.Select(c => new CollectionSummary(c.CollectorName, c.Status, c.Snapshots.Count, ReferenceEquals(c, used), c.Errors.Select(e => _redactor.RedactText(e.ToString())).ToArray())
            {
                Warnings = c.Warnings.Select(_redactor.RedactText).ToArray(),
            }).ToArray(),
            Alerts = alerting.Raised,
        };

        IReadOnlyList<ReportResult> written;
        using (var step = trace.BeginStep("report", "observability.report"))
        {
            var started = _time.GetTimestamp();
            written = await _reports.WriteAllAsync(report, _options.Reports, cancellationToken).ConfigureAwait(false);
            var failed = written.Count(static r => !r.Succeeded);
            ObservabilityTelemetry.ReportDuration.Record(_time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("status", failed == 0 ? "ok" : "failed"));
            if (failed > 0)
            {
                step.Fail($"{failed} of {written.Count} reports not written");
            }
            else
            {
                step.SetDetail($"{written.Count} written");
            }
        }

        LogPassFinished(_logger, _options.ServiceName, report.Verdict.Decision, report.Health.Value, report.Stability.Value, alerting.Raised.Count, alerting.Suppressed, traceId);
        var result = new MonitoringPassResult(report, collections.Select(Redacted).ToArray(), alerting.Deliveries, written, alerting.Suppressed);
        if (_followUp is not null)
        {
            // The health check's result, and the automatic rollback when it is on and due.
            await _followUp.AfterPassAsync(result, _options, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// A collector's result as the caller gets it back: its error and warning texts redacted like everything else the pass
    /// hands out (a collector may quote a token it was given); the same instance when there was nothing to mask.
    /// </summary>
    private CollectionResult Redacted(CollectionResult result)
    {
        var errors = result.Errors.Select(e => e with { Message = _redactor.RedactText(e.Message), Location = e.Location is null ? null : _redactor.RedactText(e.Location) }).ToArray();
        var warnings = result.Warnings.Select(_redactor.RedactText).ToArray();
        if (errors.SequenceEqual(result.Errors) && warnings.SequenceEqual(result.Warnings, StringComparer.Ordinal))
        {
            return result;
        }

        var copy = result.Status switch
        {
            CollectionStatus.Failed => CollectionResult.Failed(result.CollectorName, errors[0]),
            CollectionStatus.NoData => CollectionResult.NoData(result.CollectorName, errors.Length > 0 ? errors[0].Message : "no data"),
            CollectionStatus.Partial => CollectionResult.Partial(result.CollectorName, result.Snapshots, errors),
            _ => CollectionResult.Success(result.CollectorName, result.Snapshots),
        };
        return copy.WithWarnings(warnings);
    }

    private static string DecisionName(Decision decision) => decision switch
    {
        Decision.Proceed => "proceed",
        Decision.Hold => "hold",
        Decision.Rollback => "rollback",
        _ => "no_data",
    };

    private async Task<IReadOnlyList<CollectionResult>> CollectAsync(CollectionWindow window, CancellationToken cancellationToken)
    {
        var results = new List<CollectionResult>(_collectors.Length);
        foreach (var collector in _collectors)
        {
            CollectionResult result;
            var started = _time.GetTimestamp();
            try
            {
                result = await collector.CollectAsync(window, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var error = new CollectionError(CollectionErrorKind.Unknown, $"{ex.GetType().Name}: {_redactor.RedactText(ex.Message)}");
                result = CollectionResult.Failed(collector.Name, error);
            }

            ObservabilityTelemetry.RecordCollection(collector.Name, result, _time.GetElapsedTime(started));

            results.Add(result);
            if (result.Status != CollectionStatus.Success)
            {
                LogCollectionProblem(_logger, collector.Name, result.Status, _redactor.RedactText(string.Join("; ", result.Errors.Take(3))));
            }

            if (result.HasData)
            {
                break; // the fallback chain stops at the first source with data
            }
        }

        return results;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Monitoring pass for {Service} over [{WindowStart:O}, {WindowEnd:O}) started (trace {TraceId})")]
    private static partial void LogPassStarted(ILogger logger, string service, DateTimeOffset windowStart, DateTimeOffset windowEnd, string traceId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Monitoring pass for {Service}: {Decision}, health {Health}, stability {Stability}, {Alerts} alert(s) raised, {Suppressed} suppressed (trace {TraceId})")]
    private static partial void LogPassFinished(ILogger logger, string service, Decision decision, double health, double stability, int alerts, int suppressed, string traceId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Collector {Collector} returned {Status}: {Errors}")]
    private static partial void LogCollectionProblem(ILogger logger, string collector, CollectionStatus status, string errors);
}
