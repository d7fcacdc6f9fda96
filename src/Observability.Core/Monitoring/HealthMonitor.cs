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
        PassFollowUp? followUp = null)
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
    }

    public Task<MonitoringPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
        => RunOnceAsync(CollectionWindow.Ending(_time.GetUtcNow(), _options.LookbackWindow), cancellationToken);

    public async Task<MonitoringPassResult> RunOnceAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        using var activity = ObservabilityTelemetry.Source.StartActivity("observability.pass");
        var traceId = (activity?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
        activity?.SetTag("observability.service", _options.ServiceName);
        LogPassStarted(_logger, _options.ServiceName, window.Start, window.End, traceId);

        var collections = await CollectAsync(window, cancellationToken).ConfigureAwait(false);
        var used = collections.FirstOrDefault(static c => c.HasData);
        var facts = SnapshotFacts.Evaluate(used?.Snapshots.Where(s => window.Contains(s.Timestamp)).ToArray() ?? [], _classifier, _options.Thresholds);

        var evaluationLength = _options.EvaluationWindow < window.Duration ? _options.EvaluationWindow : window.Duration;
        var evaluationWindow = CollectionWindow.Ending(window.End, evaluationLength);
        var evaluation = PassEvaluator.Evaluate(facts, window, evaluationWindow, collections, _settings);

        var now = _time.GetUtcNow();
        var alerts = AlertFactory.FromFindings(evaluation.Findings, _options, traceId, now, evaluationWindow);
        // Our pipeline also resolves what the service's previous pass raised; any other publisher gets the alerts as they are.
        var alerting = _alerts is AlertPipeline pipeline
            ? await pipeline.PublishPassAsync(_options.ServiceName, alerts, cancellationToken).ConfigureAwait(false)
            : await _alerts.PublishAsync(alerts, cancellationToken).ConfigureAwait(false);

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

        var written = await _reports.WriteAllAsync(report, _options.Reports, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("observability.decision", report.Verdict.Decision.ToString());
        LogPassFinished(_logger, _options.ServiceName, report.Verdict.Decision, report.Health.Value, report.Stability.Value, alerting.Raised.Count, alerting.Suppressed, traceId);
        var result = new MonitoringPassResult(report, collections, alerting.Deliveries, written, alerting.Suppressed);
        if (_followUp is not null)
        {
            // The health check's result, and the automatic rollback when it is on and due.
            await _followUp.AfterPassAsync(result, _options, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<IReadOnlyList<CollectionResult>> CollectAsync(CollectionWindow window, CancellationToken cancellationToken)
    {
        var results = new List<CollectionResult>(_collectors.Length);
        foreach (var collector in _collectors)
        {
            CollectionResult result;
            try
            {
                result = await collector.CollectAsync(window, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var error = new CollectionError(CollectionErrorKind.Unknown, $"{ex.GetType().Name}: {_redactor.RedactText(ex.Message)}");
                result = CollectionResult.Failed(collector.Name, error);
            }

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
